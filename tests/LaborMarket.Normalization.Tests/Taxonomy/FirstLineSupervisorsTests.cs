using LaborMarket.Files;
using LaborMarket.Normalization.Taxonomy;

namespace LaborMarket.Normalization.Tests.Taxonomy;

public class FirstLineSupervisorsTests
{
    [Theory]
    [InlineData("51-5113", "51-1011")] // bindery workers
    [InlineData("33-3012", "33-1011")] // correctional officers
    [InlineData("33-3051", "33-1012")] // police officers
    [InlineData("33-2011", "33-1021")] // firefighters
    [InlineData("33-9032", "33-1091")] // security guards
    [InlineData("37-3011", "37-1012")] // landscaping workers
    [InlineData("37-2011", "37-1011")] // janitors
    [InlineData("39-3011", "39-1013")] // gambling dealers
    [InlineData("39-5012", "39-1022")] // hairdressers
    [InlineData("41-2011", "41-1011")] // cashiers
    [InlineData("41-3021", "41-1012")] // insurance sales agents
    [InlineData("53-7062", "53-1042")] // laborers and material movers, hand
    [InlineData("53-7051", "53-1043")] // industrial truck operators
    [InlineData("53-3032", "53-1043")] // heavy truck drivers
    [InlineData("53-2031", "53-1044")] // flight attendants
    public void TryGet_Worker_IsTheGroupsSupervisor(string worker, string supervisor)
    {
        Assert.True(FirstLineSupervisors.TryGet(SocCode.Parse(worker), out var soc));
        Assert.Equal(supervisor, soc.ToString());
    }

    [Theory]
    [InlineData("15-1252")] // no first-line supervisors in the professional groups
    [InlineData("29-1141")]
    [InlineData("11-9111")]
    [InlineData("51-1011")] // already a supervisor
    [InlineData("53-4031")] // yardmasters supervise
    [InlineData("39-9041")] // residential advisors
    [InlineData("55-3014")]
    public void TryGet_NoSupervisorOccupation_IsFalse(string code) =>
        Assert.False(FirstLineSupervisors.TryGet(SocCode.Parse(code), out _));

    [Fact]
    public void TryGet_EveryWorkerOccupationInOnet_MapsToAnOnetSupervisorOccupation()
    {
        var codes = RealFiles.OnetRows("Occupation Data.txt").Select(f => OnetSocCode.Parse(f[0]).Soc).ToHashSet();
        var supervisors = codes.Where(c => c.MajorGroupNumber is >= 33 and <= 53 && c.Minor.Value % 10000 == 1000).ToHashSet();
        var named = new HashSet<SocCode>();

        foreach (var code in codes)
        {
            if (FirstLineSupervisors.TryGet(code, out var soc))
            {
                Assert.Contains(soc, supervisors);
                Assert.Equal(code.MajorGroupNumber, soc.MajorGroupNumber);
                named.Add(soc);
            }
        }

        // Every first-line supervisor occupation O*NET lists in groups 33 to 53 supervises some worker occupation,
        // except chefs and head cooks (35-1011), who are their own occupation.
        Assert.Equal(supervisors.Where(s => s.ToString() != "35-1011").Order(), named.Order());
    }
}
