using System.Text;
using SmartOffice.Signing.Tests.Pdf;

namespace SmartOffice.Signing.Tests.Differential;

internal enum StreamFilter
{
    None,
    Flate,

    /// <summary>[/ASCIIHexDecode /FlateDecode]: hex of deflated data, decoded left to right.</summary>
    HexFlate,

    /// <summary>FlateDecode with /Predictor 12 /Columns 5, rows using every PNG row type.</summary>
    FlatePredicted5,

    /// <summary>FlateDecode with /Predictor 12 /Columns 7 (a /W [1 4 2] cross-reference row).</summary>
    FlatePredicted7,

    /// <summary>
    /// [/ASCIIHexDecode /FlateDecode] with /DecodeParms [null &lt;&lt;/Predictor 12 /Columns 9&gt;&gt;].
    /// </summary>
    HexFlatePredicted9,

    /// <summary>/Filter as a one-name array with a one-dictionary /DecodeParms array.</summary>
    FlateArrayPredicted3,
}

/// <summary>Encodes stream data the way the filter chain says, so readers must undo every stage to read it.</summary>
internal static class StreamFilters
{
    public static (string Entries, byte[] Data) Encode(byte[] raw, StreamFilter filter) =>
        filter switch
        {
            StreamFilter.None => ("", raw),
            StreamFilter.Flate => ("/Filter /FlateDecode", HandMadePdf.Deflate(raw)),
            StreamFilter.HexFlate => ("/Filter [/ASCIIHexDecode /FlateDecode]", Hex(HandMadePdf.Deflate(raw))),
            StreamFilter.FlatePredicted5 => (
                "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 5 >>",
                HandMadePdf.Deflate(Png(raw, 5))
            ),
            StreamFilter.FlatePredicted7 => (
                "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 7 >>",
                HandMadePdf.Deflate(Png(raw, 7))
            ),
            StreamFilter.HexFlatePredicted9 => (
                "/Filter [/ASCIIHexDecode /FlateDecode] /DecodeParms [null << /Predictor 12 /Columns 9 >>]",
                Hex(HandMadePdf.Deflate(Png(raw, 9)))
            ),
            StreamFilter.FlateArrayPredicted3 => (
                "/Filter [/FlateDecode] /DecodeParms [<< /Predictor 15 /Columns 3 >>]",
                HandMadePdf.Deflate(Png(raw, 3))
            ),
            _ => throw new ArgumentOutOfRangeException(nameof(filter)),
        };

    // Line breaks inside the hex test that decoders skip whitespace; ">" ends the data as the filter requires.
    private static byte[] Hex(byte[] data)
    {
        var hex = Convert.ToHexString(data);
        var text = new StringBuilder();
        for (var i = 0; i < hex.Length; i += 64)
        {
            text.Append(hex.AsSpan(i, Math.Min(64, hex.Length - i))).Append('\n');
        }

        return Encoding.ASCII.GetBytes(text.Append('>').ToString());
    }

    /// <summary>
    /// PNG-predicts rows of <paramref name="columns"/> bytes (one colour, 8 bits), cycling the row types None, Sub, Up,
    /// Average, Paeth.
    /// </summary>
    private static byte[] Png(byte[] raw, int columns)
    {
        // Rows must be whole: pad with line feeds, which every stream these filters carry may end with
        // (cross-reference rows come in whole rows already).
        var padded = raw.Concat(Enumerable.Repeat((byte)'\n', (columns - (raw.Length % columns)) % columns)).ToArray();
        var output = new List<byte>();
        var previous = new byte[columns];
        for (var row = 0; row * columns < padded.Length; row++)
        {
            var current = padded.AsSpan(row * columns, columns);
            var type = (byte)(row % 5);
            output.Add(type);
            for (var i = 0; i < columns; i++)
            {
                int left = i > 0 ? current[i - 1] : 0,
                    up = previous[i],
                    upLeft = i > 0 ? previous[i - 1] : 0;
                var predicted = type switch
                {
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => 0,
                };
                output.Add((byte)(current[i] - predicted));
            }

            current.CopyTo(previous);
        }

        return [.. output];
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a),
            pb = Math.Abs(p - b),
            pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a
            : pb <= pc ? b
            : c;
    }
}
