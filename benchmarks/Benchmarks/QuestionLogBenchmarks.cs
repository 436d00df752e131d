using System.Globalization;
using BenchmarkDotNet.Attributes;
using CitizenBot.Knowledge.Index;
using CitizenBot.Knowledge.Mining.QuestionLog;
using CitizenBot.Knowledge.Retrieval;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Benchmarks;

/// <summary>
/// The question log's per-question CPU on its writer: keying a resident id, scrubbing a question, and applying a
/// recorded question (rephrase lookup and insert) or a handoff mark to a real <c>questions.db</c> that already holds
/// <see cref="PreloadedQuestions"/> rows, <see cref="GroupSize"/> writes per transaction as the writer loop groups them.
/// </summary>
[MemoryDiagnoser]
public class QuestionLogBenchmarks
{
    /// <summary>Writes per transaction (and per invocation): the writer loop's group under load.</summary>
    public const int GroupSize = 200;

    private const int Residents = 5_000;
    private const int PreloadedQuestions = 200_000;

    // The chat load script's questions as a group member types them, and a few that carry digits or names.
    private static readonly string[] Plain =
    [
        "@百事通 暖气不热找谁", "@百事通 养老金什么时候发", "@百事通 低保怎么申请", "@百事通 供暖费怎么交",
        "@百事通 今年嘛时候来暖气啊", "@百事通 小区消防通道天天停满车 救护车都进不来 找谁",
        "@百事通 房子过户了 水电气要不要跟着改户名", "@百事通 小区十几年了都没有业主委员会 想张罗一个 有啥流程",
        "@百事通 老房子想改地暖 需要跟供热公司打招呼不", "@百事通 老人高龄补贴是不是要本人去办",
    ];

    private static readonly string[] WithData =
    [
        "我叫王小明 电话13800000000 暖气不热找谁", "3号楼2单元501 漏水了 联系方式022-26881234",
        "身份证110101199003074514丢了怎么补", "我是李建国，住5号楼，物业不管事",
    ];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "citizenbot-qlog-bench-" + Guid.NewGuid().ToString("N"));
    private readonly ResidentKeys _keys = new("a-benchmark-secret-of-some-length"u8.ToArray());
    private string[] _residentIds = [];
    private string[] _manyResidentIds = [];
    private SqliteConnection? _connection;
    private QuestionLogRows? _rows;
    private DateTimeOffset _now;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _residentIds = [.. Enumerable.Range(0, Residents).Select(i => "wecom:group-7:resident-" + i.ToString(CultureInfo.InvariantCulture))];
        _manyResidentIds = [.. Enumerable.Range(0, 300_000).Select(i => "wecom:group-7:resident-" + i.ToString(CultureInfo.InvariantCulture))];
        Directory.CreateDirectory(_directory);
        _connection = new SqliteConnectionFactory(Path.Combine(_directory, "questions.db")).Open();
        QuestionLogSchema.CreateAsync(_connection, CancellationToken.None).GetAwaiter().GetResult();
        _rows = new QuestionLogRows(_connection, _keys, TimeSpan.FromMinutes(10));
        _now = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        for (var done = 0; done < PreloadedQuestions; done += GroupSize)
        {
            RecordGroup();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _rows?.Dispose();
        _connection?.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A resident key for an id already keyed (the common case: residents ask again).</summary>
    [Benchmark]
    public string KeyOfKnownResident() => _keys.KeyOf(_residentIds[Next(Residents)]);

    /// <summary>A resident key for an id not seen lately (the HMAC itself).</summary>
    [Benchmark]
    public string KeyOfNewResident() => _keys.KeyOf(_manyResidentIds[Next(_manyResidentIds.Length)]);

    /// <summary>Scrubbing a question with no personal data (nearly all of them).</summary>
    [Benchmark]
    public string ScrubPlainQuestion() => PersonalDataScrubber.Scrub(Plain[Next(Plain.Length)]);

    /// <summary>Scrubbing a question that carries a number, an ID or a name.</summary>
    [Benchmark]
    public string ScrubQuestionWithPersonalData() => PersonalDataScrubber.Scrub(WithData[Next(WithData.Length)]);

    /// <summary>One recorded question: key, scrub, the resident's previous question (rephrase rule), insert.</summary>
    [Benchmark(OperationsPerInvoke = GroupSize)]
    public void RecordQuestion() => RecordGroup();

    /// <summary>One handoff mark on a resident's latest question.</summary>
    [Benchmark(OperationsPerInvoke = GroupSize)]
    public void MarkHandoff()
    {
        using var transaction = _connection!.BeginTransaction();
        _rows!.Enlist(transaction);
        for (var i = 0; i < GroupSize; i++)
        {
            _rows.Apply(new QuestionLogWrite(QuestionLogWriteKind.Handoff, _now, _residentIds[Next(Residents)]));
        }

        transaction.Commit();
    }

    private void RecordGroup()
    {
        using var transaction = _connection!.BeginTransaction();
        _rows!.Enlist(transaction);
        for (var i = 0; i < GroupSize; i++)
        {
            // 5,000 residents, one question every 60 ms: each asks again about every five minutes, inside the window.
            _now = _now.AddMilliseconds(60);
            var text = Plain[_next / 7 % Plain.Length];
            var decision = (_next % 10) switch { < 7 => SearchDecision.Answer, < 9 => SearchDecision.Clarify, _ => SearchDecision.Abstain };
            var record = new QuestionRecord(
                _now, "wecom", ConversationKind.Group, _residentIds[Next(Residents)], text, decision, 0.8,
                decision == SearchDecision.Answer ? "faq-" + (_next % 50).ToString(CultureInfo.InvariantCulture) : null);
            _rows.Apply(new QuestionLogWrite(QuestionLogWriteKind.Record, record.At, record.ResidentId, record));
        }

        transaction.Commit();
    }

    private int Next(int modulo)
    {
        _next++;
        return (int)((uint)_next % (uint)modulo);
    }
}
