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
    public double AnswerThreshold { get; set; } = 0.80;

    /// <summary>
    /// Not answering, but the calibrated probability that the right entry is among the choices reaches this: offer
    /// choices. Below: abstain.
    /// </summary>
    [Range(0.0, 1.0)]
    public double ClarifyThreshold { get; set; } = 0.45;

    /// <summary>Choices offered on clarify are hits whose score is within this of the top score (2–3 of them).</summary>
    [Range(0.0, 1.0)]
    public double ClarifyMargin { get; set; } = 0.12;

    /// <summary>How many entries the full-text stage hands to re-ranking.</summary>
    [Range(5, 500)]
    public int CandidateCount { get; set; } = 12;

    /// <summary>
    /// The FTS5 stage searches the most telling terms whose document frequencies add up to at most this, so its cost
    /// stays bounded as the base grows (the first term is always searched).
    /// </summary>
    [Range(10, 1_000_000)]
    public int MatchPostingsBudget { get; set; } = 300;

    /// <summary>At most this many terms go into the FTS5 query.</summary>
    [Range(1, 256)]
    public int MaxMatchTerms { get; set; } = 24;

    /// <summary>
    /// Terms found in more than this share of the entries are left out of the FTS5 query: they find nothing
    /// specific and cost the most. They still count in re-ranking.
    /// </summary>
    [Range(0.0, 1.0)]
    public double CommonTermShare { get; set; } = 0.20;

    /// <summary>Messages longer than this (in characters) are refused rather than searched.</summary>
    [Range(16, 100_000)]
    public int MaxQueryLength { get; set; } = 1_000;

    /// <summary>Weight of a single-character term relative to a bigram.</summary>
    [Range(0.0, 5.0)]
    public double UnigramWeight { get; set; } = 0.6;

    /// <summary>Weight of a dictionary word of three or more characters relative to a bigram.</summary>
    [Range(0.0, 5.0)]
    public double WordWeight { get; set; } = 1.3;

    /// <summary>Weight of an ASCII word or number relative to a bigram.</summary>
    [Range(0.0, 5.0)]
    public double LatinWeight { get; set; } = 0.7;

    /// <summary>Factor on a term added by homophone correction (共暖 → 供暖); 0 turns correction off.</summary>
    [Range(0.0, 1.0)]
    public double CorrectionWeight { get; set; } = 0.8;

    /// <summary>Share of the score from the best-matching phrasing (title or alternative question).</summary>
    [Range(0.0, 10.0)]
    public double PhrasingShare { get; set; } = 0.55;

    /// <summary>Share of the score from how much of the message the entry's phrasings and tags cover together.</summary>
    [Range(0.0, 10.0)]
    public double CoverageShare { get; set; } = 0.25;

    /// <summary>Share of the score from FTS5 BM25 relative to the best candidate (brings in the answer text).</summary>
    [Range(0.0, 10.0)]
    public double Bm25Share { get; set; } = 0.20;

    /// <summary>
    /// In phrasing similarity, the exponent on message coverage (the rest goes to phrasing coverage): higher values
    /// favour phrasings that explain the whole message over phrasings the message covers entirely.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MessageCoverageExponent { get; set; } = 0.5;

    /// <summary>Logistic calibration: intercept.</summary>
    public double CalibrationBias { get; set; } = -7.27;

    /// <summary>
    /// Logistic calibration: coefficient of the top score. Fitted to 0 on the dev set: with slopes held
    /// non-negative, the lead and the evidence carry all the information the score has.
    /// </summary>
    public double CalibrationScore { get; set; } = 0.0;

    /// <summary>Logistic calibration: coefficient of the gap between the top two scores.</summary>
    public double CalibrationGap { get; set; } = 18.477;

    /// <summary>Logistic calibration: coefficient of ln(1 + evidence) of the hit.</summary>
    public double CalibrationEvidence { get; set; } = 2.119;

    /// <summary>Choices model (right entry among the choices): intercept.</summary>
    public double ChoicesBias { get; set; } = -8.781;

    /// <summary>Choices model: coefficient of the top score.</summary>
    public double ChoicesScore { get; set; } = 0.0;

    /// <summary>Choices model: coefficient of the top hit's lead over the runner-up.</summary>
    public double ChoicesGap { get; set; } = 10.174;

    /// <summary>Choices model: coefficient of ln(1 + evidence) of the top hit.</summary>
    public double ChoicesEvidence { get; set; } = 3.081;
}
