using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CitizenBot.Bot.Tests.AdminConsole;

/// <summary>
/// Answers the page's <c>/api/admin/…</c> calls inside the browser, in the shapes of the admin API contract, from a
/// small in-memory base: two entries with a history, a review queue with two topics and two new words, thirty days
/// of quality figures. Sign-in is not stubbed (<c>/api/auth/token</c> is the real service). Every call is recorded in
/// <see cref="Requests"/>; <see cref="Override"/> answers chosen calls differently (a validation problem, a 403).
/// All the admin API the page uses is stubbed here and nowhere else, so an end-to-end test can drop this one file.
/// </summary>
public sealed partial class AdminApiStub
{
    public const string HeatingEntry = "heating-01";
    public const string ElderlyEntry = "elderly-03";
    public const string SteadyTopic = "topic-3f9a";
    public const string BurstTopic = "topic-b002";

    public static readonly string[] SteadyExamples = ["电动自行车充电桩在哪儿装", "小区能装电动车充电桩吗", "楼下充电桩谁来管"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Dictionary<string, JsonObject> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JsonObject>> _revisions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _decided = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public AdminApiStub()
    {
        Add(Entry(HeatingEntry, "供暖温度不达标怎么办？", "heating", "published", 2, ["暖气不热找谁", "室温不到18度"],
            "室温低于18℃时，可拨打供热热线报修。"));
        Add(Entry(ElderlyEntry, "高龄津贴怎么申请？", "elderly", "draft", 1, ["80岁老人补贴"], "年满80周岁的老人可在社区申请高龄津贴。"));
        _revisions[HeatingEntry] =
        [
            Revision(2, "edited", "published"),
            Revision(1, "created", "draft"),
        ];
        _revisions[ElderlyEntry] = [Revision(1, "created", "draft")];
    }

    /// <summary>A call the page made: method, path with query (unescaped), the JSON body (null when none) and the raw body.</summary>
    public sealed record Call(string Method, string Path, JsonElement? Body, string? Text);

    public ConcurrentQueue<Call> Requests { get; } = new();

    /// <summary>When set and it returns a status, that answer goes instead of the stub's own.</summary>
    public Func<Call, (int Status, string Body)?>? Override { get; set; }

    /// <summary>The review queue; null answers 404 (mining never ran).</summary>
    public bool MiningRan { get; set; } = true;

    /// <summary>The import's answer: status and body.</summary>
    public (int Status, string Body) ImportAnswer { get; set; } = (200, """{"added":2,"updated":1,"unchanged":5}""");

    /// <summary>The calls to <paramref name="method"/> on paths starting with <paramref name="path"/>.</summary>
    public IReadOnlyList<Call> Calls(string method, string path) =>
        [.. Requests.Where(c => c.Method == method && c.Path.StartsWith(path, StringComparison.Ordinal))];

    public async Task InstallAsync(IPage page) => await page.RouteAsync(AdminPath(), async route =>
    {
        var request = route.Request;
        var url = new Uri(request.Url);
        JsonElement? body = null;
        var text = request.PostData;
        if (text is { Length: > 0 } && (request.Headers.GetValueOrDefault("content-type") ?? "").Contains("json", StringComparison.Ordinal))
        {
            body = JsonDocument.Parse(text).RootElement.Clone();
        }

        var call = new Call(request.Method, Uri.UnescapeDataString(url.PathAndQuery), body, text);
        Requests.Enqueue(call);
        var (status, answer) = Override?.Invoke(call) ?? Answer(call, url);
        if (answer is byte[] bytes)
        {
            await route.FulfillAsync(new() { Status = status, ContentType = "application/zip", BodyBytes = bytes });
            return;
        }

        var json = answer as string ?? (answer is null ? "" : JsonSerializer.Serialize(answer, Json));
        await route.FulfillAsync(new()
        {
            Status = status,
            ContentType = status < 300 ? "application/json" : "application/problem+json",
            Body = json,
        });
    });

    private (int Status, object? Body) Answer(Call call, Uri url)
    {
        var segments = url.AbsolutePath["/api/admin/".Length..].Split('/').Select(Uri.UnescapeDataString).ToArray();
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        lock (_gate)
        {
            return (call.Method, segments) switch
            {
                ("GET", ["categories"]) => (200, new[] { new { id = "heating", name = "供热采暖" }, new { id = "elderly", name = "养老服务" } }),
                ("GET", ["entries"]) => (200, List(query["q"], query["status"], query["category"], Page(query["page"]), Page(query["pageSize"]))),
                ("POST", ["entries"]) => Create(call.Body!.Value),
                ("GET", ["entries", var id]) => Found(id, e => (200, e)),
                ("PUT", ["entries", var id]) => Found(id, e => Update(e, call.Body!.Value)),
                ("POST", ["entries", var id, "publish"]) => Found(id, e => (200, Move(e, "published", "published"))),
                ("POST", ["entries", var id, "retire"]) => Found(id, e => (200, Move(e, "retired", "retired"))),
                ("GET", ["entries", var id, "revisions"]) => Found(id, _ => (200, _revisions[id])),
                ("GET", ["entries", var id, "diff"]) => Found(id, _ => (200, Diff(query["from"], query["to"]))),
                ("GET", ["mining", "latest"]) => MiningRan ? (200, Queue()) : (404, Problem("尚未挖掘", "还没有挖掘报告。")),
                ("POST", ["mining", "run"]) => Run(),
                ("POST", ["mining", "topics", var id, "accept"]) => Accept(id, call.Body!.Value),
                ("POST", ["mining", "topics", var id, "attach"]) => Decide(id, () => (200, _entries[call.Body!.Value.GetProperty("entryId").GetString()!])),
                ("POST", ["mining", "topics", var id, "dismiss"]) => Decide(id, () => (204, null)),
                ("POST", ["mining", "terms", "accept"]) => DecideTerm(call.Body!.Value, new { term = Term(call.Body!.Value), lexiconSize = 4321 }),
                ("POST", ["mining", "terms", "synonym"]) => DecideTerm(call.Body!.Value, new { term = Term(call.Body!.Value), of = call.Body!.Value.GetProperty("of").GetString() }),
                ("POST", ["mining", "terms", "dismiss"]) => DecideTerm(call.Body!.Value, null),
                ("GET", ["quality"]) => (200, Quality(Page(query["days"]) ?? 30)),
                ("GET", ["export"]) => (200, "PK\u0005\u0006"u8.ToArray().Concat(new byte[18]).ToArray()),
                ("POST", ["import"]) => (ImportAnswer.Status, JsonNode.Parse(ImportAnswer.Body)),
                _ => (404, Problem("未找到", $"桩没有 {call.Method} {url.AbsolutePath}。")),
            };
        }
    }

    [GeneratedRegex("/api/admin/")]
    private static partial Regex AdminPath();

    private static int? Page(string? value) => int.TryParse(value, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Term(JsonElement body) => body.GetProperty("term").GetString()!;

    public static JsonObject Problem(string title, string detail) => new() { ["title"] = title, ["detail"] = detail };

    private (int, object?) Found(string id, Func<JsonObject, (int, object?)> then) =>
        _entries.TryGetValue(id, out var entry) ? then(entry) : (404, Problem("未找到该条目", $"没有编号为 {id} 的条目。"));

    private void Add(JsonObject entry) => _entries[(string)entry["id"]!] = entry;

    private object List(string? q, string? status, string? category, int? page, int? pageSize)
    {
        var matches = _entries.Values
            .Where(e => string.IsNullOrEmpty(q) || ((string)e["id"]! + (string)e["title"]! + e["questions"]!.ToJsonString()).Contains(q, StringComparison.OrdinalIgnoreCase))
            .Where(e => string.IsNullOrEmpty(status) || (string)e["status"]! == status)
            .Where(e => string.IsNullOrEmpty(category) || (string)e["category"]! == category)
            .OrderByDescending(e => (string)e["changedAt"]!, StringComparer.Ordinal)
            .ToList();
        var size = pageSize ?? 20;
        var items = matches.Skip(((page ?? 1) - 1) * size).Take(size).Select(e => new JsonObject
        {
            ["id"] = e["id"]!.DeepClone(),
            ["title"] = e["title"]!.DeepClone(),
            ["category"] = e["category"]!.DeepClone(),
            ["status"] = e["status"]!.DeepClone(),
            ["updated"] = e["updated"]!.DeepClone(),
            ["revision"] = e["revision"]!.DeepClone(),
            ["changedAt"] = e["changedAt"]!.DeepClone(),
            ["changedBy"] = e["changedBy"]!.DeepClone(),
        });
        return new { total = matches.Count, items };
    }

    private (int, object?) Create(JsonElement body)
    {
        var id = body.TryGetProperty("id", out var given) ? given.GetString()! : $"{body.GetProperty("category").GetString()}-{_entries.Count + 1}";
        if (_entries.ContainsKey(id))
        {
            return (409, Problem("编号已被占用", $"已有编号为 {id} 的条目。"));
        }

        var status = body.TryGetProperty("status", out var s) ? s.GetString()! : "draft";
        var entry = FromBody(id, body, status, 1);
        Add(entry);
        _revisions[id] = [Revision(1, "created", status)];
        return (201, entry);
    }

    private (int, object?) Update(JsonObject current, JsonElement body)
    {
        var revision = (int)current["revision"]!;
        if (body.TryGetProperty("revision", out var expected) && expected.GetInt32() != revision)
        {
            return (409, Problem("条目已被修改", "条目已有更新的版本。"));
        }

        var status = body.TryGetProperty("status", out var s) ? s.GetString()! : (string)current["status"]!;
        var entry = FromBody((string)current["id"]!, body, status, revision + 1);
        Add(entry);
        _revisions[(string)entry["id"]!].Insert(0, Revision(revision + 1, "edited", status));
        return (200, entry);
    }

    private JsonObject Move(JsonObject current, string status, string action)
    {
        var revision = (int)current["revision"]! + 1;
        current["status"] = status;
        current["revision"] = revision;
        _revisions[(string)current["id"]!].Insert(0, Revision(revision, action, status));
        return current;
    }

    private static JsonObject FromBody(string id, JsonElement body, string status, int revision)
    {
        var entry = Entry(
            id,
            body.GetProperty("title").GetString()!,
            body.GetProperty("category").GetString()!,
            status,
            revision,
            [.. body.GetProperty("questions").EnumerateArray().Select(q => q.GetString()!)],
            body.GetProperty("answer").GetString()!,
            [.. body.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)]);
        entry["department"] = body.GetProperty("department").GetString();
        entry["source"] = body.GetProperty("source").GetString();
        return entry;
    }

    private static JsonObject Entry(string id, string title, string category, string status, int revision, string[] questions,
        string answer, string[]? tags = null) => new()
        {
            ["id"] = id,
            ["title"] = title,
            ["questions"] = new JsonArray([.. questions.Select(q => JsonValue.Create(q))]),
            ["answer"] = answer,
            ["category"] = category,
            ["tags"] = new JsonArray([.. (tags ?? ["供暖"]).Select(t => JsonValue.Create(t))]),
            ["department"] = "区城市管理委",
            ["source"] = "《天津市供热用热条例》",
            ["updated"] = "2026-11-20",
            ["status"] = status,
            ["revision"] = revision,
            ["changedAt"] = string.Create(CultureInfo.InvariantCulture, $"2026-11-2{revision}T02:00:00Z"),
            ["changedBy"] = "admin",
        };

    private static JsonObject Revision(int revision, string action, string status) => new()
    {
        ["revision"] = revision,
        ["at"] = string.Create(CultureInfo.InvariantCulture, $"2026-11-2{revision}T02:00:00Z"),
        ["author"] = "admin",
        ["action"] = action,
        ["status"] = status,
        ["title"] = "供暖温度不达标怎么办？",
    };

    private static object Diff(string? from, string? to) => new
    {
        from = int.Parse(from!, CultureInfo.InvariantCulture),
        to = int.Parse(to!, CultureInfo.InvariantCulture),
        lines = new[]
        {
            new { kind = "same", text = "title: 供暖温度不达标怎么办？" },
            new { kind = "removed", text = "室温低于16℃时，可拨打供热热线报修。" },
            new { kind = "added", text = "室温低于18℃时，可拨打供热热线报修。" },
            new { kind = "same", text = "---" },
        },
    };

    private object Queue()
    {
        var topics = new[]
        {
            new
            {
                id = SteadyTopic, label = "充电桩 电动自行车", count = 42, previousCount = 6, trend = 6.14, burst = false,
                examples = SteadyExamples, closestEntries = new[] { HeatingEntry, ElderlyEntry },
            },
            new
            {
                id = BurstTopic, label = "停水 检修", count = 17, previousCount = 0, trend = 18.0, burst = true,
                examples = new[] { "今天怎么停水了", "几点来水" }, closestEntries = Array.Empty<string>(),
            },
        }.Where(t => !_decided.Contains(t.id));
        var words = new[]
        {
            new { term = "充电桩", count = 40, previousCount = 5, rise = 6.83, isNew = true, score = 273.2 },
            new { term = "飞线充电", count = 12, previousCount = 2, rise = 4.33, isNew = true, score = 52.0 },
        }.Where(w => !_decided.Contains(w.term));
        return new
        {
            generatedAt = "2026-11-22T01:00:00Z",
            terms = words,
            newWords = words,
            topics,
            statistics = new { recentMessages = 2000, previousMessages = 1800 },
        };
    }

    private (int, object?) Run() => (200, new { terms = Array.Empty<object>(), topics = Array.Empty<object>() });

    private (int, object?) Accept(string topicId, JsonElement body) => Decide(topicId, () =>
    {
        var id = $"{body.GetProperty("category").GetString()}-{_entries.Count + 1}";
        var entry = Entry(id, body.GetProperty("title").GetString()!, body.GetProperty("category").GetString()!, "published", 1,
            SteadyExamples, body.GetProperty("answer").GetString()!);
        Add(entry);
        _revisions[id] = [Revision(1, "topic-accepted", "published")];
        return (201, entry);
    });

    private (int, object?) Decide(string topicId, Func<(int, object?)> then) =>
        _decided.Add(topicId) ? then() : (409, Problem("主题已处理", "该主题已被处理。"));

    private (int, object?) DecideTerm(JsonElement body, object? answer)
    {
        _decided.Add(Term(body));
        return answer is null ? (204, null) : (200, answer);
    }

    private static object Quality(int days)
    {
        var start = new DateOnly(2026, 11, 22).AddDays(1 - days);
        var list = Enumerable.Range(0, days).Select(i => new
        {
            date = start.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            questions = 100 + i,
            answered = 70 + i,
            clarified = 20,
            abstained = 10,
            handoffs = 5 + (i % 4),
            rephrased = 8,
        }).ToList();
        return new
        {
            from = list[0].date,
            to = list[^1].date,
            days = list,
            totals = new { questions = list.Sum(d => d.questions), answerRate = 0.746, clarifyRate = 0.168, abstainRate = 0.086, handoffRate = 0.053, rephraseRate = 0.067 },
            worstEntries = new[]
            {
                new { entryId = HeatingEntry, title = "供暖温度不达标怎么办？", answered = 120, rephrased = 30, handoffs = 12, badRate = 0.35 },
            },
        };
    }

    /// <summary>The body of a JSON answer, for <see cref="Override"/>.</summary>
    public static string Serialize(object value) => JsonSerializer.Serialize(value, Json);

    /// <summary>Bytes of a small text file, for the page's file inputs.</summary>
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
