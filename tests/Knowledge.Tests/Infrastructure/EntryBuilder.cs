using CitizenBot.Knowledge.Content;

namespace CitizenBot.Knowledge.Tests.Infrastructure;

/// <summary>Builds <see cref="KnowledgeEntry"/> values for tests: set only what the test is about.</summary>
internal sealed class EntryBuilder
{
    private readonly string _id;
    private string _title;
    private string[] _questions = [];
    private string _answer = "请联系社区居委会。";
    private string _category = "heating";
    private string[] _tags = [];
    private string? _department;
    private EntryStatus _status = EntryStatus.Published;

    private EntryBuilder(string id)
    {
        _id = id;
        _title = $"{id}？";
    }

    /// <summary>A published entry with <paramref name="id"/>, a placeholder title and a short answer.</summary>
    public static EntryBuilder Entry(string id) => new(id);

    public EntryBuilder WithTitle(string title)
    {
        _title = title;
        return this;
    }

    public EntryBuilder WithQuestions(params string[] questions)
    {
        _questions = questions;
        return this;
    }

    public EntryBuilder WithAnswer(string answer)
    {
        _answer = answer;
        return this;
    }

    public EntryBuilder InCategory(string category)
    {
        _category = category;
        return this;
    }

    public EntryBuilder WithTags(params string[] tags)
    {
        _tags = tags;
        return this;
    }

    public EntryBuilder WithDepartment(string department)
    {
        _department = department;
        return this;
    }

    public EntryBuilder WithStatus(EntryStatus status)
    {
        _status = status;
        return this;
    }

    public EntryBuilder AsDraft() => WithStatus(EntryStatus.Draft);

    public KnowledgeEntry Build() => new(_id, _title, _questions, _answer, _category, _tags, _department, null, null, _status);
}
