using System.Runtime.InteropServices;

namespace CitizenBot.Knowledge.Analysis;

/// <summary>
/// A thin binding to ICU's <c>utrans</c> C API in the machine's libicui18n, the same library .NET loads for
/// globalization. OpenCC and jieba ports cannot be restored here, and ICU already ships the
/// <c>Traditional-Simplified</c> and <c>Han-Latin</c> transforms.
/// </summary>
/// <remarks>
/// ICU transliterators are not documented as safe for concurrent use, so every call takes a lock. Callers on the
/// hot path never come here: <see cref="CjkCharacterMaps"/> turns each transform into a per-character table once.
/// </remarks>
internal sealed unsafe class IcuTransliterator : IDisposable
{
    private readonly Lock _gate = new();
    private readonly IcuLibrary _icu;
    private nint _handle;

    private IcuTransliterator(IcuLibrary icu, nint handle)
    {
        _icu = icu;
        _handle = handle;
    }

    /// <summary>Opens the transform <paramref name="id"/>, or returns false when ICU or the transform is missing.</summary>
    public static bool TryOpen(string id, out IcuTransliterator? transliterator)
    {
        transliterator = null;
        if (IcuLibrary.Instance is not { } icu)
        {
            return false;
        }

        var parseError = stackalloc byte[IcuLibrary.ParseErrorSize];
        var status = 0;
        nint handle;
        fixed (char* idPtr = id)
        {
            handle = icu.Open(idPtr, id.Length, 0, null, 0, parseError, &status);
        }

        if (status > 0 || handle == 0)
        {
            return false;
        }

        transliterator = new IcuTransliterator(icu, handle);
        return true;
    }

    /// <summary>Transliterates <paramref name="text"/>; returns it unchanged when ICU reports an error.</summary>
    public string Transliterate(string text)
    {
        // Transforms may lengthen text (Han-Latin turns one character into a syllable), so leave ample room.
        var capacity = (text.Length * 8) + 16;
        Span<char> buffer = capacity <= 512 ? stackalloc char[capacity] : new char[capacity];
        text.AsSpan().CopyTo(buffer);
        var length = text.Length;
        var limit = text.Length;
        var status = 0;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_handle == 0, this);
            fixed (char* p = buffer)
            {
                _icu.Transliterate(_handle, p, &length, capacity, 0, &limit, &status);
            }
        }

        return status > 0 ? text : new string(buffer[..length]);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_handle != 0)
            {
                _icu.Close(_handle);
                _handle = 0;
            }
        }
    }

    private sealed class IcuLibrary
    {
        public const int ParseErrorSize = 72; // UParseError: line, offset, preContext[16], postContext[16]

        public static readonly IcuLibrary? Instance = Load();

        public delegate* unmanaged<char*, int, int, char*, int, byte*, int*, nint> Open { get; private init; }

        public delegate* unmanaged<nint, char*, int*, int, int, int*, int*, void> Transliterate { get; private init; }

        public delegate* unmanaged<nint, void> Close { get; private init; }

        private static IcuLibrary? Load()
        {
            // ICU suffixes every exported symbol with its major version; probe downwards as .NET's own loader does.
            for (var version = 90; version >= 50; version--)
            {
                if (!NativeLibrary.TryLoad($"libicui18n.so.{version}", out var lib))
                {
                    continue;
                }

                if (NativeLibrary.TryGetExport(lib, $"utrans_openU_{version}", out var open)
                    && NativeLibrary.TryGetExport(lib, $"utrans_transUChars_{version}", out var trans)
                    && NativeLibrary.TryGetExport(lib, $"utrans_close_{version}", out var close))
                {
                    return new IcuLibrary
                    {
                        Open = (delegate* unmanaged<char*, int, int, char*, int, byte*, int*, nint>)open,
                        Transliterate = (delegate* unmanaged<nint, char*, int*, int, int, int*, int*, void>)trans,
                        Close = (delegate* unmanaged<nint, void>)close,
                    };
                }
            }

            return null;
        }
    }
}
