using System.IO.Compression;

namespace SmartOffice.Signing.Pdf;

/// <summary>Decodes stream data (none or FlateDecode) within a shared budget, so a zip bomb ends as a refusal.</summary>
internal sealed class StreamDecoder(PdfScanLimits limits)
{
    private long _budget = limits.MaxInflatedBytes;

    public byte[]? Decode(ReadOnlyMemory<byte> file, PdfIndirectObject stream)
    {
        if (stream.StreamStart < 0 || stream.Value is not PdfDictionary dictionary)
        {
            return null;
        }

        var data = file.Slice((int)stream.StreamStart, (int)stream.StreamLength);
        var filter = dictionary["Filter"] switch
        {
            PdfName name => name.Value,
            PdfArray { Items: [PdfName single] } => single.Value,
            null => null,
            _ => "unsupported",
        };
        if (dictionary["DecodeParms"] is PdfDictionary parameters && parameters["Predictor"] is PdfNumber { Value: > 1 })
        {
            return null;
        }

        return filter switch
        {
            null => Charge(data.Length) ? data.ToArray() : null,
            "FlateDecode" => Inflate(data, stream.Number),
            _ => null,
        };
    }

    private bool Charge(long bytes)
    {
        _budget -= bytes;
        return _budget >= 0 ? true : throw new PdfSyntaxException($"compressed streams inflate to more than {limits.MaxInflatedBytes} bytes");
    }

    private byte[] Inflate(ReadOnlyMemory<byte> data, int number)
    {
        using var input = new MemoryStream(data.ToArray(), writable: false);
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
}
