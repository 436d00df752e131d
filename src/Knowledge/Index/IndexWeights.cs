using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CitizenBot.Knowledge.Index;

/// <summary>Per-column weights handed to FTS5's <c>bm25()</c>: how much a term hit in each field counts.</summary>
public sealed class IndexWeights
{
    [Range(0.0, 100.0)]
    public double Title { get; set; } = 3.0;

    [Range(0.0, 100.0)]
    public double Questions { get; set; } = 2.5;

    [Range(0.0, 100.0)]
    public double Answer { get; set; } = 0.5;

    [Range(0.0, 100.0)]
    public double Tags { get; set; } = 1.5;

    [Range(0.0, 100.0)]
    public double Category { get; set; } = 1.0;

    /// <summary>The <c>bm25()</c> call, weights in the table's column order.</summary>
    internal string ToRankFunction() => string.Create(
        CultureInfo.InvariantCulture,
        $"bm25(entry_terms, {Title}, {Questions}, {Answer}, {Tags}, {Category})");
}
