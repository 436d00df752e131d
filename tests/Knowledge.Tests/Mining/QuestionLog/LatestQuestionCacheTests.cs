using CitizenBot.Knowledge.Mining.QuestionLog;
using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Knowledge.Tests.Mining.QuestionLog;

public sealed class LatestQuestionCacheTests
{
    [Fact]
    public void Set_EvictsTheLeastRecentlyWritten_WhenFull()
    {
        var cache = new LatestQuestionCache(2);
        cache.Set("a", Latest(1, 100));
        cache.Set("b", Latest(2, 200));
        cache.Set("a", Latest(3, 300));
        cache.Set("c", Latest(4, 400));

        Assert.Equal(2, cache.Count);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal(3, a.Id);
        Assert.True(cache.TryGet("c", out _));
    }

    [Fact]
    public void Set_HoldsNothing_WhenTheCapacityIsZero()
    {
        var cache = new LatestQuestionCache(0);
        cache.Set("a", Latest(1, 100));
        Assert.False(cache.TryGet("a", out _));
    }

    [Fact]
    public void RemoveAskedBefore_ForgetsOnlyResidentsWhoseLatestIsOlder()
    {
        var cache = new LatestQuestionCache(10);
        cache.Set("old", Latest(1, 100));
        cache.Set("new", Latest(2, 500));
        cache.Set("edge", Latest(3, 300));

        cache.RemoveAskedBefore(300);

        Assert.False(cache.TryGet("old", out _));
        Assert.True(cache.TryGet("new", out _));
        Assert.True(cache.TryGet("edge", out _));
        Assert.Equal(2, cache.Count);
    }

    private static LatestQuestion Latest(long id, long at) => new(id, at, SearchDecision.Abstain, null, "问");
}
