using System.IO.Compression;

namespace SmartOffice.Signing.Pdf;

/// <summary>
/// Decodes stream data as viewers do: a filter or a chain of filters (FlateDecode, ASCIIHexDecode,
/// ASCII85Decode, RunLengthDecode), each with its /DecodeParms (a dictionary, or an array matching the
/// filter array), PNG and TIFF predictors included. A filter it cannot decode exactly is refused, never
/// guessed. Everything inflates within a shared budget, so a zip bomb ends as a refusal.
/// </summary>
internal sealed class StreamDecoder(PdfScanLimits limits)
{
    private long _budget = limits.MaxInflatedBytes;

    /// <summary>
    /// Resolves indirect /Filter and /DecodeParms values; none while the cross-reference itself is read.
    /// </summary>
    public PdfObjectTable? Table { get; set; }

    /// <summary>
    /// The decoded data; throws <see cref="PdfSyntaxException"/> when the stream cannot be decoded exactly.
    /// </summary>
    public byte[] Decode(ReadOnlyMemory<byte> file, PdfIndirectObject stream)
    {
        if (stream.StreamStart < 0 || stream.Value is not PdfDictionary dictionary)
        {
            throw new PdfSyntaxException($"object {stream.Number} is not a stream");
        }

        var filters = Filters(Resolve(dictionary["Filter"]), stream.Number);
        var parameters = Parameters(Resolve(dictionary["DecodeParms"]), filters.Count, stream.Number);
        var data = file.Slice((int)stream.StreamStart, (int)stream.StreamLength).ToArray();
        Charge(data.Length);
        for (var i = 0; i < filters.Count; i++)
        {
            data = filters[i] switch
            {
                "FlateDecode" or "Fl" => Inflate(data, stream.Number),
                "ASCIIHexDecode" or "AHx" => Ascii.HexDecode(data, stream.Number),
                "ASCII85Decode" or "A85" => Ascii.Base85Decode(data, stream.Number),
                "RunLengthDecode" or "RL" => RunLength(data, stream.Number),
                var other => throw new PdfSyntaxException(
                    $"the stream of object {stream.Number} uses the filter {other}, which the validator does not decode"
                ),
            };
            Charge(data.Length);
            data = Predictors.Apply(data, parameters[i], filters[i], stream.Number, Resolve);
        }

        return data;
    }

    /// <summary>
    /// Like <see cref="Decode"/>, but null instead of an exception (for optional data such as the DSS).
    /// </summary>
    public byte[]? TryDecode(ReadOnlyMemory<byte> file, PdfIndirectObject stream)
    {
        try
        {
            return Decode(file, stream);
        }
        catch (PdfSyntaxException) when (_budget >= 0)
        {
            return null;
        }
    }

    private PdfValue? Resolve(PdfValue? value) => Table is null ? value : Table.Resolve(value);

    private List<string> Filters(PdfValue? value, int number) =>
        value switch
        {
            null or PdfKeyword { Value: "null" } => [],
            PdfName name => [name.Value],
            PdfArray array =>
            [
                .. array.Items.Select(item =>
                    Resolve(item) is PdfName name
                        ? name.Value
                        : throw new PdfSyntaxException(
                            $"the filter array of object {number} holds something other than names"
                        )
                ),
            ],
            _ => throw new PdfSyntaxException($"the /Filter of object {number} is neither a name nor an array"),
        };

    private List<PdfDictionary?> Parameters(PdfValue? value, int count, int number)
    {
        switch (value)
        {
            case null or PdfKeyword { Value: "null" }:
                return [.. Enumerable.Repeat<PdfDictionary?>(null, count)];
            case PdfDictionary dictionary when count <= 1:
                return [.. Enumerable.Repeat<PdfDictionary?>(dictionary, Math.Max(count, 1))];
            case PdfArray array when array.Items.Count == count:
                return
                [
                    .. array.Items.Select(item =>
                        Resolve(item) switch
                        {
                            PdfDictionary d => d,
                            null or PdfKeyword { Value: "null" } => null,
                            _ => throw new PdfSyntaxException(
                                $"the /DecodeParms of object {number} holds something other than dictionaries"
                            ),
                        }
                    ),
                ];
            default:
                throw new PdfSyntaxException($"the /DecodeParms of object {number} does not match its filters");
        }
    }

    private void Charge(long bytes)
    {
        _budget -= bytes;
        if (_budget < 0)
        {
            throw new PdfSyntaxException($"compressed streams inflate to more than {limits.MaxInflatedBytes} bytes");
        }
    }

    private byte[] Inflate(byte[] data, int number)
    {
        using var input = new MemoryStream(data, writable: false);
        using var inflater = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        try
        {
            int read;
            while ((read = inflater.Read(buffer)) > 0)
            {
                Charge(read);
                output.Write(buffer, 0, read);
                if (limits.Deadline.IsCancellationRequested)
                {
                    throw new PdfSyntaxException("reading the file took too long (time limit reached)");
                }
            }
        }
        catch (InvalidDataException)
        {
            throw new PdfSyntaxException($"the compressed stream of object {number} is corrupt");
        }

        return output.ToArray();
    }

    private byte[] RunLength(byte[] data, int number)
    {
        using var output = new MemoryStream();
        var i = 0;
        while (i < data.Length)
        {
            var length = data[i++];
            if (length == 128)
            {
                return output.ToArray();
            }

            var count = length < 128 ? length + 1 : 257 - length;
            Charge(count);
            if (length < 128)
            {
                if (i + count > data.Length)
                {
                    throw new PdfSyntaxException($"the run-length stream of object {number} is truncated");
                }

                output.Write(data, i, count);
                i += count;
            }
            else
            {
                if (i >= data.Length)
                {
                    throw new PdfSyntaxException($"the run-length stream of object {number} is truncated");
                }

                var value = data[i++];
                for (var k = 0; k < count; k++)
                {
                    output.WriteByte(value);
                }
            }
        }

        return output.ToArray();
    }
}
