using LaborMarket.Inference.Models;
using LaborMarket.Inference.Records;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Inference.Tests.Records;

public class JobRecordsTests
{
    [DataFact]
    public void FromRows_H1bSample_KeepsOrCountsEveryRow()
    {
        var rows = RawRows.H1b();

        var batch = JobRecords.FromRows(rows, TitleNormalizer.Default, new JobRecordOptions { Source = "h1b" });

        Assert.Equal(3467, batch.Rows);
        Assert.Equal(batch.Rows, batch.Records.Count + batch.NoRole + batch.NoPlace);
        Assert.Equal(batch.Rows - batch.NoRole, batch.MatchedRows);
        Assert.True(batch.MatchedRows > 0.85 * batch.Rows, $"{batch.MatchedRows} of {batch.Rows} rows matched");
        Assert.Equal(rows.Select(r => r.Title).Distinct(StringComparer.Ordinal).Count(), batch.DistinctTitles);
        Assert.Equal(batch.Records.Count, batch.SourceRows.Count);
        Assert.Equal(batch.Records.Count(r => r.Salary is null), batch.BlankPay);
        Assert.Equal(batch.Records.Count(r => r.Salary is not null && !SalaryModel.IsPlausible(r.Salary)), batch.ImplausiblePay);
        Assert.True(batch.ImplausiblePay > 0, "the sample holds hourly wages filed as annual pay");
        Assert.All(batch.Records, r => Assert.Equal("h1b", r.Source));
    }

    [DataFact]
    public void FromRows_H1bSample_EachRecordIsItsRowNormalized()
    {
        var rows = RawRows.H1b();

        var batch = JobRecords.FromRows(rows, TitleNormalizer.Default);

        for (var i = 0; i < batch.Records.Count; i += 7)
        {
            var (record, row) = (batch.Records[i], rows[batch.SourceRows[i]]);
            var match = TitleNormalizer.Default.Normalize(row.Title);
            Assert.Equal(match.Role!.Id, record.RoleId);
            Assert.Equal(match.SocCode, record.Soc);
            Assert.Equal(match.Seniority, record.Seniority);
            Assert.True(JobRecords.TryParseState(row.Place, out var state));
            Assert.Equal(state, record.State);
            Assert.Equal((row.Employer, row.Pay, row.Date), (record.Employer, record.Salary, record.Date));
        }
    }

    [DataFact]
    public void FromRows_ChicagoPayrollWithOneState_KeepsHourlyStaffAsBlankPay()
    {
        var rows = RawRows.ChicagoPayroll();
        var illinois = UsState.Parse("IL");

        var batch = JobRecords.FromRows(rows, TitleNormalizer.Default, new JobRecordOptions { Source = "payroll", State = illinois });

        Assert.Equal(31133, batch.Rows);
        Assert.Equal(0, batch.NoPlace);
        Assert.All(batch.Records, r => Assert.Equal(illinois, r.State));
        var hourly = RawRows.Column("titles/chicago_city_payroll_titles_2023.csv", "Salary or Hourly");
        Assert.Equal(batch.SourceRows.Count(i => hourly[i] == "HOURLY"), batch.BlankPay);
        Assert.True(batch.BlankPay > 1000);
    }

    [DataFact]
    public void FromRows_ChicagoPayrollWithoutAState_DropsEveryMatchedRowForNoPlace()
    {
        var rows = RawRows.ChicagoPayroll();

        var batch = JobRecords.FromRows(rows, TitleNormalizer.Default);

        Assert.Empty(batch.Records);
        Assert.Equal(batch.MatchedRows, batch.NoPlace);
        Assert.Equal(batch.Rows, batch.NoRole + batch.NoPlace);
    }

    [Theory]
    [InlineData("SAN JOSE, CALIFORNIA", "CA")]
    [InlineData("Tampa, FL", "FL")]
    [InlineData("CA", "CA")]
    [InlineData("new york", "NY")]
    public void TryParseState_Place_GivesTheState(string place, string code)
    {
        Assert.True(JobRecords.TryParseState(place, out var state));
        Assert.Equal(code, state.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("LONDON, UK")]
    [InlineData("Springfield")]
    public void TryParseState_NoState_False(string? place)
    {
        Assert.False(JobRecords.TryParseState(place, out _));
    }

    [Fact]
    public void FromRows_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => JobRecords.FromRows(null!, TitleNormalizer.Default));
        Assert.Throws<ArgumentNullException>(() => JobRecords.FromRows([], null!));
    }
}
