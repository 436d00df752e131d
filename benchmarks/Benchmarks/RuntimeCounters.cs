using System.Globalization;
using System.Runtime;

namespace CitizenBot.Benchmarks;

/// <summary>
/// The runtime's own counters around a measured step: garbage collections, their pauses, bytes allocated and time
/// spent compiling, so that an indexing figure says how much of it was the GC and the JIT rather than the work.
/// </summary>
internal sealed record RuntimeCounters(int Gen0, int Gen1, int Gen2, TimeSpan GcPause, long AllocatedBytes, TimeSpan JitTime, long JitMethods)
{
    public static RuntimeCounters Read() => new(
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        GC.GetTotalPauseDuration(),
        GC.GetTotalAllocatedBytes(precise: false),
        JitInfo.GetCompilationTime(currentThread: false),
        JitInfo.GetCompiledMethodCount(currentThread: false));

    public static RuntimeCounters operator -(RuntimeCounters after, RuntimeCounters before) => new(
        after.Gen0 - before.Gen0,
        after.Gen1 - before.Gen1,
        after.Gen2 - before.Gen2,
        after.GcPause - before.GcPause,
        after.AllocatedBytes - before.AllocatedBytes,
        after.JitTime - before.JitTime,
        after.JitMethods - before.JitMethods);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"GCs gen0/1/2 {Gen0}/{Gen1}/{Gen2}, GC pauses {GcPause.TotalMilliseconds:F0} ms, {AllocatedBytes / 1048576.0:F0} MiB allocated, JIT {JitTime.TotalMilliseconds:F0} ms for {JitMethods:N0} methods");
}
