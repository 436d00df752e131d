namespace CitizenBot.Knowledge.Retrieval;

/// <summary>Coefficients of the logistic confidence model (see <see cref="RetrievalOptions"/>).</summary>
internal readonly record struct CalibrationWeights(double Bias, double Score, double Gap, double Evidence)
{
    public static CalibrationWeights From(RetrievalOptions o) => new(o.CalibrationBias, o.CalibrationScore, o.CalibrationGap, o.CalibrationEvidence);
}
