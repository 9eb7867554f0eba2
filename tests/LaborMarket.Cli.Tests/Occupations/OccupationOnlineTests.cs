using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace LaborMarket.Cli.Tests.Occupations;

/// <summary>`occupation --online` against a real HTTP server on 127.0.0.1 serving recorded O*NET bodies.</summary>
[Collection(nameof(OnetKeyEnvironment))]
public sealed class OccupationOnlineTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Uri _address;
    private readonly List<string> _requests = [];

    public OccupationOnlineTests()
    {
        var port = FreePort();
        _address = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(_address.ToString());
        _listener.Start();
        _ = ServeAsync();
    }

    [Fact]
    public async Task Online_RecordedServer_WritesTheSameJsonShapeAsOffline()
    {
        Environment.SetEnvironmentVariable("ONET_API_KEY", "cli-test-key");
        try
        {
            var (code, output, error) = await CliRunner.RunAsync("occupation", "29-1141", "--online", "--onet-url", _address.ToString());

            Assert.True(code == 0, error);
            var json = JsonDocument.Parse(output).RootElement;
            Assert.Equal("29-1141.00", json.GetProperty("code").GetString());
            Assert.Equal("Registered Nurses", json.GetProperty("title").GetString());
            Assert.Equal(4, json.GetProperty("tasks").GetArrayLength());
            Assert.Equal(5, json.GetProperty("technology_skills").GetArrayLength());
            Assert.Equal(4, json.GetProperty("job_zone").GetInt32());
            Assert.Equal(2, json.GetProperty("related").GetArrayLength());
            Assert.True(json.GetProperty("education").GetArrayLength() > 0);
            lock (_requests)
            {
                Assert.Contains("/online/occupations/29-1141.00/", _requests);
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("ONET_API_KEY", null);
        }
    }

    [DataFact]
    public async Task ProfileOnline_CacheFolder_KeepsResponsesThereAndAnswersTheSecondRunFromThem()
    {
        var cache = Directory.CreateTempSubdirectory("labormarket-cache-");
        Environment.SetEnvironmentVariable("ONET_API_KEY", "cli-test-key");
        Environment.SetEnvironmentVariable("LABORMARKET_ONET_URL", _address.ToString());
        try
        {
            string[] args = ["profile", "RN - ICU Nights", "--place", "Pinellas County, FL", "--data", TestData.DataPath(""), "--online", "--cache", cache.FullName, "--format", "json"];
            var (code, output, error) = await CliRunner.RunAsync(args);

            Assert.True(code == 0, error);
            Assert.Equal("Registered Nurses", JsonDocument.Parse(output).RootElement.GetProperty("occupation").GetProperty("title").GetString());
            Assert.True(File.Exists(Path.Combine(cache.FullName, "responses.db")));
            int served;
            lock (_requests)
            {
                served = _requests.Count;
            }

            Assert.True(served > 0);

            var (again, secondOutput, secondError) = await CliRunner.RunAsync(args);

            Assert.True(again == 0, secondError);
            Assert.Equal(output, secondOutput);
            lock (_requests)
            {
                Assert.Equal(served, _requests.Count);
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("ONET_API_KEY", null);
            Environment.SetEnvironmentVariable("LABORMARKET_ONET_URL", null);
            cache.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Online_WithoutKey_ExitsOneSayingSo()
    {
        Environment.SetEnvironmentVariable("ONET_API_KEY", null);

        var (code, _, error) = await CliRunner.RunAsync("occupation", "29-1141", "--online", "--onet-url", _address.ToString());

        Assert.Equal(1, code);
        Assert.Contains("ONET_API_KEY", error, StringComparison.Ordinal);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            lock (_requests)
            {
                _requests.Add(path);
            }

            var name = path switch
            {
                "/online/occupations/29-1141.00/" => "overview.json",
                "/mnm/careers/29-1141.00/job_outlook" => "job_outlook.json",
                _ when path.StartsWith("/online/occupations/29-1141.00/details/", StringComparison.Ordinal) => path[(path.LastIndexOf('/') + 1)..] + ".json",
                _ => null,
            };
            var file = name is null ? null : Path.Combine(AppContext.BaseDirectory, "Recorded", "Onet", name);
            var ok = file is not null && File.Exists(file) && context.Request.Headers["X-API-Key"] == "cli-test-key";
            var body = Encoding.UTF8.GetBytes(ok ? await File.ReadAllTextAsync(file!) : """{"error":"not found"}""");
            context.Response.StatusCode = ok ? 200 : 404;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose() => _listener.Close();
}

/// <summary>Tests that set ONET_API_KEY run one at a time.</summary>
[CollectionDefinition(nameof(OnetKeyEnvironment), DisableParallelization = true)]
public sealed class OnetKeyEnvironment;
