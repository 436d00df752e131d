using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Sla;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CitizenBot.Escalation.Tests.Sla;

/// <summary>Configuration → options → validation → policy, wired as the options system does it but without a container.</summary>
public sealed class EscalationOptionsBindingTests
{
    [Fact]
    public void Create_MergesConfigurationOntoDefaults_WhenPartialTable()
    {
        var policy = new SlaPolicy(Create(new()
        {
            ["Escalation:WarningLead"] = "00:30:00",
            ["Escalation:ReportAfterWorkingDays"] = "3",
            ["Escalation:AutoCloseAfter"] = "3.00:00:00",
            ["Escalation:Sla:Blue:Grid:Accept"] = "4h",
            ["Escalation:Sla:Red:Street:Resolve"] = "45m",
        }));

        Assert.Equal(new SlaLimits(SlaDuration.Clock(TimeSpan.FromHours(4)), SlaDuration.WorkingDays(3)), policy.Limits(UrgencyGrade.Blue, OrgLevel.Grid));
        Assert.Equal(SlaDuration.Clock(TimeSpan.FromMinutes(45)), policy.Limits(UrgencyGrade.Red, OrgLevel.Street).Resolve);
        Assert.Equal(SlaDuration.Clock(TimeSpan.FromMinutes(30)), policy.Limits(UrgencyGrade.Red, OrgLevel.Grid).Accept);
        Assert.Equal(TimeSpan.FromMinutes(30), policy.WarningLead);
        Assert.Equal(SlaDuration.WorkingDays(3), policy.ReportAfter);
        Assert.Equal(TimeSpan.FromDays(3), policy.AutoCloseAfter);
    }

    [Fact]
    public void Create_EnablesDrill_WhenDrillSlaConfigured()
    {
        var policy = new SlaPolicy(Create(new() { ["Escalation:DrillSla"] = "00:00:02" }));

        Assert.Equal(SlaDuration.Clock(TimeSpan.FromSeconds(2)), policy.Limits(UrgencyGrade.Blue, OrgLevel.Community).Resolve);
    }

    [Fact]
    public void Create_LeavesDrillOff_WhenDrillSlaEmpty() =>
        Assert.Null(Create(new() { ["Escalation:DrillSla"] = "" }).DrillSla);

    [Fact]
    public void Create_FailsWithPaths_WhenValuesInvalid()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Create(new()
        {
            ["Escalation:DrillSla"] = "02:00:00",
            ["Escalation:Sla:Red:Grid:Resolve"] = "5x",
        }));

        Assert.Contains("Escalation:Sla:Red:Grid:Resolve: '5x' is not a duration (use hh:mm:ss, 4h, 30m or 3wd)", ex.Failures);
        Assert.Contains(ex.Failures, f => f.Contains("DrillSla", StringComparison.Ordinal));
    }

    [Fact]
    public void Bind_Throws_WhenKeyMisspelt()
    {
        var section = Configuration(new() { ["Escalation:Sla:Red:Grid:Resovle"] = "1h" }).GetSection(EscalationOptions.SectionName);

        Assert.Throws<InvalidOperationException>(() => section.Bind(new EscalationOptions(), b => b.ErrorOnUnknownConfiguration = true));
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static EscalationOptions Create(Dictionary<string, string?> values)
    {
        var section = Configuration(values).GetSection(EscalationOptions.SectionName);
        var factory = new OptionsFactory<EscalationOptions>(
            [new ConfigureNamedOptions<EscalationOptions>(Options.DefaultName, o => section.Bind(o, b => b.ErrorOnUnknownConfiguration = true))],
            [],
            [new DataAnnotationValidateOptions<EscalationOptions>(Options.DefaultName), new EscalationOptionsValidator()]);
        return factory.Create(Options.DefaultName);
    }
}
