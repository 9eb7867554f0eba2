using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using LaborMarket.Normalization.Text;

namespace LaborMarket.Normalization.Catalog;

/// <summary>
/// An immutable set of canonical roles and their aliases: the embedded catalog, optionally merged with
/// users' JSON catalogs that add roles, add aliases or move an alias to another role.
/// </summary>
/// <remarks>
/// A custom catalog file looks like this (comments and trailing commas are allowed):
/// <code>
/// {
///   "roles": [
///     { "id": "prompt-engineer", "name": "Prompt Engineer", "family": "Engineering",
///       "onet_soc": "15-1252.00", "aliases": ["prompt engineer", "llm prompt designer"] },
///     { "id": "software-engineer", "aliases": ["code ninja"] }
///   ],
///   "aliases": { "rockstar developer": "software-engineer" }
/// }
/// </code>
/// A role whose id exists is updated (given fields replace, aliases are added); a new id needs
/// <c>name</c> and <c>onet_soc</c> (or <c>soc</c>). An entry under <c>aliases</c> moves that alias to the role.
/// </remarks>
public sealed class RoleCatalog
{
    private const string ResourceName = "LaborMarket.Normalization.roles.txt";
    private static readonly Lazy<RoleCatalog> EmbeddedLazy = new(LoadEmbedded);

    private readonly FrozenDictionary<string, Role> _byId;

    private RoleCatalog(IReadOnlyList<Role> roles)
    {
        Roles = roles;
        _byId = roles.ToFrozenDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The catalog embedded in the package (over 700 roles in all 22 civilian SOC major groups).</summary>
    public static RoleCatalog Embedded => EmbeddedLazy.Value;

    /// <summary>The roles, in catalog order.</summary>
    public IReadOnlyList<Role> Roles { get; }

    /// <summary>The role with an id (case-insensitive), or null.</summary>
    public Role? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.GetValueOrDefault(id);
    }

    /// <summary>Reads a JSON catalog file and merges it over this catalog.</summary>
    /// <exception cref="LaborMarketFormatException">The file is not a valid catalog; the message names the line and field.</exception>
    public RoleCatalog MergeJson(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return MergeJson(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads a JSON catalog from a stream and merges it over this catalog.</summary>
    /// <exception cref="LaborMarketFormatException">The JSON is not a valid catalog.</exception>
    public RoleCatalog MergeJson(Stream json, string sourceName = "catalog.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        using var buffer = new MemoryStream();
        json.CopyTo(buffer);
        return MergeJson(buffer.ToArray(), sourceName);
    }

    private RoleCatalog MergeJson(byte[] utf8, string source)
    {
        var patch = CatalogJsonReader.Read(utf8, source);
        var roles = Roles.ToList();
        var index = roles.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.OrdinalIgnoreCase);

        foreach (var p in patch.Roles)
        {
            if (index.TryGetValue(p.Id, out var i))
            {
                var old = roles[i];
                roles[i] = old with
                {
                    Name = p.Name ?? old.Name,
                    Family = p.Family ?? old.Family,
                    OnetSoc = p.OnetSoc ?? old.OnetSoc,
                    Aliases = [.. old.Aliases, .. p.Aliases.Where(a => !old.Aliases.Contains(a, StringComparer.OrdinalIgnoreCase))],
                    CustomAliases = [.. old.CustomAliases, .. p.Aliases],
                    Source = RoleSource.Custom,
                };
                continue;
            }

            if (p.Name is null || p.OnetSoc is null)
            {
                throw new LaborMarketFormatException(source, p.Line, p.Name is null ? "name" : "onet_soc",
                    $"new role '{p.Id}' needs a name and an onet_soc (or soc) code");
            }

            index[p.Id] = roles.Count;
            roles.Add(new Role(p.Id, p.Name, p.Family ?? SocMajorGroups.Name(p.OnetSoc.Value.Soc.MajorGroupNumber), p.OnetSoc.Value)
            {
                Aliases = p.Aliases.Contains(p.Name, StringComparer.OrdinalIgnoreCase) ? p.Aliases : [p.Name, .. p.Aliases],
                CustomAliases = p.Aliases.Contains(p.Name, StringComparer.OrdinalIgnoreCase) ? p.Aliases : [p.Name, .. p.Aliases],
                Source = RoleSource.Custom,
            });
        }

        // A moved alias takes its words away from every other role: aliases that clean to the same words go too.
        var cleaner = patch.AliasMoves.Count > 0 ? new TitleCleaner() : null;
        var scratch = new TitleScratch();
        var keys = new Dictionary<string, string>(StringComparer.Ordinal); // each alias is cleaned once, however many moves
        string Key(string text)
        {
            if (!keys.TryGetValue(text, out var key))
            {
                cleaner!.Clean(text, scratch);
                keys[text] = key = scratch.BuildKey(primaryOnly: false).ToString();
            }

            return key;
        }

        foreach (var (alias, roleId, line) in patch.AliasMoves)
        {
            if (!index.TryGetValue(roleId, out var target))
            {
                throw new LaborMarketFormatException(source, line, "aliases", $"alias '{alias}' names unknown role '{roleId}'");
            }

            var key = Key(alias);
            for (var i = 0; i < roles.Count; i++)
            {
                if (i != target && roles[i].Aliases.Any(a => Key(a) == key))
                {
                    roles[i] = roles[i] with
                    {
                        Aliases = roles[i].Aliases.Where(a => Key(a) != key).ToArray(),
                        CustomAliases = roles[i].CustomAliases.Where(a => Key(a) != key).ToArray(),
                    };
                }
            }

            var t = roles[target];
            roles[target] = t with { Aliases = [.. t.Aliases, alias], CustomAliases = [.. t.CustomAliases, alias], Source = RoleSource.Custom };
        }

        return new RoleCatalog(roles);
    }

    internal static RoleCatalog ParseEmbedded(TextReader reader, string source)
    {
        var roles = new List<Role>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('|', StringSplitOptions.TrimEntries);
            if (f.Length != 5)
            {
                throw new LaborMarketFormatException(source, lineNumber, null, $"expected 5 fields separated by '|', found {f.Length}");
            }

            if (!OnetSocCode.TryParse(f[3], out var code))
            {
                throw new LaborMarketFormatException(source, lineNumber, "onet_soc", $"'{f[3]}' is not an O*NET-SOC code");
            }

            if (!ids.Add(f[0]))
            {
                throw new LaborMarketFormatException(source, lineNumber, "id", $"duplicate role id '{f[0]}'");
            }

            var aliases = f[4].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            roles.Add(new Role(f[0], f[1], f[2], code) { Aliases = [f[1], .. aliases], Source = RoleSource.Embedded });
        }

        return new RoleCatalog(roles);
    }

    private static RoleCatalog LoadEmbedded()
    {
        using var stream = typeof(RoleCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return ParseEmbedded(reader, ResourceName);
    }
}
