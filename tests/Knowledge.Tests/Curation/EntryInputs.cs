using CitizenBot.Knowledge.Curation;

namespace CitizenBot.Knowledge.Tests.Curation;

/// <summary>Valid inputs to start from; tests change only what they are about with <c>with</c>.</summary>
internal static class EntryInputs
{
    public static EntryInput FloorHeating(string? id = "heating-01", string? status = null) => new(
        id,
        "地暖不热怎么办？",
        ["地暖温度上不来", "地暖冰凉找谁"],
        "先检查分水器阀门，再联系供热单位报修。",
        "heating",
        ["地暖", "报修"],
        "供热单位",
        null,
        status);

    public static EntryInput Settling(string? id = "household-01", string? status = null) => new(
        id,
        "投靠子女落户需要什么材料？",
        ["老人投靠落户怎么办"],
        "携带户口簿、身份证和亲属关系证明到派出所办理。",
        "household",
        ["落户"],
        null,
        null,
        status);
}
