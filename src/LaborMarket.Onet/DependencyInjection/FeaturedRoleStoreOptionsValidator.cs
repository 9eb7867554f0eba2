using LaborMarket.Onet.FeaturedRoles;
using Microsoft.Extensions.Options;

namespace LaborMarket.Onet;

internal sealed class FeaturedRoleStoreOptionsValidator : IValidateOptions<FeaturedRoleStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, FeaturedRoleStoreOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            return ValidateOptionsResult.Fail("FeaturedRoleStoreOptions.DatabasePath is required: the SQLite file that holds the featured roles.");
        }

        if (Directory.Exists(options.DatabasePath))
        {
            return ValidateOptionsResult.Fail($"DatabasePath '{options.DatabasePath}' is a folder; give the database file.");
        }

        return options.BusyTimeout < TimeSpan.FromSeconds(1) || options.BusyTimeout > TimeSpan.FromMinutes(5)
            ? ValidateOptionsResult.Fail($"BusyTimeout {options.BusyTimeout} is outside 1 second to 5 minutes.")
            : ValidateOptionsResult.Success;
    }
}
