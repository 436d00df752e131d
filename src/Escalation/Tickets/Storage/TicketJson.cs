using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CitizenBot.Escalation.Tickets.Storage;

/// <summary>
/// How tickets are written as JSON in <c>tickets.db</c>: enums by name (a reordered enum must not change stored
/// meaning), ticket numbers in their canonical text, and only the properties a record is rebuilt from, so derived
/// ones such as <see cref="Reporter.MaskedPhone"/> are not stored. Times are formatted in the round-trip form;
/// snapshots carry UTC values only.
/// </summary>
internal static class TicketJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter(), new TicketNumberConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SkipDerivedProperties } },
    };

    public static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();

    private static void SkipDerivedProperties(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            var property = typeInfo.Properties[i];
            if (property.Set is null && property.AssociatedParameter is null)
            {
                typeInfo.Properties.RemoveAt(i);
            }
        }
    }

    private sealed class TicketNumberConverter : JsonConverter<TicketNumber>
    {
        public override TicketNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            TicketNumber.Parse(reader.GetString() ?? throw new JsonException("A ticket number is a string."));

        public override void Write(Utf8JsonWriter writer, TicketNumber value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
