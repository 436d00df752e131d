using CitizenBot.Knowledge.Curation;

namespace CitizenBot.Knowledge.Tests.Curation;

public sealed class LineDiffTests
{
    [Theory]
    [InlineData("a b c", "a b c", "=a =b =c")]
    [InlineData("", "a b", "+a +b")]
    [InlineData("a b", "", "-a -b")]
    [InlineData("a b c", "a x c", "=a -b +x =c")]
    [InlineData("a b c d", "a c d e", "=a -b =c =d +e")]
    [InlineData("x a b y", "a b", "-x =a =b -y")]
    [InlineData("a b a b", "b a b a", "-a =b =a =b +a")]
    public void Compute_GivesAMinimalDiffThatRebuildsBothSides(string from, string to, string expected)
    {
        var a = Split(from);
        var b = Split(to);

        var lines = LineDiff.Compute(a, b);

        Assert.Equal(expected, string.Join(' ', lines.Select(l => (l.Kind switch { DiffKind.Same => "=", DiffKind.Added => "+", _ => "-" }) + l.Text)));
        Assert.Equal(a, lines.Where(l => l.Kind != DiffKind.Added).Select(l => l.Text));
        Assert.Equal(b, lines.Where(l => l.Kind != DiffKind.Removed).Select(l => l.Text));
    }

    [Fact]
    public void Compute_StillRebuildsBothSides_WhenTheMiddleIsTooLargeForTheTable()
    {
        var a = Enumerable.Range(0, 3000).Select(i => $"a{i}").Prepend("head").ToArray();
        var b = Enumerable.Range(0, 3000).Select(i => i % 2 == 0 ? $"a{i}" : $"b{i}").Prepend("head").ToArray();

        var lines = LineDiff.Compute(a, b);

        Assert.Equal(a, lines.Where(l => l.Kind != DiffKind.Added).Select(l => l.Text));
        Assert.Equal(b, lines.Where(l => l.Kind != DiffKind.Removed).Select(l => l.Text));
        Assert.Equal(DiffKind.Same, lines[0].Kind);
    }

    private static string[] Split(string text) => text.Length == 0 ? [] : text.Split(' ');
}
