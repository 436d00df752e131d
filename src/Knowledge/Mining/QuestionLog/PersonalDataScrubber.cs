using System.Buffers;
using System.Text.RegularExpressions;

namespace CitizenBot.Knowledge.Mining.QuestionLog;

/// <summary>
/// Removes personal data from a resident's message before it is kept: mobile and landline numbers, ID numbers (18- and
/// 15-digit), bank-card-like digit runs, e-mail addresses, and names where they are introduced ("我叫…", "我是…",
/// "姓…", "姓名：…") or carry an honorific ("张先生" becomes "X先生"). Addresses stay ("3号楼2单元501"): they are what
/// the questions are about and, without a name or number, do not identify a resident.
/// </summary>
/// <remarks>
/// Pure and thread-safe. It errs towards removing: a 16-digit order number becomes <c>[卡号]</c>, which costs the miner
/// nothing, while a kept card number could not be taken back. Numbers are matched on ASCII digits only (full-width
/// digits are folded by the analyzer's normalizer before questions reach the bot's flows, not here).
/// </remarks>
internal static partial class PersonalDataScrubber
{
    public const string PhoneToken = "[电话]";
    public const string IdNumberToken = "[身份证]";
    public const string CardToken = "[卡号]";
    public const string EmailToken = "[邮箱]";
    public const string NameToken = "[姓名]";

    // The commonest single-character surnames, without those that mostly start ordinary words after "我是"/"姓"
    // (于, 常, 区, 和, 单 …); a name with a rarer surname is still caught by "我叫" and by "姓名：".
    private const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤殷易乔";

    // The fewest digits any number pattern below needs (a bare local number after a cue): with fewer in the whole
    // text, none can match. Addresses ("3号楼2单元501") have digits but rarely seven.
    private const int MinNumberDigits = 7;

    // The words each name pattern below needs: its labels, honorifics and "called" intros. Searched for all at once
    // (vectorized), they rule the name passes out for nearly every question; single characters such as 是, 人 or 生
    // were cues before and let most questions through to the regexes.
    private static readonly string[] LabelWords = ["姓名", "名字", "联系人", "户主"];
    private static readonly string[] TitleWords =
        ["先生", "女士", "小姐", "阿姨", "大爷", "大妈", "大娘", "奶奶", "爷爷", "师傅", "老师", "大姐", "大哥", "叔叔", "婶婶", "老太太"];
    private static readonly string[] CalledWords = ["我叫", "名字叫", "名字是", "本人叫", "名叫"];
    private static readonly string[] IAmWords = ["我是", "本人"];
    private static readonly SearchValues<string> LabelCues = SearchValues.Create(LabelWords, StringComparison.Ordinal);
    private static readonly SearchValues<string> TitleCues = SearchValues.Create(TitleWords, StringComparison.Ordinal);
    private static readonly SearchValues<string> CalledCues = SearchValues.Create(CalledWords, StringComparison.Ordinal);
    private static readonly SearchValues<string> IAmCues = SearchValues.Create(IAmWords, StringComparison.Ordinal);
    private static readonly SearchValues<string> NameCues =
        SearchValues.Create([.. LabelWords, .. TitleWords, .. CalledWords, .. IAmWords, "姓"], StringComparison.Ordinal);

    // What may stand right before the '@' of an e-mail address; a group's "@百事通" has none of these before its '@'.
    private static readonly SearchValues<char> EmailLocalChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-");

    /// <summary>Returns <paramref name="text"/> with personal data replaced by bracketed tokens such as <c>[电话]</c>.</summary>
    public static string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        // Each pass runs only when the text holds what its pattern needs: most questions skip every pass.
        var scrubbed = text;
        if (MayHoldEmail(text))
        {
            scrubbed = Email().Replace(scrubbed, EmailToken);
        }

        if (CountDigits(scrubbed) >= MinNumberDigits)
        {
            scrubbed = IdNumber18().Replace(scrubbed, IdNumberToken);
            scrubbed = IdNumber15().Replace(scrubbed, IdNumberToken);
            scrubbed = CardNumber().Replace(scrubbed, CardToken);
            scrubbed = Mobile().Replace(scrubbed, PhoneToken);
            scrubbed = Landline().Replace(scrubbed, PhoneToken);
            scrubbed = LocalNumberAfterCue().Replace(scrubbed, PhoneToken);
        }

        if (scrubbed.AsSpan().IndexOfAny(NameCues) < 0)
        {
            return scrubbed;
        }

        if (scrubbed.AsSpan().IndexOfAny(LabelCues) >= 0)
        {
            scrubbed = LabelledName().Replace(scrubbed, "${label}" + NameToken);
        }

        if (scrubbed.AsSpan().IndexOfAny(TitleCues) >= 0)
        {
            scrubbed = Honorific().Replace(scrubbed, "X${title}");
        }

        if (scrubbed.AsSpan().IndexOfAny(CalledCues) >= 0)
        {
            scrubbed = CalledName().Replace(scrubbed, "${intro}" + NameToken);
        }

        if (scrubbed.AsSpan().IndexOfAny(IAmCues) >= 0)
        {
            scrubbed = IAmName().Replace(scrubbed, "${intro}" + NameToken);
        }

        if (scrubbed.Contains('姓', StringComparison.Ordinal))
        {
            scrubbed = Surname().Replace(scrubbed, "${intro}" + NameToken);
        }

        return scrubbed;
    }

    private static bool MayHoldEmail(string text)
    {
        for (var at = text.IndexOf('@', StringComparison.Ordinal); at >= 0; at = text.IndexOf('@', at + 1))
        {
            if (at > 0 && EmailLocalChars.Contains(text[at - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static int CountDigits(string text)
    {
        var count = 0;
        var rest = text.AsSpan();
        for (var i = rest.IndexOfAnyInRange('0', '9'); i >= 0; i = rest.IndexOfAnyInRange('0', '9'))
        {
            count++;
            rest = rest[(i + 1)..];
        }

        return count;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    // Region (6), birth date 19xx/20xx-MM-DD, sequence (3), check digit or X.
    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex IdNumber18();

    // Pre-1999 cards: region (6), birth date YYMMDD, sequence (3).
    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9][0-9]{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}(?![0-9A-Za-z])")]
    private static partial Regex IdNumber15();

    // 16–19 digits in a row, or written in fours with spaces or dashes.
    [GeneratedRegex(@"(?<![0-9A-Za-z\-])(?:[0-9]{16,19}|[0-9]{4}(?:[ \-][0-9]{4}){3}(?:[ \-][0-9]{1,3})?)(?![0-9A-Za-z])")]
    private static partial Regex CardNumber();

    // 1[3-9]x and eight more digits, also written 3-4-4 with spaces or dashes, optionally after +86.
    [GeneratedRegex(@"(?<![0-9A-Za-z\-])(?:\+?86[ \-]?)?1[3-9][0-9](?:[ \-]?[0-9]{4}){2}(?![0-9])")]
    private static partial Regex Mobile();

    // Area code 0xx/0xxx (optionally in brackets), then a 7–8 digit local number: 022-26881234, (022)26881234.
    [GeneratedRegex(@"(?<![0-9A-Za-z\-])(?:[(（]0[1-9][0-9]{1,2}[)）]|0[1-9][0-9]{1,2})[ \-]?[2-9][0-9]{2,3}[ \-]?[0-9]{4}(?![0-9])")]
    private static partial Regex Landline();

    // A bare 7–8 digit local number only where a cue says it is one: "电话26881234", "打 2688123".
    [GeneratedRegex(@"(?<=(?:电话|座机|手机|号码|联系方式|打|拨)[^0-9\n]{0,3})(?<![0-9A-Za-z\-])[2-9][0-9]{6,7}(?![0-9])")]
    private static partial Regex LocalNumberAfterCue();

    // A label needs a colon or a copula after it, so "联系人电话" and "名字是什么" stay.
    [GeneratedRegex(@"(?<label>(?:姓名|名字|联系人|户主)\s*(?:[：:]\s*(?:是|叫)?|是|为|叫)\s*)(?!什么|多少|谁)[\u4e00-\u9fff]{2,3}")]
    private static partial Regex LabelledName();

    // "张先生" → "X先生": the honorific tells the miner something (an older resident), the surname does not.
    [GeneratedRegex(@"[" + Surnames + @"](?<title>先生|女士|小姐|阿姨|大爷|大妈|大娘|奶奶|爷爷|师傅|老师|大姐|大哥|叔叔|婶婶|老太太|老大爷)")]
    private static partial Regex Honorific();

    // After "我叫" a name always follows; it is taken as two or three characters, stopping before the usual next words.
    [GeneratedRegex(@"(?<intro>我叫|我的名字叫|我的名字是|本人叫|名叫)(?:[\u4e00-\u9fff](?:(?![想要在住是的，问家和我])[\u4e00-\u9fff]){1,2})")]
    private static partial Regex CalledName();

    // After "我是"/"本人" only a surname-led name that ends there ("我是李建国，…"), so "我是高龄老人" stays.
    [GeneratedRegex(@"(?<intro>我是|本人是?)(?:[老小][" + Surnames + @"]|[" + Surnames + @"][\u4e00-\u9fff]{1,2})(?=$|[^\u4e00-\u9fff]|[住在家的，])")]
    private static partial Regex IAmName();

    [GeneratedRegex(@"(?<intro>(?:我|免贵|本人)?姓)[" + Surnames + @"]")]
    private static partial Regex Surname();
}
