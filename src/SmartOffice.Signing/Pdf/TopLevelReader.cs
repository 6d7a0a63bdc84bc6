namespace SmartOffice.Signing.Pdf;

/// <summary>
/// Walks the top level of a PDF front to back: indirect objects (streams skipped by their length),
/// cross-reference tables, trailers, startxref values and end-of-file markers. Anything else is malformed.
/// </summary>
internal sealed class TopLevelReader(ReadOnlyMemory<byte> data, int start, PdfScanLimits limits)
{
    private readonly PdfParser _parser = new(data, limits) { Position = start };

    public sealed record Result(List<PdfIndirectObject> Objects, List<PdfDictionary> Trailers, List<long> StartXrefs, List<int> EndOfFileMarkers);

    public Result Read()
    {
        var objects = new List<PdfIndirectObject>();
        var trailers = new List<PdfDictionary>();
        var startXrefs = new List<long>();
        var markers = new List<int>();
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
                    SkipCrossReferenceTable();
                    break;
                case "trailer":
                    _parser.Position += 7;
                    trailers.Add(_parser.ReadValue() as PdfDictionary ?? throw new PdfSyntaxException($"trailer at byte {at} is not a dictionary"));
                    break;
                case "startxref":
                    _parser.Position += 9;
                    var offset = _parser.TryReadUnsignedInteger();
                    startXrefs.Add(offset >= 0 ? offset : throw new PdfSyntaxException($"startxref at byte {at} has no offset"));
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

        return new Result(objects, trailers, startXrefs, markers);
    }

    private PdfIndirectObject ReadIndirectObject(int at)
    {
        var number = _parser.TryReadUnsignedInteger();
        var generation = number >= 0 ? _parser.TryReadUnsignedInteger() : -1;
        if (number < 0 || generation < 0 || number > int.MaxValue || generation > 65535 || _parser.PeekKeyword() != "obj")
        {
            throw new PdfSyntaxException($"unexpected content at byte {at}: expected an object, xref, trailer or startxref");
        }

        _parser.Position += 3;
        var value = _parser.ReadValue();
        long streamStart = -1, streamLength = 0;
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
        return new PdfIndirectObject((int)number, (int)generation, at, value) { StreamStart = streamStart, StreamLength = streamLength };
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
        if (dictionary["Length"] is PdfNumber { IsInteger: true } declared && declared.Value >= 0 && start + declared.Value <= span.Length)
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
        return (start, dataEnd - start);
    }

    private void SkipCrossReferenceTable()
    {
        var span = _parser.Span;
        var at = _parser.Position;
        var found = span[at..].IndexOf("trailer"u8);
        if (found < 0)
        {
            throw new PdfSyntaxException($"cross-reference table at byte {at} has no trailer");
        }

        foreach (var b in span.Slice(at + 4, found - 4))
        {
            if (!(PdfParser.IsWhitespace(b) || b is >= (byte)'0' and <= (byte)'9' || b is (byte)'n' or (byte)'f'))
            {
                throw new PdfSyntaxException($"cross-reference table at byte {at} holds unexpected bytes");
            }
        }

        _parser.Position = at + found;
    }
}
