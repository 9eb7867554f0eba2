namespace LaborMarket.Inference.Training;

/// <summary>
/// A LightGBM parameter (or a value of one) that <see cref="GbdtTrainer"/> does not implement, such as
/// <c>boosting=dart</c> or a <c>metric</c> that does not drive early stopping: refused rather than trained around.
/// </summary>
public sealed class UnsupportedTrainingParameterException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="parameter">The parameter's name as given.</param>
    /// <param name="value">The value as given.</param>
    /// <param name="reason">What the trainer does instead, or why it cannot.</param>
    public UnsupportedTrainingParameterException(string parameter, string value, string reason)
        : base($"{parameter}={value}: {reason}")
    {
        Parameter = parameter;
        Value = value;
    }

    /// <summary>Creates the exception.</summary>
    public UnsupportedTrainingParameterException()
        : this("", "", "a parameter this trainer does not implement")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public UnsupportedTrainingParameterException(string message)
        : base(message)
    {
        Parameter = "";
        Value = "";
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public UnsupportedTrainingParameterException(string message, Exception innerException)
        : base(message, innerException)
    {
        Parameter = "";
        Value = "";
    }

    /// <summary>The parameter's name as given (such as <c>boosting_type</c>).</summary>
    public string Parameter { get; }

    /// <summary>The value as given (such as <c>dart</c>).</summary>
    public string Value { get; }
}
