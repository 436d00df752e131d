using CitizenBot.Bot.Conversations;
using CitizenBot.Bot.Dialogue.Recording;
using CitizenBot.Knowledge;
using CitizenBot.Knowledge.Retrieval;
using Microsoft.Extensions.Options;

namespace CitizenBot.Bot.Dialogue.Flows;

/// <summary>
/// Answers questions from the knowledge base: the entry with its title and source on <em>answer</em>, the 2–3
/// candidates as numbered choices on <em>clarify</em>, an honest "I don't know" with a person on offer on
/// <em>abstain</em> (unprompted after two in a row).
/// </summary>
internal sealed class QuestionFlow(KnowledgeBase knowledge, QuestionRecorder recorder, IOptions<ChatOptions> options)
{
    /// <summary>Abstains in a row after which the bot offers a person without being asked.</summary>
    public const int AbstainsBeforeOffer = 2;

    // Messages this short that find nothing are usually a bare topic ("暖气", "低保"): ask for a whole question.
    private const int BareTopicLength = 4;

    private static readonly ReplyChoice HumanChoice = new("转人工", "转人工");

    public async Task AnswerAsync(Turn turn, CancellationToken cancellationToken)
    {
        var retriever = knowledge.Retriever;
        if (retriever.Validate(turn.Text) is { } error)
        {
            turn.Say(error);
            return;
        }

        var result = retriever.Search(turn.Text, 3);
        recorder.Decided(turn, result);
        switch (result.Decision)
        {
            case SearchDecision.Answer:
                await SayEntryAsync(turn, result.Hits[0].EntryId, cancellationToken);
                break;
            case SearchDecision.Clarify:
                Offer(turn, result.Choices);
                break;
            default:
                Abstain(turn);
                break;
        }
    }

    /// <summary>
    /// Takes a reply to the numbered choices: a number in range, or words naming one of the offered titles.
    /// Returns false (changing nothing) when the message is not a pick, so it can be read as a new message.
    /// </summary>
    public async Task<bool> TryPickAsync(Turn turn, CancellationToken cancellationToken)
    {
        var offered = turn.State.ChoiceEntryIds;
        string? picked = null;
        if (turn.Reading.ChoiceNumber is { } number && number >= 1 && number <= offered.Count)
        {
            picked = offered[number - 1];
        }
        else if (turn.Text.Length >= 2)
        {
            foreach (var id in offered)
            {
                var entry = await knowledge.GetAsync(id, cancellationToken);
                if (entry is not null && (entry.Title.Contains(turn.Text, StringComparison.Ordinal) || turn.Text.Contains(entry.Title, StringComparison.Ordinal)))
                {
                    picked = id;
                    break;
                }
            }
        }

        if (picked is null)
        {
            return false;
        }

        recorder.Picked(turn, picked);
        await SayEntryAsync(turn, picked, cancellationToken);
        return true;
    }

    private async Task SayEntryAsync(Turn turn, string entryId, CancellationToken cancellationToken)
    {
        var entry = await knowledge.GetAsync(entryId, cancellationToken);
        if (entry is null)
        {
            // Retired between the search and now (an admin's edit): as good as not found.
            Abstain(turn);
            return;
        }

        var source = string.IsNullOrWhiteSpace(entry.Source) ? "红桥百事通政务知识库" : entry.Source;
        turn.Say($"【{entry.Title}】\n{entry.Answer}\n——来源：{source}（条目 {entry.Id}）", entryId: entry.Id);
        turn.State = turn.State with { Mode = Settled(turn.State.Mode), ChoiceEntryIds = [], AbstainStreak = 0, ExpiresAt = null };
    }

    // An answer ends a pending choice but not a handoff under way: the resident may ask the bot while waiting.
    private static DialogueMode Settled(DialogueMode mode) => mode == DialogueMode.Clarifying ? DialogueMode.Idle : mode;

    private void Offer(Turn turn, IReadOnlyList<SearchHit> choices)
    {
        var lines = string.Join("\n", choices.Select((hit, i) => $"{i + 1}. {hit.Title}"));
        turn.Say(
            $"您想问的是下面哪一个？回复数字即可：\n{lines}",
            [.. choices.Select((hit, i) => new ReplyChoice($"{i + 1}. {hit.Title}", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
        turn.State = turn.State with
        {
            Mode = DialogueMode.Clarifying,
            ChoiceEntryIds = [.. choices.Select(hit => hit.EntryId)],
            ExpiresAt = turn.Now + options.Value.IdleTimeout,
        };
    }

    private static void Abstain(Turn turn)
    {
        var streak = turn.State.AbstainStreak + 1;
        if (streak >= AbstainsBeforeOffer)
        {
            turn.Say("抱歉，这个问题我还是没能找到答案。要不要我帮您转给网格员，由真人来解答？", [HumanChoice, new ReplyChoice("不用了", "不用了")]);
        }
        else if (turn.Text.Length <= BareTopicLength)
        {
            turn.Say($"能说得具体一点吗？比如“{turn.Text}怎么办理”“{turn.Text}找谁”。也可以回复“转人工”找网格员。", [HumanChoice]);
        }
        else
        {
            turn.Say("抱歉，知识库里暂时没有找到这个问题的答案。您可以换个说法再问，或回复“转人工”由网格员为您解答。", [HumanChoice]);
        }

        turn.State = turn.State with
        {
            Mode = Settled(turn.State.Mode),
            ChoiceEntryIds = [],
            AbstainStreak = streak,
            LastQuestion = turn.Text,
            ExpiresAt = null,
        };
    }
}
