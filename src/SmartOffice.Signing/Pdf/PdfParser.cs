using System.Globalization;
using System.Text;

namespace SmartOffice.Signing.Pdf;

/// <summary>
/// Reads PDF values (names, numbers, strings, arrays, dictionaries, references, keywords) from bytes.
/// Bounded: nesting depth is capped and the deadline is checked as tokens are read.
/// </summary>
internal sealed class PdfParser(ReadOnlyMemory<byte> data, PdfScanLimits limits)
{
    private readonly ReadOnlyMemory<byte> _data = data;
    private int _tokens;

    public int Position { get; set; }

    public int Length => _data.Length;

    public ReadOnlySpan<byte> Span => _data.Span;

    public bool AtEnd
    {
        get
        {
            SkipWhitespaceAndComments();
            return Position >= _data.Length;
        }
    }

    public static bool IsWhitespace(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    public static bool IsDelimiter(byte b) =>
        b
            is (byte)'('
                or (byte)')'
                or (byte)'<'
                or (byte)'>'
                or (byte)'['
                or (byte)']'
                or (byte)'{'
                or (byte)'}'
                or (byte)'/'
                or (byte)'%';

    public void SkipWhitespaceAndComments(Action<int>? onEndOfFileMarker = null)
    {
        var span = _data.Span;
        while (Position < span.Length)
        {
            var b = span[Position];
            if (IsWhitespace(b) || (b == 0x1A && onEndOfFileMarker is not null))
            {
                // Ctrl-Z between revisions is an old DOS end-of-file mark that every reader skips.
                Position++;
            }
            else if (b == '%')
            {
                var start = Position;
                if (span[start..].StartsWith("%%EOF"u8))
                {
                    // Readers find the next revision by its offset, so "%%EOF2 0 obj" on one line still starts
                    // object 2: the marker ends here, not at the end of the line.
                    Position += 5;
                    onEndOfFileMarker?.Invoke(start + 5);
                    continue;
                }

                while (Position < span.Length && span[Position] is not ((byte)'\r' or (byte)'\n'))
                {
                    Position++;
                }

                if (ObjectHeaders.Find(span[start..Position]) is { } hidden)
                {
                    throw new PdfSyntaxException(
                        $"an object header is hidden inside a comment at byte {start + hidden}"
                    );
                }
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>Reads the next bare word (e.g. obj, endobj, stream, xref, trailer, startxref) if one is here.</summary>
    public string? PeekKeyword()
    {
        SkipWhitespaceAndComments();
        var span = _data.Span;
        var end = Position;
        while (end < span.Length && end - Position < 16 && !IsWhitespace(span[end]) && !IsDelimiter(span[end]))
        {
            end++;
        }

        return end == Position ? null : Encoding.ASCII.GetString(span[Position..end]);
    }

    public void ExpectKeyword(string keyword)
    {
        if (PeekKeyword() != keyword)
        {
            throw new PdfSyntaxException($"expected '{keyword}' at byte {Position}");
        }

        Position += keyword.Length;
    }

    public PdfValue ReadValue(int depth = 0)
    {
        if (depth > limits.MaxNestingDepth)
        {
            throw new PdfSyntaxException(
                $"objects nested deeper than {limits.MaxNestingDepth} levels at byte {Position}"
            );
        }

        if (++_tokens % 4096 == 0 && limits.Deadline.IsCancellationRequested)
        {
            throw new PdfSyntaxException("reading the file took too long (time limit reached)");
        }

        SkipWhitespaceAndComments();
        var span = _data.Span;
        if (Position >= span.Length)
        {
            throw new PdfSyntaxException("unexpected end of file");
        }

        var b = span[Position];
        switch (b)
        {
            case (byte)'/':
                return ReadName();
            case (byte)'(':
                return ReadLiteralString();
            case (byte)'[':
                return ReadArray(depth);
            case (byte)'<' when Position + 1 < span.Length && span[Position + 1] == '<':
                return ReadDictionary(depth);
            case (byte)'<':
                return ReadHexString();
            default:
                if (b is (>= (byte)'0' and <= (byte)'9') or (byte)'+' or (byte)'-' or (byte)'.')
                {
                    return ReadNumberOrReference();
                }

                var word = PeekKeyword();
                switch (word)
                {
                    case "true":
                        Position += 4;
                        return PdfKeyword.True;
                    case "false":
                        Position += 5;
                        return PdfKeyword.False;
                    case "null":
                        Position += 4;
                        return PdfKeyword.Null;
                    default:
                        throw new PdfSyntaxException($"unexpected '{(char)b}' at byte {Position}");
                }
        }
    }

    /// <summary>Reads an unsigned integer at the position, or returns -1 without moving.</summary>
    public long TryReadUnsignedInteger()
    {
        SkipWhitespaceAndComments();
        var span = _data.Span;
        var start = Position;
        long value = 0;
        while (Position < span.Length && span[Position] is >= (byte)'0' and <= (byte)'9' && Position - start < 18)
        {
            value = (value * 10) + (span[Position] - '0');
            Position++;
        }

        if (
            Position == start
            || (Position < span.Length && !IsWhitespace(span[Position]) && !IsDelimiter(span[Position]))
        )
        {
            Position = start;
            return -1;
        }

        return value;
    }

    private PdfName ReadName()
    {
        var span = _data.Span;
        var start = ++Position;
        var hasEscape = false;
        while (Position < span.Length && !IsWhitespace(span[Position]) && !IsDelimiter(span[Position]))
        {
            hasEscape |= span[Position] == '#';
            Position++;
        }

        var raw = span[start..Position];
        return new PdfName(hasEscape ? DecodeName(raw) : Encoding.Latin1.GetString(raw));
    }

    private static string DecodeName(ReadOnlySpan<byte> raw)
    {
        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (
                raw[i] == (byte)'#'
                && i + 2 < raw.Length
                && byte.TryParse(
                    Encoding.ASCII.GetString(raw.Slice(i + 1, 2)),
                    NumberStyles.HexNumber,
                    CultureInfo.InvariantCulture,
                    out var value
                )
            )
            {
                builder.Append((char)value);
                i += 2;
            }
            else
            {
                builder.Append((char)raw[i]);
            }
        }

        return builder.ToString();
    }

    private PdfValue ReadNumberOrReference()
    {
        var start = Position;
        var first = ReadNumber();
        if (!first.IsInteger || first.Value < 0)
        {
            return first;
        }

        // "N G R" is a reference; look ahead without consuming when it is not.
        var afterFirst = Position;
        var generation = TryReadUnsignedInteger();
        if (generation >= 0)
        {
            SkipWhitespaceAndComments();
            var span = _data.Span;
            if (
                Position < span.Length
                && span[Position] == 'R'
                && (Position + 1 >= span.Length || IsWhitespace(span[Position + 1]) || IsDelimiter(span[Position + 1]))
            )
            {
                Position++;
                return first.Value <= int.MaxValue && generation <= 65535
                    ? new PdfReference((int)first.Value, (int)generation)
                    : throw new PdfSyntaxException($"invalid reference at byte {start}");
            }
        }

        Position = afterFirst;
        return first;
    }

    private PdfNumber ReadNumber()
    {
        var span = _data.Span;
        var start = Position;
        if (span[Position] is (byte)'+' or (byte)'-')
        {
            Position++;
        }

        var isInteger = true;
        while (Position < span.Length && (span[Position] is >= (byte)'0' and <= (byte)'9' || span[Position] == '.'))
        {
            isInteger &= span[Position] != '.';
            Position++;
        }

        if (
            Position - start > 40
            || !double.TryParse(span[start..Position], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
        )
        {
            throw new PdfSyntaxException($"invalid number at byte {start}");
        }

        return new PdfNumber(value, isInteger);
    }

    private PdfArray ReadArray(int depth)
    {
        Position++;
        var items = new List<PdfValue>();
        while (true)
        {
            SkipWhitespaceAndComments();
            if (Position >= _data.Length)
            {
                throw new PdfSyntaxException("unterminated array");
            }

            if (_data.Span[Position] == ']')
            {
                Position++;
                return new PdfArray(items);
            }

            items.Add(ReadValue(depth + 1));
        }
    }

    private PdfDictionary ReadDictionary(int depth)
    {
        Position += 2;
        var entries = new List<KeyValuePair<string, PdfValue>>();
        HashSet<string>? keys = null;
        var hasDuplicates = false;
        while (true)
        {
            SkipWhitespaceAndComments();
            var span = _data.Span;
            if (Position + 1 < span.Length && span[Position] == '>' && span[Position + 1] == '>')
            {
                Position += 2;
                return new PdfDictionary(entries, hasDuplicates);
            }

            if (Position >= span.Length || span[Position] != '/')
            {
                throw new PdfSyntaxException($"dictionary key expected at byte {Position}");
            }

            var key = ReadName().Value;
            var value = ReadValue(depth + 1);

            // A set, not a scan of earlier keys: a dictionary of 100,000 keys must not cost their square.
            keys ??= new HashSet<string>(StringComparer.Ordinal);
            if (!keys.Add(key))
            {
                hasDuplicates = true;
                // Readers disagree on which copy wins (poppler and qpdf take the last): two different values are
                // refused.
                if (!PdfValueEquality.AreSame(entries.First(e => e.Key == key).Value, value))
                {
                    throw new PdfSyntaxException(
                        $"a dictionary repeats the key /{key} with a different value near byte {Position}; readers "
                            + $"disagree on which one counts"
                    );
                }
            }

            entries.Add(new KeyValuePair<string, PdfValue>(key, value));
        }
    }

    private PdfString ReadHexString()
    {
        var span = _data.Span;
        var start = Position++;
        var end = span[Position..].IndexOf((byte)'>');
        if (end < 0)
        {
            throw new PdfSyntaxException($"unterminated hex string at byte {start}");
        }

        var hex = span.Slice(Position, end);
        var bytes = new byte[(hex.Length + 1) / 2];
        // Signature /Contents are kilobytes of plain hex: decoded vectorised; whitespace, an odd length or a bad digit
        // take the loop.
        if (
            hex.Length % 2 == 0
            && Convert.FromHexString(hex, bytes, out _, out _) == System.Buffers.OperationStatus.Done
        )
        {
            Position += end + 1;
            return new PdfString(bytes, start, Position, true);
        }

        var count = 0;
        var high = -1;
        foreach (var c in hex)
        {
            if (IsWhitespace(c))
            {
                continue;
            }

            var nibble = c switch
            {
                >= (byte)'0' and <= (byte)'9' => c - '0',
                >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
                _ => throw new PdfSyntaxException($"invalid hex digit in string at byte {start}"),
            };
            if (high < 0)
            {
                high = nibble;
            }
            else
            {
                bytes[count++] = (byte)((high << 4) | nibble);
                high = -1;
            }
        }

        if (high >= 0)
        {
            bytes[count++] = (byte)(high << 4);
        }

        Position += end + 1;
        return new PdfString(count == bytes.Length ? bytes : bytes[..count], start, Position, true);
    }

    private PdfString ReadLiteralString()
    {
        var span = _data.Span;
        var start = Position++;
        var output = new List<byte>();
        var nesting = 1;
        while (Position < span.Length)
        {
            var b = span[Position++];
            if (b == '\\' && Position < span.Length)
            {
                ReadEscape(span, output);
                continue;
            }

            nesting +=
                b == '(' ? 1
                : b == ')' ? -1
                : 0;
            if (nesting == 0)
            {
                return new PdfString([.. output], start, Position, false);
            }

            output.Add(b);
        }

        throw new PdfSyntaxException($"unterminated string at byte {start}");
    }

    private void ReadEscape(ReadOnlySpan<byte> span, List<byte> output)
    {
        var e = span[Position++];
        switch (e)
        {
            case (byte)'n':
                output.Add(10);
                break;
            case (byte)'r':
                output.Add(13);
                break;
            case (byte)'t':
                output.Add(9);
                break;
            case (byte)'b':
                output.Add(8);
                break;
            case (byte)'f':
                output.Add(12);
                break;
            case (byte)'\r':
                if (Position < span.Length && span[Position] == '\n')
                {
                    Position++;
                }
                break;
            case (byte)'\n':
                break;
            case >= (byte)'0' and <= (byte)'7':
                var value = e - '0';
                for (var i = 0; i < 2 && Position < span.Length && span[Position] is >= (byte)'0' and <= (byte)'7'; i++)
                {
                    value = (value * 8) + (span[Position++] - '0');
                }

                output.Add((byte)value);
                break;
            default:
                output.Add(e);
                break;
        }
    }
}
