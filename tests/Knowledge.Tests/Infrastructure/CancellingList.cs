using System.Collections;

namespace CitizenBot.Knowledge.Tests.Infrastructure;

/// <summary>
/// A list that cancels <paramref name="source"/> when enumeration reaches the item at <paramref name="cancelAt"/>,
/// so a batch operation is cancelled part-way through, after the earlier items were handled.
/// </summary>
internal sealed class CancellingList<T>(IReadOnlyList<T> items, int cancelAt, CancellationTokenSource source) : IReadOnlyList<T>
{
    public int Count => items.Count;

    public T this[int index] => items[index];

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i == cancelAt)
            {
                source.Cancel();
            }

            yield return items[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
