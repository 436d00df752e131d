namespace CitizenBot.Bot.Dialogue.Understanding;

/// <summary>
/// The parts of a complaint found in one message by <see cref="ComplaintFactReader"/>. Personal data: never log it.
/// </summary>
/// <param name="Building">Building number as ASCII digits: "3" from 3号楼, 三号楼, 3栋, 3幢, 3-2-301 (3楼 is a floor and is not read).</param>
/// <param name="Unit">Unit (entrance) number: "2" from 2单元, 二单元, 2门.</param>
/// <param name="Room">Room number: "301" from 301室, 301号, 2单元301, 3-2-301.</param>
/// <param name="Place">A free-form place given without numbers ("小区东门", "子牙里小区门口"); best effort, null if none.</param>
/// <param name="Phone">A valid number normalized by <c>PhoneNumbers.TryNormalize</c>.</param>
/// <param name="InvalidPhone">Something meant as a phone (after 电话/手机/联系方式, a long digit run, or digits when the bot asked for the phone) that does not validate.</param>
/// <param name="PhotoUrl">The first http(s) link in the text.</param>
/// <param name="NoPhoto">The resident has no photo ("没有照片", "没拍"; when asked for one also "没有", "无", "不用了").</param>
/// <param name="Urgent">True for 很急, 紧急, 马上…; false for 不急, 不着急, 一般…; null when not said.</param>
/// <param name="IsCorrection">The message corrects an earlier answer ("不对，是5号楼", "改成…", "电话错了…"): the engine overwrites the slots given.</param>
/// <param name="Description">The text without the parts above and without filler, trimmed of punctuation; "" when nothing is left.</param>
internal sealed record ComplaintFacts(
    string? Building,
    string? Unit,
    string? Room,
    string? Place,
    string? Phone,
    bool InvalidPhone,
    string? PhotoUrl,
    bool NoPhoto,
    bool? Urgent,
    bool IsCorrection,
    string Description);
