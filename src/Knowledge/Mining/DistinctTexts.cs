using System.Runtime.InteropServices;

namespace CitizenBot.Knowledge.Mining;

/// <summary>
/// The distinct strings of a sequence, numbered in order of first use, and each item's number: a message stream
/// repeats itself, so the costly per-text work (normalizing, tokenizing) is done once per distinct text.
/// </summary>
internal static class DistinctTexts
{
    /// <param name="count">The number of items.</param>
    /// <param name="textOf">The text of item <c>i</c>.</param>
    /// <returns>The distinct texts, and per item the index of its text among them.</returns>
    public static (List<string> Texts, int[] IdOf) Of(int count, Func<int, string> textOf)
    {
        var ids = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var texts = new List<string>();
        var idOf = new int[count];
        for (var i = 0; i < count; i++)
        {
            var text = textOf(i);
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, text, out var exists);
            if (!exists)
            {
                id = texts.Count;
                texts.Add(text);
            }

            idOf[i] = id;
        }

        return (texts, idOf);
    }
}
