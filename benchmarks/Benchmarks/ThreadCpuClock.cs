using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CitizenBot.Benchmarks;

/// <summary>
/// CPU time consumed by the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), in milliseconds. Unlike wall
/// time it does not grow while the thread waits for a core, so on a shared, busy machine it shows what a search
/// itself costs. Elsewhere it falls back to wall time (<see cref="IsThreadTime"/> is then false).
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsThreadTime { get; } = OperatingSystem.IsLinux() && TryRead(out _);

    /// <summary>The current reading in milliseconds; only differences are meaningful.</summary>
    public static double NowMilliseconds() =>
        IsThreadTime && TryRead(out var ms) ? ms : Stopwatch.GetTimestamp() * 1000.0 / Stopwatch.Frequency;

    private static bool TryRead(out double milliseconds)
    {
        try
        {
            if (ClockGetTime(ClockThreadCpuTimeId, out var time) == 0)
            {
                milliseconds = (time.Seconds * 1000.0) + (time.Nanoseconds / 1e6);
                return true;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
        }

        milliseconds = 0;
        return false;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
