namespace CitizenBot.Knowledge;

/// <summary>The knowledge module's one domain exception: content or configuration that cannot be used.</summary>
public sealed class KnowledgeContentException : Exception
{
    public KnowledgeContentException(string message)
        : base(message)
    {
    }

    public KnowledgeContentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
