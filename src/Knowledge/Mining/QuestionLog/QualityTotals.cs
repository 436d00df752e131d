namespace CitizenBot.Knowledge.Mining.QuestionLog;

/// <summary>
/// The quality view's whole period: the day counts summed, and each as a share of <c>Questions</c> (0–1; all 0 when
/// nothing was asked).
/// </summary>
internal sealed record QualityTotals(
    int Questions,
    int Answered,
    int Clarified,
    int Abstained,
    int Handoffs,
    int Rephrased,
    double AnswerRate,
    double ClarifyRate,
    double AbstainRate,
    double HandoffRate,
    double RephraseRate)
{
    public static QualityTotals Of(IEnumerable<QualityDay> days)
    {
        int questions = 0, answered = 0, clarified = 0, abstained = 0, handoffs = 0, rephrased = 0;
        foreach (var day in days)
        {
            questions += day.Questions;
            answered += day.Answered;
            clarified += day.Clarified;
            abstained += day.Abstained;
            handoffs += day.Handoffs;
            rephrased += day.Rephrased;
        }

        double Rate(int count) => questions == 0 ? 0 : (double)count / questions;
        return new QualityTotals(
            questions, answered, clarified, abstained, handoffs, rephrased,
            Rate(answered), Rate(clarified), Rate(abstained), Rate(handoffs), Rate(rephrased));
    }
}
