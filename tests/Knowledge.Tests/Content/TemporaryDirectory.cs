using System.Text;

namespace CitizenBot.Knowledge.Tests.Content;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("citizenbot-content-").FullName;

    /// <summary>Writes UTF-8 text (no BOM) at a '/'-separated path relative to the folder; returns the full path.</summary>
    public string WriteText(string relativePath, string text) =>
        WriteBytes(relativePath, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var fullPath = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        File.WriteAllBytes(fullPath, bytes);
        return fullPath;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
