namespace CitizenBot.Escalation;

/// <summary>The escalation module's domain exception for content it cannot use (org tree, categories, calendar).</summary>
public sealed class EscalationContentException : Exception
{
    public EscalationContentException(string message)
        : base(message)
    {
    }

    public EscalationContentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
