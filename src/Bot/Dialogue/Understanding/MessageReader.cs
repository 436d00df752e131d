using System.Text.RegularExpressions;
using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Bot.Dialogue.Understanding;

/// <summary>
/// Reads what a resident's message is. Pure and thread-safe: word lists (<see cref="ShortReplies"/>,
/// <see cref="IntentWords"/>, <see cref="EmergencyWords"/>) plus the category keywords, weighed in a fixed order.
/// </summary>
/// <remarks>
/// Choices made where residents are ambiguous:
/// <list type="bullet">
/// <item>A correction such as "不对，是5号楼" is not <see cref="MessageIntent.Deny"/>: only a message made of nothing but
/// short replies is, so it reads as a statement and <see cref="ComplaintFacts.IsCorrection"/> carries the correction.</item>
/// <item>"好的", "好", "嗯" are <see cref="MessageIntent.ChitChat"/> (acknowledgements); "可以", "行", "OK" are
/// <see cref="MessageIntent.Confirm"/>. Confirm, Deny and Cancel mean something only when the bot asked.</item>
/// <item>A question about a problem ("暖气不热怎么办", "楼道灯坏了有人管吗") is a <see cref="MessageIntent.Question"/>
/// unless it asks in so many words for a complaint or a visit (我要投诉, 派人来看看吗).</item>
/// <item>A message with a ticket number is <see cref="MessageIntent.Progress"/> unless it is a rating, a request for a
/// person or a hand-back.</item>
/// <item>An empty message (only the @mention) is a <see cref="MessageIntent.Greeting"/>; emoji or stickers alone are
/// <see cref="MessageIntent.ChitChat"/>; other text with no signal is a <see cref="MessageIntent.Question"/> when it
/// has Han characters beyond form facts (a topic to look up, "居住证") and <see cref="MessageIntent.Unknown"/> otherwise
/// ("12345", "十五号楼", "改成7号楼", "电话13800000000").</item>
/// </list>
/// </remarks>
internal sealed partial class MessageReader(CategoryGuesser categories)
{
    private readonly CategoryGuesser _categories = categories ?? throw new ArgumentNullException(nameof(categories));

    /// <summary>Reads <paramref name="text"/>, which already has the bot's @mention removed.</summary>
    public MessageReading Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = ReaderText.Fold(text);
        var core = ReaderText.Core(folded);
        var emergency = EmergencyWords.Find(folded);
        var ticket = FindTicketNumber(folded);
        var choice = ReadChoice(folded);
        var isShortReply = ShortReplies.TrySplit(core, out var words);
        var rating = isShortReply ? RatingOf(words) : FirstClauseRating(folded);

        var intent = choice is not null ? MessageIntent.Unknown
            : string.IsNullOrWhiteSpace(text) ? MessageIntent.Greeting
            : core.Length == 0 ? MessageIntent.ChitChat
            : ReadIntent(folded, isShortReply ? words : null, ticket, rating, emergency);
        return new MessageReading(intent, emergency, choice, ticket, rating);
    }

    private MessageIntent ReadIntent(
        string folded, IReadOnlyList<ShortReply>? shortReply, string? ticket, Rating? rating, EmergencyKind? emergency)
    {
        if (ReaderText.ContainsAny(folded, IntentWords.HandBack))
        {
            return MessageIntent.HandBack;
        }

        if (ReaderText.ContainsAny(folded, IntentWords.Human))
        {
            return MessageIntent.Human;
        }

        if (shortReply is not null)
        {
            return ShortReplyIntent(shortReply);
        }

        if (ticket is not null)
        {
            return rating is null ? MessageIntent.Progress : MessageIntent.Unknown;
        }

        if (ReaderText.ContainsAny(folded, IntentWords.ProgressPhrases))
        {
            return MessageIntent.Progress;
        }

        if (ReaderText.ContainsAny(folded, IntentWords.ReportRequests))
        {
            return MessageIntent.Report;
        }

        if (ReaderText.ContainsAny(folded, IntentWords.ProgressMarkers) && ReaderText.ContainsAny(folded, IntentWords.ProgressReferents))
        {
            return MessageIntent.Progress;
        }

        if (ReaderText.ContainsAny(folded, IntentWords.ChitChat))
        {
            return MessageIntent.ChitChat;
        }

        if (ReaderText.ContainsAny(WithoutFalseQuestionMarkers(folded), IntentWords.QuestionMarkers))
        {
            return MessageIntent.Question;
        }

        if (emergency is not null
            || ReaderText.ContainsAny(folded, IntentWords.ReportVerbs)
            || ReaderText.ContainsAny(folded, IntentWords.ProblemMarkers)
            || (ReaderText.ContainsAny(folded, IntentWords.StatementMarkers) && _categories.Guess(folded, 1).Count > 0))
        {
            return MessageIntent.Report;
        }

        // What is left has no signal. Only form facts ("十五号楼", "改成7号楼", a phone) say nothing to look up; other Han
        // text is a topic ("居住证"); anything else (digits, letters) is not.
        return folded.Any(ReaderText.IsHan) && ComplaintFactReader.Read(folded, asking: null).Description.Length > 0
            ? MessageIntent.Question
            : MessageIntent.Unknown;
    }

    private static string WithoutFalseQuestionMarkers(string folded)
    {
        foreach (var phrase in IntentWords.NotQuestions)
        {
            folded = folded.Replace(phrase, " ", StringComparison.Ordinal);
        }

        return folded;
    }

    /// <summary>The strongest intent among the words: a cancel outweighs a denial, a denial a yes, and so on.</summary>
    private static MessageIntent ShortReplyIntent(IReadOnlyList<ShortReply> words)
    {
        MessageIntent[] strongestFirst =
        [
            MessageIntent.Cancel, MessageIntent.Deny, MessageIntent.Confirm, MessageIntent.Thanks, MessageIntent.Greeting,
            MessageIntent.ChitChat,
        ];
        foreach (var intent in strongestFirst)
        {
            if (words.Any(word => word.Intent == intent))
            {
                return intent;
            }
        }

        // Only a rating, or only filler: a rating is read on its own; filler ("嗯啊") is small talk.
        return words.Any(word => word.Rating is not null) ? MessageIntent.Unknown : MessageIntent.ChitChat;
    }

    private static Rating? RatingOf(IReadOnlyList<ShortReply> words) =>
        words.LastOrDefault(word => word.Rating is not null).Rating;

    /// <summary>"不满意，还是漏水": a rating followed by a reason.</summary>
    private static Rating? FirstClauseRating(string folded) =>
        ReaderText.Clauses(folded) is [var first, ..] && ShortReplies.TrySplit(first, out var words) ? RatingOf(words) : null;

    private static string? FindTicketNumber(string folded)
    {
        foreach (Match match in TicketPattern().Matches(folded))
        {
            var candidate = match.Value.ToUpperInvariant();
            if (TicketNumber.TryParse(candidate, out _))
            {
                return candidate;
            }
        }

        return null;
    }

    private static int? ReadChoice(string folded) =>
        ChoicePattern().Match(folded) is { Success: true } match
            && ChineseNumerals.TryParse(match.Groups["n"].Value, out var number)
            && number is >= 1 and <= 9
            ? number
            : null;

    [GeneratedRegex(@"(?<![a-z0-9])hq-[0-9]{8}-[0-9]{4,}(?![0-9])")]
    private static partial Regex TicketPattern();

    // The whole message is the pick: "2", "2.", "第二个", "选2", "我选第2个吧", "2号". NFKC has already turned ② into 2.
    [GeneratedRegex(@"^(?:我)?(?:选择?|要)?第?\s*(?<n>[1-9]|[一二三四五六七八九两])\s*(?:个|号|条|项|种)?\s*(?:吧|啊)?\s*[.。、,)!]?$")]
    private static partial Regex ChoicePattern();
}
