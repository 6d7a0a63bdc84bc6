namespace SmartOffice.Signing.Pdf;

/// <summary>A parsed PDF object (the small model the scanner needs; stream data is never copied).</summary>
internal abstract class PdfValue;

internal sealed class PdfName(string value) : PdfValue
{
    public string Value { get; } = value;
}

internal sealed class PdfNumber(double value, bool isInteger) : PdfValue
{
    public double Value { get; } = value;

    public bool IsInteger { get; } = isInteger;
}

internal sealed class PdfString(byte[] bytes, long start, long end, bool isHex) : PdfValue
{
    public byte[] Bytes { get; } = bytes;

    /// <summary>Offset of the opening delimiter in the buffer it was read from.</summary>
    public long Start { get; } = start;

    /// <summary>Offset just past the closing delimiter.</summary>
    public long End { get; } = end;

    public bool IsHex { get; } = isHex;

    /// <summary>
    /// The string as PDF text: UTF-16BE or UTF-8 when it starts with a byte-order mark, otherwise Latin-1 (close to
    /// PDFDocEncoding).
    /// </summary>
    public string Text =>
        Bytes switch
        {
            [0xFE, 0xFF, ..] => System.Text.Encoding.BigEndianUnicode.GetString(Bytes, 2, Bytes.Length - 2),
            [0xEF, 0xBB, 0xBF, ..] => System.Text.Encoding.UTF8.GetString(Bytes, 3, Bytes.Length - 3),
            _ => System.Text.Encoding.Latin1.GetString(Bytes),
        };
}

internal sealed class PdfArray(List<PdfValue> items) : PdfValue
{
    public List<PdfValue> Items { get; } = items;
}

internal sealed class PdfDictionary(List<KeyValuePair<string, PdfValue>> entries, bool hasDuplicateKeys) : PdfValue
{
    public List<KeyValuePair<string, PdfValue>> Entries { get; } = entries;

    public bool HasDuplicateKeys { get; } = hasDuplicateKeys;

    public PdfValue? this[string key]
    {
        get
        {
            foreach (var entry in Entries)
            {
                if (entry.Key == key)
                {
                    return entry.Value;
                }
            }

            return null;
        }
    }

    public bool ContainsKey(string key) => this[key] is not null;

    public string? NameOf(string key) => this[key] is PdfName name ? name.Value : null;
}

internal sealed class PdfReference(int number, int generation) : PdfValue
{
    public int Number { get; } = number;

    public int Generation { get; } = generation;
}

internal sealed class PdfKeyword(string value) : PdfValue
{
    public static readonly PdfKeyword True = new("true");
    public static readonly PdfKeyword False = new("false");
    public static readonly PdfKeyword Null = new("null");

    public string Value { get; } = value;
}

/// <summary>An indirect object as found in the bytes (each definition separately, even of the same number).</summary>
internal sealed class PdfIndirectObject(int number, int generation, long offset, PdfValue value) : PdfValue
{
    public int Number { get; } = number;

    public int Generation { get; } = generation;

    public long Offset { get; } = offset;

    public PdfValue Value { get; } = value;

    public bool IsInObjectStream { get; init; }

    /// <summary>
    /// For an object packed in an object stream: that stream's object number and the index within it.
    /// </summary>
    public int ContainerNumber { get; init; } = -1;

    public int IndexInContainer { get; init; } = -1;

    /// <summary>Stream data location in the file, when the object is a stream.</summary>
    public long StreamStart { get; init; } = -1;

    public long StreamLength { get; init; }
}

/// <summary>The file is not readable PDF syntax; the message names the offset.</summary>
internal sealed class PdfSyntaxException(string message) : Exception(message);
