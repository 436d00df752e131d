using System.ComponentModel.DataAnnotations;

namespace CitizenBot.Bot.Conversations;

/// <summary>Configuration section <c>Chat</c>: how the bot behaves in conversations. Checked at startup.</summary>
public sealed class ChatOptions
{
    public const string SectionName = "Chat";

    /// <summary>The bot's name in chats: residents address it as <c>@百事通</c>. Default 百事通.</summary>
    [Required]
    [StringLength(20, MinimumLength = 1)]
    public string BotName { get; set; } = "百事通";

    /// <summary>The dialogue database's file name inside the host's <c>DataDirectory</c>. Default <c>dialogue.db</c>.</summary>
    [Required]
    public string DatabaseFileName { get; set; } = "dialogue.db";

    /// <summary>
    /// How long a half-finished step (numbered choices, a complaint form, a rating request) waits for the resident
    /// before it lapses with a polite note; 1 minute to 7 days. Default 30 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often lapsed dialogues are looked for; 1 second to 10 minutes. Default 15 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan ExpiryScanInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long handled message ids are remembered for de-duplication; 1 hour to 90 days. Default 7 days, well past
    /// any channel's redelivery window.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan HandledMessageRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The longest message accepted, in characters (10 to 10,000). Default 2,000.</summary>
    [Range(10, 10_000)]
    public int MaxMessageLength { get; set; } = 2_000;

    /// <summary>
    /// Channels that cannot push (the bot may speak only in answer to a resident's message, as WeCom's passive reply):
    /// messages for their residents wait in the resident outbox for the next answer. Default <c>wecom</c>.
    /// </summary>
    public List<string> PullChannels { get; set; } = ["wecom"];
}
