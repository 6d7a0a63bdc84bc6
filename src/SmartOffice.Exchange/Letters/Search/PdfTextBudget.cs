using System.IO.Compression;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace SmartOffice.Exchange.Letters.Search;

/// <summary>
/// Whether a PDF's streams decode within a bound before PdfPig reads its text: PdfPig inflates and parses a page's
/// content whole, so a small signed file whose content stream inflates to hundreds of megabytes would take the
/// process's memory. Each stream is measured by inflating it into nothing, up to what is left of the budget. Images
/// (which text extraction does not decode) are not counted; a filter that cannot be measured this way (LZW, run
/// length, chains of filters, encryption) means the text is not read.
/// </summary>
internal static class PdfTextBudget
{
    /// <summary>All decoded streams together; a letter's text, fonts and forms fit many times over.</summary>
    public const long MaxDecodedBytes = 4L * 1024 * 1024;

    private static readonly HashSet<string> s_images = new(StringComparer.Ordinal)
    {
        "DCTDecode",
        "JPXDecode",
        "CCITTFaxDecode",
        "JBIG2Decode",
    };

    public static bool Allows(PdfDocument pdf)
    {
        var left = MaxDecodedBytes;
        foreach (var reference in pdf.Structure.CrossReferenceTable.ObjectOffsets.Keys)
        {
            if (pdf.Structure.GetObject(reference).Data is not StreamToken stream)
            {
                continue;
            }

            var filters = Filters(stream);
            if (filters is null)
            {
                return false;
            }

            var size = filters switch
            {
                [] => stream.Data.Length,
                [var only] when s_images.Contains(only) => 0,
                ["FlateDecode"] => InflatedSize(stream.Data, left),
                _ => long.MaxValue,
            };
            left -= size;
            if (left < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The stream's filter names; null when they are not plain names (an indirect or odd value).</summary>
    private static string[]? Filters(StreamToken stream) =>
        !stream.StreamDictionary.Data.TryGetValue("Filter", out var filter) ? []
        : filter is NameToken name ? [name.Data]
        : filter is ArrayToken array && array.Data.All(t => t is NameToken)
            ? [.. array.Data.Cast<NameToken>().Select(n => n.Data)]
        : null;

    /// <summary>How many bytes the zlib data inflates to, counted up to <paramref name="limit"/> + 1.</summary>
    private static long InflatedSize(ReadOnlyMemory<byte> data, long limit)
    {
        try
        {
            using var inflater = new ZLibStream(new MemoryStream(data.ToArray()), CompressionMode.Decompress);
            var buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while (total <= limit && (read = inflater.Read(buffer)) > 0)
            {
                total += read;
            }

            return total;
        }
        catch (InvalidDataException)
        {
            // Damaged data: PdfPig reads what it can of it, which is no more than this.
            return data.Length;
        }
    }
}
