using System.Text.RegularExpressions;
using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Bot.Dialogue.Understanding;

/// <summary>
/// Takes the complaint form's facts out of a resident's message: address numbers, phone, photo link, urgency, and
/// what is left as the description. Pure and thread-safe.
/// </summary>
internal static partial class ComplaintFactReader
{
    private const char Cut = '|';

    /// <summary>
    /// Reads <paramref name="text"/>. <paramref name="asking"/> is the slot the bot asked for last (null when none):
    /// a bare answer fills it — asking <see cref="ComplaintSlot.Location"/> "5" → building 5; asking
    /// <see cref="ComplaintSlot.Phone"/> any digits are meant as the phone; asking <see cref="ComplaintSlot.Urgency"/>
    /// "不急"/"是"; asking <see cref="ComplaintSlot.Photo"/> "没有" → <see cref="ComplaintFacts.NoPhoto"/>.
    /// </summary>
    public static ComplaintFacts Read(string text, ComplaintSlot? asking)
    {
        ArgumentNullException.ThrowIfNull(text);
        var photoUrl = UrlPattern().Match(text) is { Success: true } url ? url.Value : null;
        var work = ReaderText.Fold(UrlPattern().Replace(text, $"{Cut}"));
        var whole = ReaderText.Core(work);
        work = TicketPattern().Replace(work, $"{Cut}");

        // A correction names the right value last: "不是3号楼，是5号楼", "13800000000打错了，是13912345678".
        var isCorrection = ReaderText.ContainsAny(whole, ComplaintWords.Correction)
            || ComplaintWords.LeadingCorrection.Any(word => whole.StartsWith(word, StringComparison.Ordinal));

        string? phone = null;
        work = MobilePattern().Replace(work, m => TakePhone(m, isCorrection, ref phone));
        work = LandlinePattern().Replace(work, m => TakePhone(m, isCorrection, ref phone));

        var address = new Address(lastWins: isCorrection);
        work = TriplePattern().Replace(work, m => address.Take(m));
        work = BuildingPattern().Replace(work, m => address.Take(m));
        work = UnitPattern().Replace(work, m => address.Take(m));
        work = RoomPattern().Replace(work, m => address.Take(m));
        if (address.Building is not null && address.Unit is null)
        {
            work = UnitRoomPattern().Replace(work, m => address.Take(m));
        }

        var invalidPhone = false;
        work = CuedDigitsPattern().Replace(work, m => { invalidPhone = true; return $"{m.Groups["cue"].Value}{Cut}"; });
        work = LongDigitsPattern().Replace(work, _ => { invalidPhone = true; return $"{Cut}"; });
        if (asking == ComplaintSlot.Phone && phone is null)
        {
            work = DigitsPattern().Replace(work, _ => { invalidPhone = true; return $"{Cut}"; });
        }

        if (asking == ComplaintSlot.Location && address.IsEmpty && BareNumberPattern().Match(ReaderText.Core(work)) is { Success: true } bare)
        {
            address.Building = ChineseNumerals.ToDigits(bare.Groups["n"].Value);
            work = string.Empty;
        }

        var urgent = ReadUrgency(whole, asking);
        var noPhoto = ReaderText.ContainsAny(whole, ComplaintWords.NoPhoto)
            || (asking == ComplaintSlot.Photo && ComplaintWords.NoPhotoAnswers.Contains(whole, StringComparer.Ordinal));
        var description = Describe(work, urgent is not null, noPhoto, isCorrection);
        var place = address.IsEmpty ? FindPlace(work) : null;
        return new ComplaintFacts(
            address.Building, address.Unit, address.Room, place, phone, invalidPhone && phone is null, photoUrl, noPhoto, urgent,
            isCorrection, description);
    }

    private static string TakePhone(Match match, bool lastWins, ref string? phone)
    {
        if (!PhoneNumbers.TryNormalize(match.Value, out var normalized))
        {
            return match.Value;
        }

        phone = lastWins || phone is null ? normalized : phone;
        return $"{Cut}";
    }

    private static bool? ReadUrgency(string whole, ComplaintSlot? asking)
    {
        if (asking == ComplaintSlot.Urgency)
        {
            if (ComplaintWords.NotUrgentAnswers.Contains(whole, StringComparer.Ordinal))
            {
                return false;
            }

            if (ComplaintWords.UrgentAnswers.Contains(whole, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return ReaderText.ContainsAny(whole, ComplaintWords.NotUrgent) ? false
            : ReaderText.ContainsAny(whole, ComplaintWords.Urgent) || whole == "急" ? true
            : null;
    }

    private static string Describe(string work, bool urgencyRead, bool noPhoto, bool isCorrection)
    {
        // Correction words are markers wherever they stand ("改成7号楼"); urgency and photo answers go only as whole
        // clauses ("漏水，很急"), since inside a sentence ("赶紧派人来") they are part of what the resident describes.
        if (isCorrection)
        {
            foreach (var word in ComplaintWords.Correction.OrderByDescending(word => word.Length))
            {
                work = work.Replace(word, $"{Cut}", StringComparison.Ordinal);
            }
        }

        var said = new HashSet<string>(ComplaintWords.Filler, StringComparer.Ordinal);
        if (urgencyRead)
        {
            said.UnionWith(ComplaintWords.NotUrgent);
            said.UnionWith(ComplaintWords.Urgent);
            said.UnionWith(ComplaintWords.UrgentAnswers);
            said.UnionWith(ComplaintWords.NotUrgentAnswers);
        }

        if (noPhoto)
        {
            said.UnionWith(ComplaintWords.NoPhoto);
            said.UnionWith(ComplaintWords.NoPhotoAnswers);
        }

        var clauses = ReaderText.Clauses(work).ToList();
        if (isCorrection && clauses.Count > 0 && ComplaintWords.LeadingCorrection.FirstOrDefault(w => clauses[0].StartsWith(w, StringComparison.Ordinal)) is { } lead)
        {
            clauses[0] = clauses[0][lead.Length..];
        }

        var kept = clauses.Select(TrimLeadingFiller).Where(clause => clause.Length > 0 && !IsMadeOf(clause, said));
        return string.Join('，', kept);
    }

    private static string TrimLeadingFiller(string clause)
    {
        for (var trimmed = true; trimmed;)
        {
            trimmed = false;
            foreach (var word in ComplaintWords.LeadingFiller.OrderByDescending(w => w.Length))
            {
                if (clause.Length > word.Length && clause.StartsWith(word, StringComparison.Ordinal))
                {
                    clause = clause[word.Length..];
                    trimmed = true;
                    break;
                }
            }
        }

        return clause;
    }

    /// <summary>True when the clause is made of <paramref name="words"/> only (greedy, longest first).</summary>
    private static bool IsMadeOf(string clause, HashSet<string> words)
    {
        var longest = words.Max(word => word.Length);
        for (var i = 0; i < clause.Length;)
        {
            var length = Math.Min(longest, clause.Length - i);
            while (length > 0 && !words.Contains(clause.Substring(i, length)))
            {
                length--;
            }

            if (length == 0)
            {
                return false;
            }

            i += length;
        }

        return true;
    }

    private static string? FindPlace(string work)
    {
        foreach (Match match in PlacePattern().Matches(work))
        {
            if (match.Length >= 2 && !ComplaintWords.NotPlaces.Any(word => match.Value.EndsWith(word, StringComparison.Ordinal)))
            {
                return match.Value;
            }
        }

        return null;
    }

    /// <summary>Collects building, unit and room from the address patterns, the first mention of each winning (the last in a correction).</summary>
    private sealed class Address(bool lastWins)
    {
        public string? Building { get; set; }

        public string? Unit { get; private set; }

        public string? Room { get; private set; }

        public bool IsEmpty => Building is null && Unit is null && Room is null;

        public string Take(Match match)
        {
            Building = Pick(Building, Group(match, "b"));
            Unit = Pick(Unit, Group(match, "u"));
            Room = Pick(Room, Group(match, "r"));
            return $"{Cut}";
        }

        private string? Pick(string? current, string? found) => found is null ? current : lastWins ? found : current ?? found;

        private static string? Group(Match match, string name) =>
            match.Groups[name] is { Success: true } group ? ChineseNumerals.ToDigits(group.Value) : null;
    }

    [GeneratedRegex(@"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"hq-[0-9]{8}-[0-9]{4,}")]
    private static partial Regex TicketPattern();

    [GeneratedRegex(@"(?<![0-9])(?:\+?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]){8}(?![0-9])")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"(?<![0-9])0[0-9]{2,3}[ -]?[2-9](?:[ -]?[0-9]){6,7}(?![0-9])")]
    private static partial Regex LandlinePattern();

    // 3-2-301: building, unit, room.
    [GeneratedRegex(@"(?<![0-9-])(?<b>[0-9]{1,3})-(?<u>[0-9]{1,2})-(?<r>[0-9]{3,4})(?![0-9])")]
    private static partial Regex TriplePattern();

    // 3号楼, 三号楼, 3栋, 3幢, optionally followed by the room (3号楼301). 3楼 alone is a floor, not a building.
    [GeneratedRegex(@"(?<b>[0-9]{1,3}|[一二三四五六七八九十两]{1,3})\s*(?:号楼|栋|幢)(?:\s*(?<r>[0-9]{3,4})(?![0-9])\s*(?:室|号|房间|房)?)?")]
    private static partial Regex BuildingPattern();

    // 2单元, 二单元, 2门 (Tianjin's word for an entrance), optionally followed by the room (2门301).
    [GeneratedRegex(@"(?<u>[0-9]{1,2}|[一二三四五六七八九十两]{1,3})\s*(?:单元|门(?![口前外卫禁面窗锁市店]))(?:\s*(?<r>[0-9]{3,4})(?![0-9])\s*(?:室|号|房间|房)?)?")]
    private static partial Regex UnitPattern();

    [GeneratedRegex(@"(?<![0-9])(?<r>[0-9]{3,4})\s*(?:室|号(?![楼院线])|房间)")]
    private static partial Regex RoomPattern();

    // 2-301 after a building was named.
    [GeneratedRegex(@"(?<![0-9-])(?<u>[0-9]{1,2})-(?<r>[0-9]{3,4})(?![0-9])")]
    private static partial Regex UnitRoomPattern();

    [GeneratedRegex(@"(?<cue>电话号码|联系电话|手机号码|手机号|手机|电话|联系方式|号码|tel)\s*(?:是|为|:)?\s*(?<d>[0-9](?:[ -]?[0-9])*)")]
    private static partial Regex CuedDigitsPattern();

    [GeneratedRegex(@"(?<![0-9])[0-9](?:[ -]?[0-9]){6,}(?![0-9])")]
    private static partial Regex LongDigitsPattern();

    [GeneratedRegex(@"[0-9](?:[ -]?[0-9]){2,}")]
    private static partial Regex DigitsPattern();

    [GeneratedRegex(@"^(?:在|是)?(?<n>[0-9]{1,3}|[一二三四五六七八九十两]{1,3})号?(?:楼)?$")]
    private static partial Regex BareNumberPattern();

    // A run of Han ending in a place word (小区, 里, 路, 道, 门口…) and any place words after it: 子牙里小区门口.
    // The run may not start at words that begin a clause rather than a name (在, 我, 这…).
    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}-[在的我你他她有是了把被给就都也很太说要想家这那哪个]]{0,8}?(?:小区|社区|花园|家园|公寓|新村|大厦|广场|公园|菜市场|市场|超市|学校|医院|幼儿园|停车场|十字路口|路口|门口|东门|西门|南门|北门|大门|后门|正门|大街|胡同|里|路|道|街)(?:小区|门口|东门|西门|南门|北门|大门|后门|正门|附近|对面|旁边|路口|里面|外面|东侧|西侧|南侧|北侧)*")]
    private static partial Regex PlacePattern();
}
