namespace SmartOffice.Signing.Pdf;

/// <summary>
/// Walks the top level of a PDF front to back: indirect objects (streams skipped by their length),
/// cross-reference tables, trailers, startxref values and end-of-file markers. Anything else is malformed.
/// </summary>
internal sealed class TopLevelReader(ReadOnlyMemory<byte> data, int start, PdfScanLimits limits)
{
    private readonly PdfParser _parser = new(data, limits) { Position = start };

    public sealed record Result(
        List<PdfIndirectObject> Objects,
        List<PdfDictionary> Trailers,
        List<long> StartXrefs,
        List<int> EndOfFileMarkers,
        List<CrossReferenceTable> Tables
    );

    public Result Read()
    {
        var objects = new List<PdfIndirectObject>();
        var trailers = new List<PdfDictionary>();
        var startXrefs = new List<long>();
        var markers = new List<int>();
        var tables = new List<CrossReferenceTable>();
        while (true)
        {
            _parser.SkipWhitespaceAndComments(markers.Add);
            if (_parser.Position >= _parser.Length)
            {
                break;
            }

            var at = _parser.Position;
            var keyword = _parser.PeekKeyword();
            switch (keyword)
            {
                case "xref":
                    var entries = ReadCrossReferenceTable();
                    if (_parser.PeekKeyword() != "trailer")
                    {
                        throw new PdfSyntaxException(
                            $"cross-reference table at byte {at} is not followed by a trailer"
                        );
                    }

                    _parser.Position += 7;
                    var trailer =
                        _parser.ReadValue() as PdfDictionary
                        ?? throw new PdfSyntaxException($"trailer at byte {at} is not a dictionary");
                    trailers.Add(trailer);
                    tables.Add(new CrossReferenceTable(at, trailer, entries));
                    break;
                case "trailer":
                    throw new PdfSyntaxException($"trailer at byte {at} does not follow a cross-reference table");
                case "startxref":
                    _parser.Position += 9;
                    var offset = _parser.TryReadUnsignedInteger();
                    startXrefs.Add(
                        offset >= 0 ? offset : throw new PdfSyntaxException($"startxref at byte {at} has no offset")
                    );
                    break;
                default:
                    var indirect = ReadIndirectObject(at);
                    objects.Add(indirect);
                    if (objects.Count > limits.MaxObjects)
                    {
                        throw new PdfSyntaxException($"more than {limits.MaxObjects} objects");
                    }

                    if (indirect.Value is PdfDictionary { } dictionary && dictionary.NameOf("Type") == "XRef")
                    {
                        trailers.Add(dictionary);
                    }

                    break;
            }
        }

        return new Result(objects, trailers, startXrefs, markers, tables);
    }

    private PdfIndirectObject ReadIndirectObject(int at)
    {
        var number = _parser.TryReadUnsignedInteger();
        var generation = number >= 0 ? _parser.TryReadUnsignedInteger() : -1;
        if (
            number < 0
            || generation < 0
            || number > int.MaxValue
            || generation > 65535
            || _parser.PeekKeyword() != "obj"
        )
        {
            throw new PdfSyntaxException(
                $"unexpected content at byte {at}: expected an object, xref, trailer or startxref"
            );
        }

        _parser.Position += 3;
        var value = _parser.ReadValue();
        long streamStart = -1,
            streamLength = 0;
        if (_parser.PeekKeyword() == "stream")
        {
            if (value is not PdfDictionary dictionary)
            {
                throw new PdfSyntaxException($"stream without a dictionary in object {number} at byte {at}");
            }

            (streamStart, streamLength) = SkipStream(dictionary, (int)number);
        }

        if (_parser.PeekKeyword() != "endobj")
        {
            throw new PdfSyntaxException($"object {number} {generation} at byte {at} does not end with endobj");
        }

        _parser.Position += 6;
        return new PdfIndirectObject((int)number, (int)generation, at, value)
        {
            StreamStart = streamStart,
            StreamLength = streamLength,
        };
    }

    private (long Start, long Length) SkipStream(PdfDictionary dictionary, int number)
    {
        var span = _parser.Span;
        _parser.Position += 6;
        if (_parser.Position < span.Length && span[_parser.Position] == '\r')
        {
            _parser.Position++;
        }

        if (_parser.Position < span.Length && span[_parser.Position] == '\n')
        {
            _parser.Position++;
        }

        var start = _parser.Position;
        if (
            dictionary["Length"] is PdfNumber { IsInteger: true } declared
            && declared.Value >= 0
            && start + declared.Value <= span.Length
        )
        {
            var end = start + (int)declared.Value;
            var after = end;
            while (after < span.Length && PdfParser.IsWhitespace(span[after]))
            {
                after++;
            }

            if (span[after..].StartsWith("endstream"u8))
            {
                _parser.Position = after + 9;
                RefuseHiddenHeaders(span[start..end], start, number);
                return (start, end - start);
            }
        }

        // Length indirect or wrong: fall back to the keyword, as readers do.
        var found = span[start..].IndexOf("endstream"u8);
        if (found < 0)
        {
            throw new PdfSyntaxException($"stream of object {number} has no endstream");
        }

        var dataEnd = start + found;
        while (dataEnd > start && span[dataEnd - 1] is (byte)'\r' or (byte)'\n')
        {
            dataEnd--;
        }

        _parser.Position = start + found + 9;
        RefuseHiddenHeaders(span[start..dataEnd], start, number);
        return (start, dataEnd - start);
    }

    private static void RefuseHiddenHeaders(ReadOnlySpan<byte> data, int start, int number)
    {
        if (ObjectHeaders.Find(data) is { } found)
        {
            throw new PdfSyntaxException(
                $"an object header is hidden inside the stream data of object {number} (at byte {start + found})"
            );
        }
    }

    private List<CrossReferenceEntry> ReadCrossReferenceTable()
    {
        var at = _parser.Position;
        _parser.Position += 4;
        var entries = new List<CrossReferenceEntry>();
        while (true)
        {
            var first = _parser.TryReadUnsignedInteger();
            if (first < 0)
            {
                return entries;
            }

            var count = _parser.TryReadUnsignedInteger();
            if (
                count < 0
                || first > int.MaxValue
                || count > limits.MaxObjects
                || entries.Count + count > limits.MaxObjects
            )
            {
                throw new PdfSyntaxException($"cross-reference table at byte {at} has an invalid subsection header");
            }

            for (var i = 0; i < count; i++)
            {
                var offset = _parser.TryReadUnsignedInteger();
                var generation = _parser.TryReadUnsignedInteger();
                var kind = _parser.PeekKeyword();
                if (offset < 0 || generation is < 0 or > 65535 || kind is not ("n" or "f"))
                {
                    throw new PdfSyntaxException(
                        $"cross-reference table at byte {at} has an invalid entry for object {first + i}"
                    );
                }

                _parser.Position++;
                entries.Add(
                    kind == "n"
                        ? CrossReferenceEntry.InUse((int)(first + i), offset, (int)generation)
                        : CrossReferenceEntry.Free((int)(first + i))
                );
            }
        }
    }
}
