namespace SmartOffice.Signing.Pdf;

/// <summary>Reads the entries of a cross-reference stream (/Type /XRef, ISO 32000-2 §7.5.8).</summary>
internal static class CrossReferenceStream
{
    public static List<CrossReferenceEntry> Read(
        ReadOnlyMemory<byte> file,
        PdfIndirectObject stream,
        StreamDecoder decoder,
        PdfScanLimits limits
    )
    {
        var dictionary = (PdfDictionary)stream.Value;
        var data = decoder.Decode(file, stream);
        if (
            dictionary["W"] is not PdfArray { Items: [PdfNumber w1, PdfNumber w2, PdfNumber w3] }
            || !Valid(w1)
            || !Valid(w2)
            || !Valid(w3)
            || dictionary["Size"] is not PdfNumber { IsInteger: true } size
        )
        {
            throw new PdfSyntaxException(
                $"the cross-reference stream (object {stream.Number}) has an invalid /W or /Size"
            );
        }

        var widths = new[] { (int)w1.Value, (int)w2.Value, (int)w3.Value };
        var rowLength = widths.Sum();
        var ranges = Ranges(dictionary["Index"], size, stream.Number);
        var entries = new List<CrossReferenceEntry>();
        var position = 0;
        foreach (var (first, count) in ranges)
        {
            if (
                count > limits.MaxObjects
                || entries.Count + count > limits.MaxObjects
                || position + (count * rowLength) > data.Length
            )
            {
                throw new PdfSyntaxException(
                    $"the cross-reference stream (object {stream.Number}) is shorter than its /Index says"
                );
            }

            for (var i = 0L; i < count; i++)
            {
                var type = widths[0] == 0 ? 1 : Field(data, ref position, widths[0]);
                var field2 = Field(data, ref position, widths[1]);
                var field3 = Field(data, ref position, widths[2]);
                var number = first + i;
                if (number > int.MaxValue)
                {
                    throw new PdfSyntaxException(
                        $"the cross-reference stream (object {stream.Number}) numbers an object out of range"
                    );
                }

                entries.Add(
                    type switch
                    {
                        0 => CrossReferenceEntry.Free((int)number),
                        1 => CrossReferenceEntry.InUse((int)number, field2, (int)field3),
                        2 => CrossReferenceEntry.Compressed((int)number, field2, field3),
                        // Unknown types are references to the null object (§7.5.8.3).
                        _ => CrossReferenceEntry.Free((int)number),
                    }
                );
            }
        }

        return entries;
    }

    private static bool Valid(PdfNumber width) => width.IsInteger && width.Value is >= 0 and <= 8;

    private static List<(long First, long Count)> Ranges(PdfValue? index, PdfNumber size, int number)
    {
        if (index is null)
        {
            return [(0, (long)size.Value)];
        }

        if (
            index is not PdfArray array
            || array.Items.Count % 2 != 0
            || array.Items.Any(i => i is not PdfNumber { IsInteger: true, Value: >= 0 })
        )
        {
            throw new PdfSyntaxException($"the cross-reference stream (object {number}) has an invalid /Index");
        }

        var ranges = new List<(long, long)>();
        for (var i = 0; i < array.Items.Count; i += 2)
        {
            ranges.Add(((long)((PdfNumber)array.Items[i]).Value, (long)((PdfNumber)array.Items[i + 1]).Value));
        }

        return ranges;
    }

    private static long Field(byte[] data, ref int position, int width)
    {
        long value = 0;
        for (var i = 0; i < width; i++)
        {
            value = (value << 8) | data[position++];
        }

        return value;
    }
}
