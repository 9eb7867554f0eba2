using System.Text.Json;

namespace LaborMarket.Normalization.Catalog;

/// <summary>Reads a custom catalog with <see cref="Utf8JsonReader"/> so that every error carries its line number.</summary>
internal static class CatalogJsonReader
{
    internal sealed record RolePatch(string Id, string? Name, string? Family, OnetSocCode? OnetSoc, string[] Aliases, long Line);

    internal sealed record Patch(List<RolePatch> Roles, List<(string Alias, string RoleId, long Line)> AliasMoves);

    public static Patch Read(byte[] utf8, string source)
    {
        var patch = new Patch([], []);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            Expect(ref reader, JsonTokenType.StartObject, utf8, source, null);
            while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                Next(ref reader);
                switch (name)
                {
                    case "roles":
                        ReadRoles(ref reader, utf8, source, patch.Roles);
                        break;
                    case "aliases":
                        ReadAliases(ref reader, utf8, source, patch.AliasMoves);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            throw new LaborMarketFormatException(source, (ex.LineNumber ?? -1) + 1, null, "invalid JSON: " + ex.Message, ex);
        }

        return patch;
    }

    private static void ReadRoles(ref Utf8JsonReader reader, byte[] utf8, string source, List<RolePatch> roles)
    {
        Expect(ref reader, JsonTokenType.StartArray, utf8, source, "roles", advance: false);
        while (Next(ref reader) && reader.TokenType != JsonTokenType.EndArray)
        {
            var line = Line(utf8, reader.TokenStartIndex);
            Expect(ref reader, JsonTokenType.StartObject, utf8, source, "roles", advance: false);
            string? id = null, name = null, family = null;
            OnetSocCode? code = null;
            var aliases = new List<string>();
            while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
            {
                var prop = reader.GetString();
                Next(ref reader);
                var at = Line(utf8, reader.TokenStartIndex);
                switch (prop)
                {
                    case "id":
                        id = String(ref reader, utf8, source, "id");
                        break;
                    case "name":
                        name = String(ref reader, utf8, source, "name");
                        break;
                    case "family":
                        family = String(ref reader, utf8, source, "family");
                        break;
                    case "onet_soc" or "soc" or "onetSoc":
                        var text = String(ref reader, utf8, source, prop);
                        code = OnetSocCode.TryParse(text, out var c)
                            ? c
                            : throw new LaborMarketFormatException(source, at, prop, $"'{text}' is not a SOC or O*NET-SOC code");
                        break;
                    case "aliases":
                        Expect(ref reader, JsonTokenType.StartArray, utf8, source, "aliases", advance: false);
                        while (Next(ref reader) && reader.TokenType != JsonTokenType.EndArray)
                        {
                            aliases.Add(String(ref reader, utf8, source, "aliases"));
                        }

                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (string.IsNullOrWhiteSpace(id))
            {
                throw new LaborMarketFormatException(source, line, "id", "a role needs an id");
            }

            roles.Add(new RolePatch(id, name, family, code, aliases.ToArray(), line));
        }
    }

    private static void ReadAliases(ref Utf8JsonReader reader, byte[] utf8, string source, List<(string, string, long)> moves)
    {
        Expect(ref reader, JsonTokenType.StartObject, utf8, source, "aliases", advance: false);
        while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            var alias = reader.GetString()!;
            var line = Line(utf8, reader.TokenStartIndex);
            Next(ref reader);
            moves.Add((alias, String(ref reader, utf8, source, "aliases"), line));
        }
    }

    private static bool Next(ref Utf8JsonReader reader) => reader.Read();

    private static string String(ref Utf8JsonReader reader, byte[] utf8, string source, string field) =>
        reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw new LaborMarketFormatException(source, Line(utf8, reader.TokenStartIndex), field, $"expected a string, found {reader.TokenType}");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, byte[] utf8, string source, string? field, bool advance = true)
    {
        if (advance && !reader.Read())
        {
            throw new LaborMarketFormatException(source, 1, field, "the file is empty");
        }

        if (reader.TokenType != type)
        {
            throw new LaborMarketFormatException(source, Line(utf8, reader.TokenStartIndex), field, $"expected {type}, found {reader.TokenType}");
        }
    }

    private static long Line(byte[] utf8, long offset)
    {
        long line = 1;
        for (var i = 0; i < offset && i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                line++;
            }
        }

        return line;
    }
}
