using System.Text;
using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Content;
using CitizenBot.Knowledge.Index;
using CitizenBot.Knowledge.Retrieval;
using CitizenBot.Knowledge.Tests.Infrastructure;

namespace CitizenBot.Knowledge.Tests.Analysis;

public class Explore2Tests
{
    [Fact]
    public async Task Explore()
    {
        var sb = new StringBuilder();
        var opts = new KnowledgeOptions();
        var (analyzer, cats) = await KnowledgeLoader.LoadAnalyzerAsync(RepositoryPaths.KnowledgeBase, opts, default);
        var content = await KnowledgeContentReader.ReadAsync(RepositoryPaths.KnowledgeBase, default);
        sb.AppendLine($"entries {content.Entries.Count} valid {content.IsValid}");
        var dir = Directory.CreateTempSubdirectory("explore-");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        using (var index = await KnowledgeIndex.OpenAsync(Path.Combine(dir.FullName, "k.db"), analyzer, cats, opts.Weights, default))
        {
            await index.UpsertManyAsync(content.Entries, default);
            sb.AppendLine($"built in {sw.ElapsedMilliseconds} count {index.Count}");
            var r = new Retriever(index, opts.Retrieval);
            foreach (var q in new[] { "暖气不热怎么办", "暖氣不熱怎麼辦", "居住证要带什么材料", "办居住证要带哪些材料", "居住證要帶什麼材料", "你好", "谢谢", "护照在哪办", "共暖费怎么交", "供暖费怎么交", "\" * ( ) NEAR OR - AND NOT ^ : {}", "'; DROP TABLE entries; --", "物业", "电梯", "停车", "维修", "居住证", "暖气", "交钱", "NEAR", "\"", "*", "好的谢谢", "你好啊", "在吗" })
            {
                var res = r.Search(q, 5);
                sb.AppendLine($"Q [{q}] {res.Decision} conf {res.Confidence} hits {string.Join(" ", res.Hits.Select(h => $"{h.EntryId}:{h.Score}/{h.Confidence}"))} choices {string.Join(",", res.Choices.Select(c => c.EntryId))}");
            }
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        dir.Delete(true);
        await File.WriteAllTextAsync("/tmp/explore2.txt", sb.ToString());
    }
}
