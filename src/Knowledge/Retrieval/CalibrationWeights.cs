namespace CitizenBot.Knowledge.Retrieval;

/// <summary>Coefficients of one logistic confidence model (see <see cref="RetrievalOptions"/>).</summary>
internal readonly record struct CalibrationWeights(double Bias, double Score, double Gap, double Evidence)
{
    /// <summary>The model for "the top hit is the right answer".</summary>
    public static CalibrationWeights Answer(RetrievalOptions o) => new(o.CalibrationBias, o.CalibrationScore, o.CalibrationGap, o.CalibrationEvidence);

    /// <summary>The model for "the right entry is among the offered choices".</summary>
    public static CalibrationWeights Choices(RetrievalOptions o) => new(o.ChoicesBias, o.ChoicesScore, o.ChoicesGap, o.ChoicesEvidence);
}
