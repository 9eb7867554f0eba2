using System.Text.Json.Serialization;
using LaborMarket.Cli.Profiles;

namespace LaborMarket.Cli.Hosting;

/// <summary>Source-generated JSON for what only the CLI prints (a profile page joins several packages' results).</summary>
[JsonSerializable(typeof(ProfileReport))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
}
