using CitizenBot.Bot.Dialogue.Flows;
using CitizenBot.Bot.Dialogue.Understanding;
using CitizenBot.Escalation;
using CitizenBot.Escalation.Categories;

namespace CitizenBot.Bot.Dialogue;

/// <summary>
/// The message reader and the complaint form, built once from the escalation module's content: that content is
/// loaded at startup, after the container is built, so these are made on first use rather than in the constructor.
/// </summary>
internal sealed class DialogueForms(EscalationModule escalation)
{
    private readonly Lazy<(MessageReader Reader, ComplaintForm Form)> _built = new(() =>
    {
        var guesser = new CategoryGuesser(escalation.CategoryCatalog);
        return (new MessageReader(guesser), new ComplaintForm(escalation.CategoryCatalog, guesser, escalation.OrgTree, escalation.GridLocator));
    });

    public MessageReader Reader => _built.Value.Reader;

    public ComplaintForm Complaint => _built.Value.Form;
}
