using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using CitizenBot.Knowledge.Index;
using CitizenBot.Knowledge.Retrieval;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Benchmarks;

/// <summary>What the figures were measured on: CPU, memory, OS, runtime, SQLite, load and retrieval options.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        var cpu = ReadProcField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = ReadProcField("/proc/meminfo", "MemTotal");
        string sqlite;
        using (var connection = new SqliteConnection("Data Source=:memory:"))
        {
            connection.Open();
            sqlite = connection.ServerVersion;
        }

        var sb = new StringBuilder();
        sb.AppendLine("#### Machine");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"- CPU: {cpu}, {Environment.ProcessorCount} logical cores");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Memory: {(memory is null ? "unknown" : KibToGib(memory))}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- OS: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- .NET: {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, {(Debugger.IsAttached ? "debugger attached" : "no debugger")}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- SQLite: {sqlite}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Load average at start (1/5/15 min): {LoadAverage()}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Knowledge assembly build: {typeof(KnowledgeIndex).Assembly.ManifestModule.ModuleVersionId}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Retrieval options (defaults): {DescribeOptions(new RetrievalOptions())}");
        return sb.ToString();
    }

    /// <summary>The first three fields of /proc/loadavg, or "n/a".</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
            : "n/a";

    /// <summary>Every public readable property, so the figures say which knobs they were measured with.</summary>
    private static string DescribeOptions(object options) =>
        string.Join(", ", options.GetType().GetProperties()
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name}={p.GetValue(options)}")));

    private static string KibToGib(string value)
    {
        var number = value.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return long.TryParse(number, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kib)
            ? string.Create(CultureInfo.InvariantCulture, $"{kib / 1048576.0:F1} GiB")
            : value;
    }

    private static string? ReadProcField(string file, string field)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        foreach (var line in File.ReadLines(file))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && string.Equals(line[..colon].Trim(), field, StringComparison.Ordinal))
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }
}
