using System.Text;
using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Content;
using CitizenBot.Knowledge.Index;
using CitizenBot.Knowledge.Retrieval;
using CitizenBot.Knowledge.Tests.Infrastructure;

namespace CitizenBot.Knowledge.Tests.Analysis;

public class ExploreTests
{
    [Fact]
    public async Task Explore()
    {
        var sb = new StringBuilder();
        var n = new TextNormalizer(["百事通"]);
        foreach (var s in new[] { "ＡＢＣ１２３", "暖氣不熱怎麼辦", "@百事通暖气不热", "@百事通 暖气不热", "@张三 暖气不热", "暖气😀不热[捂脸][OK]", "暖气，不热！！怎么办？？", "😀😀[捂脸]", "Hello WORLD 42" })
        {
            sb.AppendLine($"N [{s}] -> [{n.Normalize(s)}]");
        }

        var lex = Lexicon.Create(["供暖费", "居住证", "物业费"], [["供暖", "暖气", "供热"]]);
        var a = new ChineseAnalyzer(lex, n);
        foreach (var s in new[] { "请问暖气费怎么交", "居住证过期了吗", "3号楼漏水", "wifi密码", "你好啊", "暖气", "供暖费", "请问供暖费", "物业费一下", "知道居住证" })
        {
            sb.AppendLine($"T [{s}] -> {string.Join(",", a.Tokenize(s).Select(t => "\"" + t + "\""))}");
        }

        var kbLex = await LexiconFiles.LoadAsync(RepositoryPaths.KnowledgeBase, n, CancellationToken.None);
        sb.AppendLine($"kb lexicon count {kbLex.Count} fp {kbLex.Fingerprint}");
        sb.AppendLine($"pinyin {CjkCharacterMaps.Instance.Pinyin('暖')} trad {CjkCharacterMaps.Instance.HasTraditionalToSimplified}");
        File.WriteAllText("/tmp/explore.txt", sb.ToString());
    }
}
