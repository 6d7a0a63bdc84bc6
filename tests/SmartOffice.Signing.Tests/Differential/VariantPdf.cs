using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SmartOffice.Signing.Tests.Differential;

internal enum CrossReferenceKind
{
    Table,
    Stream,
    PredictedStream,
}

internal enum ObjectStreamKind
{
    None,

    /// <summary>/Type /ObjStm.</summary>
    Typed,

    /// <summary>No /Type: the stream is an object stream only because type-2 cross-reference entries name it.</summary>
    Untyped,
}

/// <summary>
/// Writes one revision of a PDF (the whole file, or an incremental update after <c>previous</c>) with the
/// shapes the differential test varies: cross-reference table or stream (plain or PNG-predicted), objects
/// packed in a typed or untyped object stream under any <see cref="StreamFilters"/> chain, and comments around
/// object headers. Offsets are computed, never patched, so every file is well-formed unless a variant says not.
/// </summary>
internal sealed partial class VariantPdf
{
    private readonly SortedDictionary<int, (string Body, byte[]? Data)> _objects = [];

    public HashSet<int> Packed { get; } = [];

    public ObjectStreamKind ObjectStream { get; init; }

    public StreamFilter ObjectStreamFilter { get; init; } = StreamFilter.Flate;

    public CrossReferenceKind CrossReference { get; init; }

    /// <summary>Comments before each header, after "obj", before and after "endobj".</summary>
    public bool Comments { get; init; }

    /// <summary>
    /// Text written once before the first object (a comment or a whole object), for hostile variants.
    /// </summary>
    public string Preamble { get; init; } = "";

    public string TrailerExtra { get; set; } = "";

    public int Root { get; init; } = 1;

    /// <summary>
    /// The lowest number the object stream and cross-reference stream may take; after Build, the next free one.
    /// </summary>
    public int FreeNumber { get; set; }

    public VariantPdf Add(int number, string body)
    {
        _objects[number] = (body, null);
        return this;
    }

    /// <summary>A stream; <paramref name="dictionary"/> gets /Length and the filter's entries added.</summary>
    public VariantPdf AddStream(int number, string dictionary, byte[] raw, StreamFilter filter)
    {
        var (entries, data) = StreamFilters.Encode(raw, filter);
        _objects[number] = (
            dictionary.Insert(
                dictionary.LastIndexOf(">>", StringComparison.Ordinal),
                $"{entries} /Length {data.Length} "
            ),
            data
        );
        return this;
    }

    public byte[] Build(byte[]? previous = null)
    {
        using var output = new MemoryStream();
        void Write(string text) => output.Write(Encoding.Latin1.GetBytes(text));
        if (previous is null)
        {
            Write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        }
        else
        {
            output.Write(previous);
            if (previous[^1] != '\n')
            {
                Write("\n");
            }
        }

        Write(Preamble);
        var offsets = new SortedDictionary<int, long>();
        var places = new SortedDictionary<int, (int Container, int Index)>();
        var highest = Math.Max(_objects.Keys.Max(), FreeNumber - 1);
        foreach (
            var (number, (body, data)) in _objects.Where(o =>
                !Packed.Contains(o.Key) || ObjectStream == ObjectStreamKind.None
            )
        )
        {
            offsets[number] = WriteObject(output, number, body, data);
        }

        if (ObjectStream != ObjectStreamKind.None && Packed.Count > 0)
        {
            var container = ++highest;
            var packed = _objects.Where(o => Packed.Contains(o.Key)).ToList();
            var header = new StringBuilder();
            var bodies = new StringBuilder();
            for (var i = 0; i < packed.Count; i++)
            {
                header.Append(CultureInfo.InvariantCulture, $"{packed[i].Key} {bodies.Length} ");
                bodies.Append(packed[i].Value.Body).Append('\n');
                places[packed[i].Key] = (container, i);
            }

            var type = ObjectStream == ObjectStreamKind.Typed ? "/Type /ObjStm " : "";
            var (entries, data) = StreamFilters.Encode(
                Encoding.Latin1.GetBytes(header.ToString() + bodies),
                ObjectStreamFilter
            );
            offsets[container] = WriteObject(
                output,
                container,
                $"<< {type}/N {packed.Count} /First {header.Length} {entries} /Length {data.Length} >>",
                data
            );
        }

        var xref = output.Position;
        var trailer = TrailerEntries(previous, Math.Max(highest + 1, 1));
        if (CrossReference == CrossReferenceKind.Table && places.Count == 0)
        {
            WriteTable(output, offsets, previous is null);
            Write($"trailer\n<< {trailer}{TrailerExtra} >>\nstartxref\n{xref}\n%%EOF\n");
        }
        else
        {
            var number = ++highest;
            if (Comments)
            {
                // The comment goes before the stream's offset is taken: startxref must point at "N 0 obj".
                Write("% a comment before the cross-reference stream\n");
                xref = output.Position;
            }

            offsets[number] = xref;
            var size = Math.Max(number + 1, previous is null ? 0 : LastSize(previous));
            var (index, rows) = CrossReferenceRows(offsets, places, previous is null);
            var filter =
                CrossReference == CrossReferenceKind.PredictedStream ? StreamFilter.FlatePredicted7 : StreamFilter.None;
            var (entries, data) = StreamFilters.Encode(rows, filter);
            var dictionary =
                $"<< /Type /XRef /W [1 4 2] {index}{TrailerEntries(previous, size)}{TrailerExtra} {entries} /Length "
                + $"{data.Length} >>";
            WriteObject(output, number, dictionary, data, comments: false);
            Write($"startxref\n{xref}\n%%EOF\n");
        }

        FreeNumber = highest + 1;
        return output.ToArray();
    }

    private long WriteObject(MemoryStream output, int number, string body, byte[]? data, bool comments = true)
    {
        void Write(string text) => output.Write(Encoding.Latin1.GetBytes(text));
        var commented = Comments && comments;
        if (commented)
        {
            Write("% a comment before the header\n");
        }

        var offset = output.Position;
        Write(commented ? $"{number} 0 obj % a comment after the header\n{body}" : $"{number} 0 obj\n{body}");
        if (data is not null)
        {
            Write("\nstream\n");
            output.Write(data);
            Write("\nendstream");
        }

        Write(commented ? "\n% a comment before endobj\nendobj % and after it\n" : "\nendobj\n");
        return offset;
    }

    private string TrailerEntries(byte[]? previous, int size)
    {
        if (previous is null)
        {
            return string.Create(CultureInfo.InvariantCulture, $"/Size {size} /Root {Root} 0 R ");
        }

        var text = Encoding.Latin1.GetString(previous);
        var prev = StartXref().Matches(text)[^1].Groups[1].Value;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"/Size {Math.Max(size, LastSize(previous))} /Root {Root} 0 R /Prev {prev} "
        );
    }

    private static int LastSize(byte[] pdf) =>
        Size()
            .Matches(Encoding.Latin1.GetString(pdf))
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0)
            .Last();

    private static void WriteTable(MemoryStream output, SortedDictionary<int, long> offsets, bool whole)
    {
        var text = new StringBuilder("xref\n");
        if (whole)
        {
            var size = offsets.Keys.Max() + 1;
            text.Append(CultureInfo.InvariantCulture, $"0 {size}\n0000000000 65535 f \n");
            for (var i = 1; i < size; i++)
            {
                text.Append(
                    offsets.TryGetValue(i, out var offset) ? $"{offset:D10} 00000 n \n" : "0000000000 65535 f \n"
                );
            }
        }
        else
        {
            foreach (var (number, offset) in offsets)
            {
                text.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} 00000 n \n");
            }
        }

        output.Write(Encoding.Latin1.GetBytes(text.ToString()));
    }

    // Rows of /W [1 4 2]: a whole file lists 0..N (free where nothing is); an update lists its own objects by /Index.
    private static (string Index, byte[] Rows) CrossReferenceRows(
        SortedDictionary<int, long> offsets,
        SortedDictionary<int, (int Container, int Index)> places,
        bool whole
    )
    {
        var numbers = offsets.Keys.Concat(places.Keys).Order().ToList();
        if (whole)
        {
            numbers = [.. Enumerable.Range(0, numbers.Max() + 1)];
        }

        var rows = new List<byte>();
        foreach (var number in numbers)
        {
            var (type, field2, field3) =
                offsets.TryGetValue(number, out var offset) ? (1, offset, 0)
                : places.TryGetValue(number, out var place) ? (2, (long)place.Container, place.Index)
                : (0, 0L, number == 0 ? 65535 : 0);
            rows.AddRange([
                (byte)type,
                (byte)(field2 >> 24),
                (byte)(field2 >> 16),
                (byte)(field2 >> 8),
                (byte)field2,
                (byte)(field3 >> 8),
                (byte)field3,
            ]);
        }

        var index = whole
            ? ""
            : "/Index ["
                + string.Join(' ', numbers.Select(n => string.Create(CultureInfo.InvariantCulture, $"{n} 1")))
                + "] ";
        return (index, rows.ToArray());
    }

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex Size();
}
