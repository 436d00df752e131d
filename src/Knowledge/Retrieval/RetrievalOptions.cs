using System.ComponentModel.DataAnnotations;

namespace CitizenBot.Knowledge.Retrieval;

/// <summary>
/// Decision thresholds and scoring knobs. Defaults were fitted on the development set
/// (<c>tests/data/devset.jsonl</c>) with <c>eval --calibrate</c>; see BENCHMARKS.md.
/// </summary>
public sealed class RetrievalOptions
{
    /// <summary>Answer when the top hit's calibrated confidence reaches this.</summary>
    [Range(0.0, 1.0)]
    public double AnswerThreshold { get; set; } = 0.55;

    /// <summary>Below <see cref="AnswerThreshold"/> but at least this: offer choices. Below: abstain.</summary>
    [Range(0.0, 1.0)]
    public double ClarifyThreshold { get; set; } = 0.25;

    /// <summary>Choices offered on clarify are hits whose score is within this of the top score (2–3 of them).</summary>
    [Range(0.0, 1.0)]
    public double ClarifyMargin { get; set; } = 0.12;

    /// <summary>How many entries the full-text stage hands to re-ranking.</summary>
    [Range(5, 500)]
    public int CandidateCount { get; set; } = 40;

    /// <summary>Messages longer than this (in characters) are refused rather than searched.</summary>
    [Range(16, 100_000)]
    public int MaxQueryLength { get; set; } = 1_000;

    /// <summary>Weight of a single-character term relative to a bigram.</summary>
    [Range(0.0, 5.0)]
    public double UnigramWeight { get; set; } = 0.35;

    /// <summary>Weight of a dictionary word of three or more characters relative to a bigram.</summary>
    [Range(0.0, 5.0)]
    public double WordWeight { get; set; } = 1.3;

    /// <summary>Weight of an ASCII word or number relative to a bigram.</summary>
    [Range(0.0, 5.0)]
    public double LatinWeight { get; set; } = 0.7;

    /// <summary>Factor on a term added by homophone correction (共暖 → 供暖); 0 turns correction off.</summary>
    [Range(0.0, 1.0)]
    public double CorrectionWeight { get; set; } = 0.8;

    /// <summary>Logistic calibration: intercept.</summary>
    public double CalibrationBias { get; set; } = -6.0;

    /// <summary>Logistic calibration: coefficient of the top score.</summary>
    public double CalibrationScore { get; set; } = 11.0;

    /// <summary>Logistic calibration: coefficient of the gap between the top two scores.</summary>
    public double CalibrationGap { get; set; } = 8.0;
}
