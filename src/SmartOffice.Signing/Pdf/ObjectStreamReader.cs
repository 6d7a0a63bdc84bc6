namespace SmartOffice.Signing.Pdf;

/// <summary>Adds the objects packed in object streams (/Type /ObjStm) to the objects found at the top level.</summary>
internal static class ObjectStreamReader
{
    public static List<PdfIndirectObject> Expand(ReadOnlyMemory<byte> file, List<PdfIndirectObject> topLevel, PdfScanLimits limits)
    {
        var all = new List<PdfIndirectObject>(topLevel);
        var decoder = new StreamDecoder(limits);
        foreach (var container in topLevel)
        {
            if (container.Value is not PdfDictionary dictionary || dictionary.NameOf("Type") != "ObjStm")
            {
                continue;
            }

            var data = decoder.Decode(file, container) ?? throw new PdfSyntaxException($"object stream {container.Number} cannot be decoded");
            if (dictionary["N"] is not PdfNumber { IsInteger: true } count || dictionary["First"] is not PdfNumber { IsInteger: true } first
                || count.Value < 0 || count.Value > limits.MaxObjects || first.Value < 0 || first.Value > data.Length)
            {
                throw new PdfSyntaxException($"object stream {container.Number} has an invalid /N or /First");
            }

            var parser = new PdfParser(data, limits);
            var entries = new List<(long Number, long Offset)>();
            for (var i = 0; i < (int)count.Value; i++)
            {
                var number = parser.TryReadUnsignedInteger();
                var offset = parser.TryReadUnsignedInteger();
                if (number < 0 || offset < 0 || number > int.MaxValue)
                {
                    throw new PdfSyntaxException($"object stream {container.Number} has an invalid index");
                }

                entries.Add((number, offset));
            }

            foreach (var (number, offset) in entries)
            {
                if (first.Value + offset >= data.Length)
                {
                    throw new PdfSyntaxException($"object stream {container.Number} points past its end");
                }

                parser.Position = (int)(first.Value + offset);
                all.Add(new PdfIndirectObject((int)number, 0, container.Offset, parser.ReadValue()) { IsInObjectStream = true });
                if (all.Count > limits.MaxObjects)
                {
                    throw new PdfSyntaxException($"more than {limits.MaxObjects} objects");
                }
            }
        }

        return all;
    }
}
