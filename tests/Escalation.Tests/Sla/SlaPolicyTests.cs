using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Sla;
using Microsoft.Extensions.Options;

namespace CitizenBot.Escalation.Tests.Sla;

public sealed class SlaPolicyTests
{
    private static readonly TimeSpan Drill = TimeSpan.FromSeconds(2);

    [Fact]
    public void Limits_CoverAllTwelveCells_WhenDefaults()
    {
        var policy = new SlaPolicy(new EscalationOptions());

        var cells = Enum.GetValues<UrgencyGrade>().SelectMany(_ => Enum.GetValues<OrgLevel>(), policy.Limits).ToList();

        Assert.Equal(12, cells.Count);
        Assert.All(cells, c => Assert.NotEqual(SlaDurationKind.Unspecified, c.Accept.Kind));
        Assert.All(cells, c => Assert.NotEqual(SlaDurationKind.Unspecified, c.Resolve.Kind));
    }

    [Theory]
    [InlineData(nameof(UrgencyGrade.Red), nameof(OrgLevel.Grid), "00:30:00", "02:00:00")]
    [InlineData(nameof(UrgencyGrade.Red), nameof(OrgLevel.Street), "00:15:00", "01:00:00")]
    [InlineData(nameof(UrgencyGrade.Yellow), nameof(OrgLevel.Grid), "02:00:00", "1.00:00:00")]
    [InlineData(nameof(UrgencyGrade.Red), nameof(OrgLevel.District), "1.00:00:00", "1.00:00:00")]
    [InlineData(nameof(UrgencyGrade.Blue), nameof(OrgLevel.District), "1.00:00:00", "1.00:00:00")]
    public void Limits_AreClockDefaults_WhenNotConfigured(string grade, string level, string accept, string resolve)
    {
        var limits = new SlaPolicy(new EscalationOptions()).Limits(Enum.Parse<UrgencyGrade>(grade), Enum.Parse<OrgLevel>(level));

        Assert.Equal(new SlaLimits(SlaDuration.Clock(TimeSpan.Parse(accept, null)), SlaDuration.Clock(TimeSpan.Parse(resolve, null))), limits);
    }

    [Fact]
    public void Limits_AreWorkingDays_WhenBlueGrid() =>
        Assert.Equal(
            new SlaLimits(SlaDuration.WorkingDays(1), SlaDuration.WorkingDays(3)),
            new SlaPolicy(new EscalationOptions()).Limits(UrgencyGrade.Blue, OrgLevel.Grid));

    [Fact]
    public void Supervision_UsesConfiguredValues_WhenNotDrill()
    {
        var policy = new SlaPolicy(new EscalationOptions());

        Assert.False(policy.IsDrill);
        Assert.Equal(TimeSpan.FromHours(2), policy.WarningLead);
        Assert.Equal(2, policy.ReportAfterWorkingDays);
        Assert.Equal(SlaDuration.WorkingDays(2), policy.ReportAfter);
        Assert.Equal(TimeSpan.FromDays(7), policy.AutoCloseAfter);
    }

    [Fact]
    public void Limits_AreDrillDuration_WhenDrillSet()
    {
        var options = new EscalationOptions { DrillSla = Drill };
        options.Sla!.Blue!.Grid = new SlaOptionsLimit("5wd", "30wd");
        var policy = new SlaPolicy(options);

        var expected = new SlaLimits(SlaDuration.Clock(Drill), SlaDuration.Clock(Drill));
        Assert.All(
            Enum.GetValues<UrgencyGrade>().SelectMany(_ => Enum.GetValues<OrgLevel>(), policy.Limits),
            limits => Assert.Equal(expected, limits));
        Assert.True(policy.IsDrill);
        Assert.Equal(TimeSpan.FromSeconds(1), policy.WarningLead);
        Assert.Equal(SlaDuration.Clock(Drill), policy.ReportAfter);
        Assert.Equal(Drill, policy.AutoCloseAfter);
    }

    [Fact]
    public void Constructor_Throws_WhenTableInvalid()
    {
        var options = new EscalationOptions();
        options.Sla!.Red!.Grid!.Resolve = "5x";

        var ex = Assert.Throws<OptionsValidationException>(() => new SlaPolicy(options));

        Assert.Contains("Escalation:Sla:Red:Grid:Resolve: '5x' is not a duration (use hh:mm:ss, 4h, 30m or 3wd)", ex.Failures);
    }

    [Fact]
    public void Constructor_Throws_WhenDrillOutOfRange()
    {
        var options = new EscalationOptions { DrillSla = TimeSpan.FromHours(2) };

        var ex = Assert.Throws<OptionsValidationException>(() => new SlaPolicy(options));

        Assert.Contains(ex.Failures, f => f.Contains("DrillSla", StringComparison.Ordinal));
    }
}
