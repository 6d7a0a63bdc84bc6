namespace SmartOffice.Signing.Pdf;

/// <summary>The ASCIIHexDecode and ASCII85Decode filters (ISO 32000-2 §7.4.2, §7.4.3).</summary>
internal static class Ascii
{
    public static byte[] HexDecode(byte[] data, int number)
    {
        var output = new List<byte>(data.Length / 2);
        var high = -1;
        foreach (var c in data)
        {
            if (c == '>')
            {
                break;
            }

            if (PdfParser.IsWhitespace(c))
            {
                continue;
            }

            var nibble = Nibble(c)
                ?? throw new PdfSyntaxException(
                    $"the ASCIIHex stream of object {number} holds a byte that is not a hex digit"
                );
            if (high < 0)
            {
                high = nibble;
            }
            else
            {
                output.Add((byte)((high << 4) | nibble));
                high = -1;
            }
        }

        if (high >= 0)
        {
            output.Add((byte)(high << 4));
        }

        return [.. output];
    }

    public static byte[] Base85Decode(byte[] data, int number)
    {
        var output = new List<byte>(data.Length * 4 / 5);
        Span<byte> group = stackalloc byte[5];
        var count = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var c = data[i];
            if (PdfParser.IsWhitespace(c))
            {
                continue;
            }

            if (c == '~')
            {
                break;
            }

            if (c == 'z' && count == 0)
            {
                output.AddRange([0, 0, 0, 0]);
                continue;
            }

            if (c is < (byte)'!' or > (byte)'u')
            {
                throw new PdfSyntaxException(
                    $"the ASCII85 stream of object {number} holds a byte outside its alphabet"
                );
            }

            group[count++] = (byte)(c - '!');
            if (count == 5)
            {
                Emit(group, 4, output, number);
                count = 0;
            }
        }

        if (count == 1)
        {
            throw new PdfSyntaxException($"the ASCII85 stream of object {number} ends with a single character");
        }

        if (count > 1)
        {
            for (var k = count; k < 5; k++)
            {
                group[k] = 84;
            }

            Emit(group, count - 1, output, number);
        }

        return [.. output];
    }

    private static void Emit(ReadOnlySpan<byte> group, int bytes, List<byte> output, int number)
    {
        ulong value = 0;
        foreach (var digit in group)
        {
            value = (value * 85) + digit;
        }

        if (value > uint.MaxValue)
        {
            throw new PdfSyntaxException($"the ASCII85 stream of object {number} holds a group out of range");
        }

        for (var k = 0; k < bytes; k++)
        {
            output.Add((byte)(value >> (24 - (8 * k))));
        }
    }

    private static int? Nibble(byte c) =>
        c switch
        {
            >= (byte)'0' and <= (byte)'9' => c - '0',
            >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
            >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
            _ => null,
        };
}
