using System.Net;
using LaborMarket.Http;
using LaborMarket.Onet.CareerOneStop;
using LaborMarket.Onet.Tests.Http;
using LaborMarket.Onet.Tests.WebServices;

namespace LaborMarket.Onet.Tests.CareerOneStop;

public class CareerOneStopClientTests
{
    private const string UserId = "uid-7781";
    private const string Token = "tok-9c2d";

    private static CareerOneStopClient Client(StubHandler stub, int pageSize = 50) =>
        new(new HttpClient(new ApiResilienceHandler(new ApiResilience(OnetClientTests.Fast())) { InnerHandler = stub }),
            new CareerOneStopClientOptions { UserId = UserId, ApiToken = Token, PageSize = pageSize });

    private static StubHandler Recorded() => StubHandler.Json(p => p switch
    {
        _ when p.StartsWith($"/v1/occupation/{UserId}/29-1141.00/US?", StringComparison.Ordinal) => StubHandler.Recorded("CareerOneStop", "occupation-rn.json"),
        _ when p.StartsWith($"/v1/comparesalaries/{UserId}/wage?keyword=registered%20nurse&location=FL", StringComparison.Ordinal) => StubHandler.Recorded("CareerOneStop", "wage-rn-fl.json"),
        _ when p.StartsWith($"/v1/occupation/{UserId}/nurse/N/0/", StringComparison.Ordinal) => StubHandler.Recorded("CareerOneStop", "search-nurse.json"),
        _ => null,
    });

    [Fact]
    public async Task GetOccupationAsync_ArrayDetail_ReadsNumbersWithCommasAndRowsInAnyOrder()
    {
        var stub = Recorded();

        var o = (await Client(stub).GetOccupationAsync("29-1141.00"))!;

        Assert.Equal("Registered Nurses", o.Profile.Title);
        Assert.Equal(2, o.Profile.Tasks.Count);
        Assert.Equal(["Epic Systems", "Picis PACU Manager"], o.Profile.TechnologySkills.Select(t => t.Example));
        Assert.True(o.Profile.TechnologySkills[0].IsHotTechnology);
        Assert.Equal(2, o.Profile.Tools.Count);
        Assert.Equal(58, o.Profile.Education[1].Percent);
        Assert.True(o.Profile.Outlook!.IsBrightOutlook);
        var us = o.Wages!.National.Single();
        Assert.Equal(86_070m, us.Annual!.Median);   // "86,070", listed after the hourly row
        Assert.Equal(41.38m, us.Hourly!.Median);
        Assert.Equal(79_910m, o.Wages.State.Single().Annual!.Median); // listed before the hourly row
        Assert.Equal(2023, o.Wages.Year);
        var projection = o.Projections.Single();
        Assert.Equal(3_172_500, projection.EstimatedEmployment);
        Assert.Equal(193_100, projection.AnnualOpenings);
        Assert.Equal(2032, projection.ProjectedYear);
        Assert.Equal($"Bearer {Token}", stub.Requests.Single().Authorization);
    }

    [Fact]
    public async Task GetWagesAsync_ObjectDetail_PicksAnnualAndHourlyByRateType()
    {
        var wages = (await Client(Recorded()).GetWagesAsync("registered nurse", "FL"))!;

        var tampa = wages.Local.Single();
        Assert.Equal("45300", tampa.AreaCode);
        Assert.Equal(80_400m, tampa.Annual!.Median);
        Assert.Null(tampa.Hourly!.Pct10); // "N/A"
        Assert.Equal(38.65m, tampa.Hourly.Median);
        Assert.Equal(60_840m, wages.State.Single().Annual!.Pct10);
    }

    [Fact]
    public async Task SearchAsync_ReadsOccupationList()
    {
        var results = await Client(Recorded()).SearchAsync("nurse").ToListAsync();

        Assert.Equal(["29-1141.00", "29-1171.00"], results.Select(r => r.Code.ToString()));
    }

    [Fact]
    public async Task GetProfileAsync_UnknownCode_ReturnsNull()
    {
        Assert.Null(await Client(Recorded()).GetProfileAsync(OnetSocCode.Parse("99-9999.00")));
    }

    [Fact]
    public async Task ServerError_MessageCarriesNeitherUserIdNorToken()
    {
        var stub = new StubHandler((_, _, _) => Task.FromResult(StubHandler.Respond(HttpStatusCode.BadRequest, """{"ErrorMessage":"bad location"}""")));

        var ex = await Assert.ThrowsAsync<LaborMarketApiException>(() => Client(stub).GetWagesAsync("registered nurse", "ZZ"));

        Assert.DoesNotContain(UserId, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, ex.ToString(), StringComparison.Ordinal);
        Assert.Contains("/v1/comparesalaries/***/wage", ex.RequestUri!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
    }
}
