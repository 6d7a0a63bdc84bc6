namespace SmartOffice.Signing.Pdf;

/// <summary>
/// Reads the objects packed in object streams: every /Type /ObjStm and every stream a type-2 entry names.
/// </summary>
internal static class ObjectStreamReader
{
    public static List<PdfIndirectObject> Expand(
        ReadOnlyMemory<byte> file,
        IEnumerable<PdfIndirectObject> containers,
        StreamDecoder decoder,
        PdfObjectTable table,
        PdfScanLimits limits,
        int alreadyRead
    )
    {
        var all = new List<PdfIndirectObject>();
        foreach (var container in containers)
        {
            var dictionary = (PdfDictionary)container.Value;
            var data = decoder.Decode(file, container);
            if (
                table.Resolve(dictionary["N"]) is not PdfNumber { IsInteger: true } count
                || table.Resolve(dictionary["First"]) is not PdfNumber { IsInteger: true } first
                || count.Value < 0
                || count.Value > limits.MaxObjects
                || first.Value < 0
                || first.Value > data.Length
            )
            {
                throw new PdfSyntaxException($"object stream {container.Number} has an invalid /N or /First");
            }

            var parser = new PdfParser(data, limits);
            var entries = new List<(long Number, long Offset)>();
            for (var i = 0; i < (int)count.Value; i++)
            {
                var number = parser.TryReadUnsignedInteger();
                var offset = parser.TryReadUnsignedInteger();
                if (number < 0 || offset < 0 || number > int.MaxValue || parser.Position > first.Value)
                {
                    throw new PdfSyntaxException($"object stream {container.Number} has an invalid index");
                }

                entries.Add((number, offset));
            }

            var previousEnd = (long)first.Value;
            for (var index = 0; index < entries.Count; index++)
            {
                var (number, offset) = entries[index];
                var at = first.Value + offset;
                if (at >= data.Length || at < previousEnd)
                {
                    throw new PdfSyntaxException(
                        $"object stream {container.Number} places object {number} outside its data or over another "
                            + $"object"
                    );
                }

                parser.Position = (int)at;
                var value = parser.ReadValue();
                previousEnd = parser.Position;
                if (parser.PeekKeyword() is "stream" or "endobj" or "obj")
                {
                    throw new PdfSyntaxException(
                        $"object {number} in object stream {container.Number} is not a plain object"
                    );
                }

                all.Add(
                    new PdfIndirectObject((int)number, 0, container.Offset, value)
                    {
                        IsInObjectStream = true,
                        ContainerNumber = container.Number,
                        IndexInContainer = index,
                    }
                );
                if (alreadyRead + all.Count > limits.MaxObjects)
                {
                    throw new PdfSyntaxException($"more than {limits.MaxObjects} objects");
                }
            }
        }

        return all;
    }
}
