using CitizenBot.Escalation.Sla;

namespace CitizenBot.Escalation.Tests.Sla;

public sealed class EscalationOptionsValidatorTests
{
    private readonly EscalationOptionsValidator _validator = new();

    [Fact]
    public void Validate_Succeeds_WhenDefaults() =>
        Assert.True(_validator.Validate(null, new EscalationOptions()).Succeeded);

    [Fact]
    public void Validate_NamesEveryBadPath_WhenSeveralProblems()
    {
        var options = new EscalationOptions();
        options.Sla!.Red!.Grid!.Resolve = "5x";
        options.Sla.Yellow!.Street!.Accept = "";
        options.Sla.Blue!.Community = null;
        options.Sla.Yellow.Grid = new SlaOptionsLimit("3h", "2h");

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
            [
                "Escalation:Sla:Red:Grid:Resolve: '5x' is not a duration (use hh:mm:ss, 4h, 30m or 3wd)",
                "Escalation:Sla:Yellow:Street:Accept: missing (use hh:mm:ss, 4h, 30m or 3wd)",
                "Escalation:Sla:Yellow:Grid: Accept (3h) is longer than Resolve (2h)",
                "Escalation:Sla:Blue:Community: missing",
            ],
            result.Failures);
    }

    [Fact]
    public void Validate_Fails_WhenAcceptLongerInWorkingDays()
    {
        var options = new EscalationOptions();
        options.Sla!.Blue!.Grid = new SlaOptionsLimit("4wd", "3wd");

        var result = _validator.Validate(null, options);

        Assert.Equal(["Escalation:Sla:Blue:Grid: Accept (4 working days) is longer than Resolve (3 working days)"], result.Failures);
    }

    [Fact]
    public void Validate_Succeeds_WhenAcceptAndResolveUseDifferentMeasures()
    {
        var options = new EscalationOptions();
        options.Sla!.Blue!.Grid = new SlaOptionsLimit("72h", "1wd");

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_Fails_WhenGradeOrTableMissing()
    {
        var options = new EscalationOptions();
        options.Sla!.Red = null;
        Assert.Equal(["Escalation:Sla:Red: missing"], _validator.Validate(null, options).Failures);

        options.Sla = null;
        Assert.Equal(["Escalation:Sla: the table is missing"], _validator.Validate(null, options).Failures);
    }
}
