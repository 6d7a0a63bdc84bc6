using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace SmartOffice.Signing.Tests.Pdf;

/// <summary>
/// Writes small PDFs by hand (objects, xref table, trailer with right offsets), so each odd shape is visible in the
/// test.
/// </summary>
internal sealed class HandMadePdf
{
    private readonly List<(int Number, string Body)> _objects = [];
    private readonly List<(int Number, string Dictionary, byte[] Data)> _streams = [];
    private readonly Dictionary<int, (int Container, int Index)> _packed = [];

    public string TrailerExtra { get; set; } = "";

    public static HandMadePdf Minimal() =>
        new HandMadePdf()
            .Add(1, "<< /Type /Catalog /Pages 2 0 R >>")
            .Add(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
            .Add(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");

    public HandMadePdf Add(int number, string body)
    {
        _objects.Add((number, body));
        return this;
    }

    public HandMadePdf AddStream(int number, string dictionary, byte[] data)
    {
        _streams.Add((number, dictionary, data));
        return this;
    }

    /// <summary>An object stream (FlateDecode) holding the given objects.</summary>
    public HandMadePdf AddObjectStream(int number, params (int Number, string Body)[] objects) =>
        AddObjectStream(number, false, false, objects);

    /// <summary>
    /// An object stream without /Type /ObjStm when <paramref name="untyped"/>: only the cross-reference stream says
    /// what it is.
    /// </summary>
    public HandMadePdf AddObjectStream(int number, bool untyped, params (int Number, string Body)[] objects) =>
        AddObjectStream(number, untyped, false, objects);

    /// <summary>
    /// With <paramref name="chain"/>: [/ASCIIHexDecode /FlateDecode] and a PNG Up predictor in a /DecodeParms array.
    /// </summary>
    public HandMadePdf AddObjectStream(int number, bool untyped, bool chain, params (int Number, string Body)[] objects)
    {
        var header = new StringBuilder();
        var body = new StringBuilder();
        foreach (var (objectNumber, text) in objects)
        {
            header.Append(CultureInfo.InvariantCulture, $"{objectNumber} {body.Length} ");
            body.Append(text).Append('\n');
        }

        for (var i = 0; i < objects.Length; i++)
        {
            _packed[objects[i].Number] = (number, i);
        }

        var raw = Encoding.Latin1.GetBytes(header.ToString() + body);
        var type = untyped ? "" : "/Type /ObjStm ";
        if (!chain)
        {
            return AddStream(
                number,
                $"<< {type}/N {objects.Length} /First {header.Length} /Filter /FlateDecode >>",
                Deflate(raw)
            );
        }

        var hex = Encoding.ASCII.GetBytes(Convert.ToHexString(Deflate(PngUp(raw, 4))) + ">");
        return AddStream(
            number,
            $"<< {type}/N {objects.Length} /First {header.Length} /Filter [/ASCIIHexDecode /FlateDecode] "
                + $"/DecodeParms [null << /Predictor 12 /Columns 4 >>] >>",
            hex
        );
    }

    // PNG "Up" rows: each row starts with filter type 2 and holds the difference to the row above.
    private static byte[] PngUp(byte[] data, int columns)
    {
        var padded = new byte[(data.Length + columns - 1) / columns * columns];
        data.CopyTo(padded, 0);
        var output = new List<byte>();
        for (var row = 0; row < padded.Length; row += columns)
        {
            output.Add(2);
            for (var i = 0; i < columns; i++)
            {
                output.Add((byte)(padded[row + i] - (row == 0 ? 0 : padded[row - columns + i])));
            }
        }

        return [.. output];
    }

    public static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    public byte[] Build()
    {
        using var output = new MemoryStream();
        void Write(string text) => output.Write(Encoding.Latin1.GetBytes(text));
        Write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new SortedDictionary<int, long>();
        foreach (var (number, body) in _objects)
        {
            offsets[number] = output.Position;
            Write($"{number} 0 obj\n{body}\nendobj\n");
        }

        foreach (var (number, dictionary, data) in _streams)
        {
            offsets[number] = output.Position;
            Write(
                $"{number} 0 obj\n"
                    + dictionary.Replace(">>", $" /Length {data.Length} >>", StringComparison.Ordinal)
                    + "\nstream\n"
            );
            output.Write(data);
            Write("\nendstream\nendobj\n");
        }

        var xref = output.Position;
        if (_packed.Count > 0)
        {
            WriteCrossReferenceStream(output, offsets, xref);
            return output.ToArray();
        }

        var size = offsets.Keys.DefaultIfEmpty(0).Max() + 1;
        Write($"xref\n0 {size}\n0000000000 65535 f \n");
        for (var i = 1; i < size; i++)
        {
            Write(offsets.TryGetValue(i, out var offset) ? $"{offset:D10} 00000 n \n" : "0000000000 65535 f \n");
        }

        Write($"trailer\n<< /Size {size} /Root 1 0 R {TrailerExtra}>>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    // Objects packed in object streams can only be listed by a cross-reference stream (type-2 entries).
    private void WriteCrossReferenceStream(MemoryStream output, SortedDictionary<int, long> offsets, long xref)
    {
        var number = Math.Max(offsets.Keys.DefaultIfEmpty(0).Max(), _packed.Keys.Max()) + 1;
        offsets[number] = xref;
        var rows = new List<byte>();
        for (var i = 0; i <= number; i++)
        {
            var (type, field2, field3) =
                offsets.TryGetValue(i, out var offset) ? (1, offset, 0)
                : _packed.TryGetValue(i, out var place) ? (2, (long)place.Container, place.Index)
                : (0, 0L, 0);
            rows.Add((byte)type);
            rows.AddRange([
                (byte)(field2 >> 24),
                (byte)(field2 >> 16),
                (byte)(field2 >> 8),
                (byte)field2,
                (byte)(field3 >> 8),
                (byte)field3,
            ]);
        }

        var head = string.Create(
            CultureInfo.InvariantCulture,
            $"{number} 0 obj\n<< /Type /XRef /Size {number + 1} /W [1 4 2] /Root 1 0 R /Length {rows.Count} "
                + $"{TrailerExtra}>>\nstream\n"
        );
        output.Write(Encoding.Latin1.GetBytes(head));
        output.Write(rows.ToArray());
        output.Write(
            Encoding.Latin1.GetBytes(
                string.Create(CultureInfo.InvariantCulture, $"\nendstream\nendobj\nstartxref\n{xref}\n%%EOF\n")
            )
        );
    }
}
