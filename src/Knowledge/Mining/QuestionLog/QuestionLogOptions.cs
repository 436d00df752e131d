using System.ComponentModel.DataAnnotations;

namespace CitizenBot.Knowledge.Mining.QuestionLog;

/// <summary>Configuration section <c>Knowledge:QuestionLog</c>.</summary>
public sealed class QuestionLogOptions
{
    public const string SectionName = "Knowledge:QuestionLog";

    /// <summary>The log's own SQLite file inside the host's data directory.</summary>
    [Required]
    [RegularExpression(@"^[\w.-]+$")]
    public string DatabaseFileName { get; set; } = "questions.db";

    /// <summary>Questions older than this are deleted by the pruner (at start, then every few hours).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(180);

    /// <summary>
    /// How soon after a question a new question counts as its rephrase, and a request for a person as its handoff.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:30", "1.00:00:00")]
    public TimeSpan FollowUpWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The secret resident ids are keyed with. Unset: a random one is created once in <c>questions.key</c> next to the
    /// database, kept out of the database file so that a copy of it given to an analyst cannot be matched to residents.
    /// </summary>
    [MinLength(16)]
    public string? ResidentKeySecret { get; set; }
}
