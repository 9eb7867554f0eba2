using LaborMarket.Bls.Fallback;

namespace LaborMarket.Bls.Tests.Fallback;

public class WageDataTests
{
    [DataFact]
    public void LoadDirectory_FolderWithCrosswalksButNoOewsFile_ThrowsNamingTheFolder()
    {
        var dir = Directory.CreateTempSubdirectory("wages-");
        try
        {
            File.Copy(TestData.DataPath("geo/county_cbsa_2023.csv"), Path.Combine(dir.FullName, "county_cbsa_2023.csv"));
            File.WriteAllText(Path.Combine(dir.FullName, "notes.csv"), "a,b\n1,2\n");

            var error = Assert.Throws<WageDataException>(() => WageData.LoadDirectory(dir.FullName));

            Assert.Contains($"no OEWS wage file in folder '{dir.FullName}' (2 files;", error.Message, StringComparison.Ordinal);
            Assert.Equal($"folder '{dir.FullName}'", error.Path);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [DataFact]
    public void LoadDirectory_OewsHeaderWithoutRows_ThrowsNamingTheFile()
    {
        var dir = Directory.CreateTempSubdirectory("wages-");
        try
        {
            var header = File.ReadLines(TestData.DataPath("oews/national_M2024_dl.csv")).First();
            File.WriteAllText(Path.Combine(dir.FullName, "national_M2024_dl.csv"), header + "\n");

            var error = Assert.Throws<WageDataException>(() => WageData.LoadDirectory(dir.FullName));

            Assert.Contains("hold no rows (national_M2024_dl.csv)", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [DataFact]
    public void LoadFiles_FileThatCannotBeOpened_ThrowsNamingIt()
    {
        var dir = Directory.CreateTempSubdirectory("wages-");
        try
        {
            // A link to a file that is gone: listed in the folder, but it cannot be opened.
            var link = Path.Combine(dir.FullName, "state_M2025_extract.csv");
            File.CreateSymbolicLink(link, Path.Combine(dir.FullName, "moved-away.csv"));

            var error = Assert.Throws<WageDataException>(() => WageData.LoadFiles([TestData.DataPath("oews/national_M2024_dl.csv"), link]));

            Assert.Equal(link, error.Path);
            Assert.StartsWith($"OEWS data file '{link}' could not be read: ", error.Message, StringComparison.Ordinal);
            Assert.IsAssignableFrom<IOException>(error.InnerException);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
