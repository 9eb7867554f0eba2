using BenchmarkDotNet.Attributes;
using LaborMarket.Bls.Fallback;
using LaborMarket.Bls.Oews;

namespace LaborMarket.Benchmarks.Bls;

/// <summary>OEWS csv parsing and wage lookups with fallback over the real files.</summary>
[MemoryDiagnoser]
public class WageBenchmarks
{
    private byte[] _stateCsv = [];
    private int _stateRows;
    private WageLookup _lookup = null!;
    private WageLookup _uncached = null!;
    private int _oflcRows;
    private (SocCode Soc, WageLocation Where)[] _queries = [];
    private string _indexFile = "";

    [GlobalSetup]
    public void Setup()
    {
        _stateCsv = File.ReadAllBytes(BenchmarkData.DataPath("oews/state_M2024_extract.csv"));
        _stateRows = File.ReadLines(BenchmarkData.DataPath("oews/state_M2024_extract.csv")).Count() - 1;
        _lookup = WageData.LoadDirectory(BenchmarkData.SharedRoot + "/data");
        var socs = new[] { "29-1141", "15-1252", "11-1011", "47-2111", "29-1229", "53-3032", "41-2031", "13-2011" }.Select(SocCode.Parse).ToArray();
        var places = new[]
        {
            WageLocation.ForCounty(CountyFips.Parse("12103")), WageLocation.ForPlace("Pinellas County, FL"), WageLocation.ForState(UsState.Parse("TX")),
            WageLocation.ForArea(OewsAreaCode.Parse("1200006")), WageLocation.Nation, WageLocation.ForCounty(CountyFips.Parse("06085")),
        };
        _queries = socs.SelectMany(s => places.Select(p => (s, p))).ToArray();
        _indexFile = Path.Combine(Path.GetTempPath(), "labormarket-bench.lmwage");
        _lookup.Index.Save(_indexFile);
        _uncached = new WageLookup(_lookup.Index, _lookup.Crosswalk, answerCacheSize: 0);
        _oflcRows = 437_060;
    }

    /// <summary>Load a saved index of every OEWS file in the shared data (about 100,000 rows).</summary>
    [Benchmark]
    public int LoadSavedIndex() => WageIndex.Load(_indexFile).Count;

    /// <summary>Parse the May 2024 state extract (36,367 rows) from memory; per row.</summary>
    [Benchmark(OperationsPerInvoke = 36_367)]
    public async Task<int> ParseStateCsv()
    {
        var n = 0;
        await foreach (var _ in OewsCsvReader.ReadAsync(new MemoryStream(_stateCsv), "state_M2024_extract.csv"))
        {
            n++;
        }

        return n == _stateRows ? n : throw new InvalidOperationException("row count");
    }

    /// <summary>
    /// Lookups with regional and occupational fallback and their steps (48 mixed queries), every answer worked out
    /// afresh (no answer cache); per lookup.
    /// </summary>
    [Benchmark(OperationsPerInvoke = 48)]
    public int LookupWithFallback()
    {
        var found = 0;
        foreach (var (soc, where) in _queries)
        {
            found += _uncached.Find(soc, where).Found ? 1 : 0;
        }

        return found;
    }

    /// <summary>The same 48 lookups asked again, as in a large table with repeated occupation and place pairs (answer cache); per lookup.</summary>
    [Benchmark(OperationsPerInvoke = 48)]
    public int LookupRepeated()
    {
        var found = 0;
        foreach (var (soc, where) in _queries)
        {
            found += _lookup.Find(soc, where).Found ? 1 : 0;
        }

        return found;
    }

    /// <summary>Parse the OFLC prevailing-wage file (437,060 rows, gzipped); per row.</summary>
    [Benchmark(OperationsPerInvoke = 437_060)]
    public async Task<int> ParseOflcFile()
    {
        var n = 0;
        await foreach (var _ in LaborMarket.Bls.Oflc.OflcWageLevelReader.ReadFileAsync(BenchmarkData.DataPath("oews/oflc_alc_wage_levels_2020_by_area.csv.gz")))
        {
            n++;
        }

        return n == _oflcRows ? n : throw new InvalidOperationException($"row count {n}");
    }
}
