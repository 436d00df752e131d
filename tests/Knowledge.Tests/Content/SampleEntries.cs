using CitizenBot.Knowledge.Content;

namespace CitizenBot.Knowledge.Tests.Content;

internal static class SampleEntries
{
    /// <summary>The entry of the content spec's example file.</summary>
    public const string HeatingMarkdown = """
        ---
        id: heating-01
        title: 家里暖气不热怎么报修？
        questions:
          - 暖气温度不达标找谁
          - 室温不够18度怎么办
          - 暖气片冰凉没人管
        category: heating
        tags: [暖气, 室温, 报修, 供热单位]
        department: 红桥区供热管理办公室
        source: 《天津市供热用热条例》
        updated: 2026-10-20
        status: published
        ---
        供热期内卧室、起居室室温应不低于18℃。室温不达标时:

        1. 先检查自家暖气阀门是否打开、暖气片是否需要放气;
        2. 联系您家的**供热单位**报修(电话印在供热缴费单据上);
        3. 供热单位未及时处理的,拨打 **12345** 政务服务便民热线反映。

        需要准备:户主姓名、详细地址(楼号、门栋、室号)、室温情况。

        """;

    public static KnowledgeEntry Heating(string id = "heating-01", string category = "heating") => new(
        id,
        "家里暖气不热怎么报修？",
        ["暖气温度不达标找谁", "室温不够18度怎么办", "暖气片冰凉没人管"],
        "供热期内卧室、起居室室温应不低于18℃。\n\n拨打 **12345** 政务服务便民热线反映。",
        category,
        ["暖气", "室温", "报修"],
        "红桥区供热管理办公室",
        "《天津市供热用热条例》",
        new DateOnly(2026, 10, 20),
        EntryStatus.Published);

    /// <summary>Traditional characters, full-width digits, letters and spaces, as an author might type them.</summary>
    public static KnowledgeEntry FullWidth() => new(
        "heating-02",
        "暖氣不熱怎麼辦？",
        ["１２月暖氣還是冰涼", "ＡＢＣ小區　供熱不達標"],
        "　　請撥打１２３４５熱線，或聯繫供熱單位（見繳費單據）。",
        "heating",
        ["暖氣", "供熱"],
        "紅橋區供熱辦",
        null,
        null,
        EntryStatus.Draft);

    /// <summary>A minimal valid Markdown entry file for <paramref name="id"/>.</summary>
    public static string Markdown(string id, string category = "heating") =>
        $"---\nid: {id}\ntitle: 问题{id}？\ncategory: {category}\n---\n答案{id}\n";
}
