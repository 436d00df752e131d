using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Knowledge.Mining.QuestionLog;

/// <summary>How decisions and conversation kinds are spelled in <c>questions.db</c>.</summary>
internal static class QuestionLogText
{
    public static string Of(SearchDecision decision) => decision switch
    {
        SearchDecision.Answer => "answer",
        SearchDecision.Clarify => "clarify",
        _ => "abstain",
    };

    public static SearchDecision ParseDecision(string text) => text switch
    {
        "answer" => SearchDecision.Answer,
        "clarify" => SearchDecision.Clarify,
        _ => SearchDecision.Abstain,
    };

    public static string Of(ConversationKind kind) => kind == ConversationKind.Group ? "group" : "private";

    public static ConversationKind ParseKind(string text) => text == "group" ? ConversationKind.Group : ConversationKind.Private;
}
