using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CitizenBot.Escalation.Tickets;

/// <summary>
/// A ticket's public number, <c>HQ-yyyyMMdd-NNNN</c>: the Beijing date of submission and that day's sequence
/// number, zero-padded to four digits and wider past 9999 (<c>HQ-20250301-0007</c>, <c>HQ-20250301-12345</c>).
/// Only the canonical form parses, so a number round-trips through <see cref="ToString"/>.
/// </summary>
internal readonly record struct TicketNumber
{
    private const string Prefix = "HQ-";
    private const int DateLength = 8;
    private const int MinSequenceDigits = 4;

    private TicketNumber(DateOnly beijingDate, int sequence)
    {
        BeijingDate = beijingDate;
        Sequence = sequence;
    }

    /// <summary>The Beijing calendar date the ticket was submitted on.</summary>
    public DateOnly BeijingDate { get; }

    /// <summary>The ticket's position among that day's tickets, from 1.</summary>
    public int Sequence { get; }

    /// <summary>The number of the <paramref name="sequence"/>th ticket (from 1) submitted on <paramref name="beijingDate"/>.</summary>
    public static TicketNumber Create(DateOnly beijingDate, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(beijingDate.Year, 1000);
        return new TicketNumber(beijingDate, sequence);
    }

    /// <summary>Parses the canonical form; throws <see cref="FormatException"/> otherwise.</summary>
    public static TicketNumber Parse(string text) =>
        TryParse(text, out var number) ? number : throw new FormatException($"'{text}' is not a ticket number (HQ-yyyyMMdd-NNNN).");

    /// <summary>Parses the canonical form; false for null, blank, malformed or non-canonical input.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out TicketNumber number)
    {
        number = default;
        if (text is null
            || text.Length < Prefix.Length + DateLength + 1 + MinSequenceDigits
            || !text.StartsWith(Prefix, StringComparison.Ordinal)
            || text[Prefix.Length + DateLength] != '-')
        {
            return false;
        }

        var date = text.AsSpan(Prefix.Length, DateLength);
        var digits = text.AsSpan(Prefix.Length + DateLength + 1);
        if (date.ContainsAnyExceptInRange('0', '9')
            || !DateOnly.TryParseExact(date, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var beijingDate)
            || digits.ContainsAnyExceptInRange('0', '9')
            || (digits.Length > MinSequenceDigits && digits[0] == '0')
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || sequence < 1
            || beijingDate.Year < 1000)
        {
            return false;
        }

        number = new TicketNumber(beijingDate, sequence);
        return true;
    }

    /// <summary>The canonical form, e.g. <c>HQ-20250301-0007</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{BeijingDate:yyyyMMdd}-{Sequence:D4}");
}
