using CitizenBot.Escalation.Sla;
using CitizenBot.Knowledge;
using CitizenBot.Knowledge.Mining.QuestionLog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitizenBot.Bot.Admin.Quality;

/// <summary>How well the bot serves residents, from the question log: answer / clarify / abstain and handoff rates per day, and the worst entries.</summary>
internal static class AdminQualityEndpoints
{
    private const int MaxDays = 366;
    private const int WorstEntries = 10;

    public static RouteGroupBuilder MapAdminQualityEndpoints(this RouteGroupBuilder quality)
    {
        quality.MapGet("/", GetAsync).WithName("AdminQuality");
        return quality;
    }

    /// <summary>The last <paramref name="days"/> China days, today included (default 30).</summary>
    public static async Task<Results<Ok<QualityResponse>, ValidationProblem>> GetAsync(
        int? days,
        QuestionLogStore log,
        KnowledgeBase knowledge,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (days is < 1 or > MaxDays)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = [$"天数须在 1 到 {MaxDays} 之间。"] }, title: "查询条件有误");
        }

        // The district's days: a question asked at 23:30 in Tianjin belongs to that day, not to the next UTC one.
        var today = BeijingTime.DateOf(clock.GetUtcNow());
        var first = today.AddDays(1 - (days ?? 30));
        // Questions are logged through a queue: without the flush, the turns a resident just had (and an admin
        // checking them) could be missing from the counts for a moment.
        await log.FlushAsync(cancellationToken);
        var report = await log.QualityAsync(BeijingTime.StartOfDayUtc(first), BeijingTime.EndOfDayUtc(today), BeijingTime.Offset, WorstEntries, cancellationToken);

        var worst = new List<WorstEntryResponse>(report.WorstEntries.Count);
        foreach (var entry in report.WorstEntries)
        {
            // A retired or deleted entry still shows, with its id: its poor answers happened.
            var title = (await knowledge.GetAsync(entry.EntryId, cancellationToken))?.Title;
            worst.Add(new WorstEntryResponse(entry.EntryId, title, entry.Answered, entry.Rephrased, entry.Handoffs, entry.BadRate));
        }

        var t = report.Totals;
        return TypedResults.Ok(new QualityResponse(
            first,
            today,
            [.. report.Days.Select(d => new QualityDayResponse(d.Date, d.Questions, d.Answered, d.Clarified, d.Abstained, d.Handoffs, d.Rephrased))],
            new QualityTotalsResponse(t.Questions, t.AnswerRate, t.ClarifyRate, t.AbstainRate, t.HandoffRate, t.RephraseRate),
            worst));
    }
}
