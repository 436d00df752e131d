namespace CitizenBot.Knowledge.Index;

/// <summary>What an upsert did to one entry.</summary>
public enum IndexChange
{
    /// <summary>The id was new.</summary>
    Added,

    /// <summary>The id existed with different content.</summary>
    Updated,

    /// <summary>The id existed with the same content; nothing was written.</summary>
    Unchanged,
}
