namespace CitizenBot.Knowledge.Index;

/// <summary>Counts of what a batch upsert did.</summary>
public sealed record ImportSummary(int Added, int Updated, int Unchanged)
{
    public int Total => Added + Updated + Unchanged;
}
