using System.ComponentModel.DataAnnotations;
using CitizenBot.Knowledge.Index;
using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Knowledge;

/// <summary>Configuration section <c>Knowledge</c>.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>
    /// The knowledge-base content folder (entries, lexicon, synonyms, categories). A relative path is looked for in
    /// the working directory and then in each parent, so the service finds the repository's folder from anywhere
    /// inside it.
    /// </summary>
    [Required]
    public string ContentDirectory { get; set; } = "knowledge-base";

    /// <summary>The index file's name inside the host's data directory.</summary>
    [Required]
    [RegularExpression(@"^[\w.-]+$")]
    public string DatabaseFileName { get; set; } = "knowledge.db";

    /// <summary>Import <see cref="ContentDirectory"/> when the index holds no entries at start.</summary>
    public bool ImportOnFirstStart { get; set; } = true;

    /// <summary>Names that residents @-mention without a following space (the bot's own), stripped from questions.</summary>
    public List<string> MentionNames { get; set; } = ["百事通"];

    public IndexWeights Weights { get; set; } = new();

    public RetrievalOptions Retrieval { get; set; } = new();
}
