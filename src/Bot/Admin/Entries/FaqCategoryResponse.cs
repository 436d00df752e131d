namespace CitizenBot.Bot.Admin.Entries;

/// <summary>A knowledge-base category (faq-categories.yaml): the slug entries use and its Chinese name.</summary>
internal sealed record FaqCategoryResponse(string Id, string Name);
