using System.Text.Json.Serialization;

namespace CitizenBot.Bot.Dialogue.Storage;

/// <summary>
/// The JSON of a stored <see cref="DialogueState"/> (column <c>dialogues.state</c>), source-generated so the hot path
/// reflects over nothing. Enums are written by name: a reordered enum must not change what a stored dialogue means.
/// Nulls are left out, which reads back as the same nulls.
/// </summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DialogueState))]
internal sealed partial class DialogueJsonContext : JsonSerializerContext;
