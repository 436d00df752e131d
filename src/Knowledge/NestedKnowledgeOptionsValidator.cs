using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CitizenBot.Knowledge;

/// <summary>Data-annotation validation does not descend into nested objects; this checks the nested sections too.</summary>
internal sealed class NestedKnowledgeOptionsValidator : IValidateOptions<KnowledgeOptions>
{
    public ValidateOptionsResult Validate(string? name, KnowledgeOptions options)
    {
        var failures = new List<string>();
        Check(options.Weights, "Knowledge:Weights", failures);
        Check(options.Retrieval, "Knowledge:Retrieval", failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(object section, string path, List<string> failures)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(section, new ValidationContext(section), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{path}: {r.ErrorMessage}"));
        }
    }
}
