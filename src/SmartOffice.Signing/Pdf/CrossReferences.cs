using System.Globalization;

namespace SmartOffice.Signing.Pdf;

/// <summary>
/// Reconciles the two ways of reading a PDF: the objects the scanner found front to back, and the objects a
/// viewer reaches through the cross-reference sections (every revision, through /Prev and /XRefStm). The file
/// is refused unless both are the same set, so no viewer can show an object the validator did not judge.
/// </summary>
internal sealed class CrossReferences
{
    private const int MaxSections = 4096;

    // Revisions may list an object again; ten listings per allowed object is far beyond any real file.
    private const int MaxEntriesPerObject = 10;
    private readonly ReadOnlyMemory<byte> _file;
    private readonly TopLevelReader.Result _body;
    private readonly StreamDecoder _decoder;
    private readonly PdfScanLimits _limits;
    private readonly Dictionary<long, PdfIndirectObject> _headers = [];

    public CrossReferences(
        ReadOnlyMemory<byte> file,
        TopLevelReader.Result body,
        StreamDecoder decoder,
        PdfScanLimits limits
    )
    {
        _file = file;
        _body = body;
        _decoder = decoder;
        _limits = limits;
        foreach (var indirect in body.Objects)
        {
            _headers[indirect.Offset] = indirect;
        }
    }

    public sealed record Section(
        long Offset,
        PdfDictionary Trailer,
        List<CrossReferenceEntry> Entries,
        PdfIndirectObject? Stream
    );

    /// <summary>The sections a viewer reads, newest first, starting at the last startxref.</summary>
    public List<Section> Chain()
    {
        var sections = new Dictionary<long, Section>();
        foreach (var table in _body.Tables)
        {
            sections[table.Offset] = new Section(table.Offset, table.Trailer, table.Entries, null);
        }

        // Cross-reference streams are decoded only when the chain reaches them: unreachable ones cost nothing.
        var streams = new Dictionary<long, PdfIndirectObject>();
        foreach (var indirect in _body.Objects)
        {
            if (
                indirect.StreamStart >= 0
                && indirect.Value is PdfDictionary dictionary
                && dictionary.NameOf("Type") == "XRef"
            )
            {
                streams[indirect.Offset] = indirect;
            }
        }

        var chain = new List<Section>();
        var entries = 0L;
        var seen = new HashSet<long>();
        var pending = new Stack<(long Offset, string From)>();
        pending.Push((_body.StartXrefs[^1], "startxref"));
        while (pending.TryPop(out var next))
        {
            var at = SkipWhitespace(next.Offset);
            var section = sections.GetValueOrDefault(at)
                ?? (streams.TryGetValue(at, out var stream) ? StreamSection(stream) : null)
                ?? throw new PdfSyntaxException(
                    $"{next.From} {next.Offset} does not point at a cross-reference section"
                );
            if (!seen.Add(section.Offset))
            {
                continue;
            }

            chain.Add(section);
            entries += section.Entries.Count;
            if (chain.Count > MaxSections || entries > MaxEntriesPerObject * (long)_limits.MaxObjects)
            {
                throw new PdfSyntaxException(
                    $"the cross-reference has more than {MaxSections} sections or far more entries than objects"
                );
            }

            // Precedence: this section, then its /XRefStm (hybrid files), then the previous revision.
            Push(section.Trailer, "Prev");
            Push(section.Trailer, "XRefStm");
        }

        return chain;

        void Push(PdfDictionary trailer, string key)
        {
            switch (trailer[key])
            {
                case null:
                    break;
                case PdfNumber { IsInteger: true, Value: >= 0 } offset:
                    pending.Push(((long)offset.Value, "/" + key));
                    break;
                default:
                    throw new PdfSyntaxException($"the trailer's /{key} is not a byte offset");
            }
        }
    }

    private Section StreamSection(PdfIndirectObject stream) =>
        new(
            stream.Offset,
            (PdfDictionary)stream.Value,
            CrossReferenceStream.Read(_file, stream, _decoder, _limits),
            stream
        );

    /// <summary>
    /// Checks every entry of the chain against the objects read, reads every object stream, and returns all
    /// objects (top level and packed) with the table of current definitions.
    /// </summary>
    public (List<PdfIndirectObject> All, PdfObjectTable Table) Reconcile(List<Section> chain)
    {
        var listedOffsets = new HashSet<long>(chain.Select(s => s.Offset));
        var packed = new HashSet<(int Number, int Container, int Index)>();
        var containerNumbers = new HashSet<int>();
        foreach (var entry in chain.SelectMany(s => s.Entries))
        {
            if (entry.Type == 1)
            {
                var at = SkipWhitespace(entry.Field2);
                if (
                    !_headers.TryGetValue(at, out var indirect)
                    || indirect.Number != entry.Number
                    || indirect.Generation != entry.Field3
                )
                {
                    throw new PdfSyntaxException(
                        Invariant($"the cross-reference entry of object {entry.Number} {entry.Field3} ")
                            + Invariant($"points at byte {entry.Field2}, where that object does not start")
                    );
                }

                listedOffsets.Add(at);
            }
            else if (entry.Type == 2)
            {
                if (entry.Field2 > int.MaxValue || entry.Field3 > int.MaxValue)
                {
                    throw new PdfSyntaxException(
                        $"the cross-reference entry of object {entry.Number} names an object stream out of range"
                    );
                }

                containerNumbers.Add((int)entry.Field2);
                packed.Add((entry.Number, (int)entry.Field2, (int)entry.Field3));
            }
        }

        if (_body.Objects.FirstOrDefault(o => !listedOffsets.Contains(o.Offset)) is { } hidden)
        {
            throw new PdfSyntaxException(
                $"object {hidden.Number} {hidden.Generation} at byte {hidden.Offset} is not in the cross-reference, "
                    + $"so viewers do not read it"
            );
        }

        var provisional = new PdfObjectTable(
            _body.Objects.GroupBy(o => o.Number).ToDictionary(g => g.Key, g => g.Last())
        );
        var containers = _body
            .Objects.Where(o =>
                o.StreamStart >= 0
                && o.Value is PdfDictionary d
                && (containerNumbers.Contains(o.Number) || provisional.NameOf(d, "Type") == "ObjStm")
            )
            .ToList();
        var containerSet = containers.Select(c => c.Number).ToHashSet();
        if (containerNumbers.FirstOrDefault(n => !containerSet.Contains(n), -1) is var missing && missing >= 0)
        {
            throw new PdfSyntaxException(
                $"the cross-reference places objects in object stream {missing}, which is not a stream in the file"
            );
        }

        _decoder.Table = provisional;
        var inner = ObjectStreamReader.Expand(_file, containers, _decoder, provisional, _limits, _body.Objects.Count);
        var innerKeys = inner.Select(o => (o.Number, o.ContainerNumber, o.IndexInContainer)).ToHashSet();
        if (
            packed.FirstOrDefault(p => !innerKeys.Contains(p), (Number: -1, Container: -1, Index: -1)) is var absent
            && absent.Number >= 0
        )
        {
            throw new PdfSyntaxException(
                $"the cross-reference places object {absent.Number} at index {absent.Index} of object stream "
                    + $"{absent.Container}, where it is not"
            );
        }

        if (
            inner.FirstOrDefault(o => !packed.Contains((o.Number, o.ContainerNumber, o.IndexInContainer))) is
            { } unlisted
        )
        {
            throw new PdfSyntaxException(
                $"object {unlisted.Number} in object stream {unlisted.ContainerNumber} is not in the "
                    + $"cross-reference, so viewers do not read it"
            );
        }

        return ([.. _body.Objects, .. inner], new PdfObjectTable(Current(chain, inner)));
    }

    private Dictionary<int, PdfIndirectObject> Current(List<Section> chain, List<PdfIndirectObject> inner)
    {
        var byPlace = inner
            .GroupBy(o => (o.ContainerNumber, o.IndexInContainer))
            .ToDictionary(g => g.Key, g => g.Last());
        var decided = new HashSet<int>();
        var current = new Dictionary<int, PdfIndirectObject>();
        foreach (var entry in chain.SelectMany(s => s.Entries))
        {
            if (!decided.Add(entry.Number))
            {
                continue;
            }

            var indirect = entry.Type switch
            {
                1 => _headers[SkipWhitespace(entry.Field2)],
                2 => byPlace[((int)entry.Field2, (int)entry.Field3)],
                _ => null,
            };
            if (indirect is not null)
            {
                current[entry.Number] = indirect;
            }
        }

        return current;
    }

    // Readers skip whitespace before a token, so an offset just before "xref" or "12 0 obj" reads the same.
    private long SkipWhitespace(long offset)
    {
        var span = _file.Span;
        if (offset < 0 || offset >= span.Length)
        {
            return offset;
        }

        var at = (int)offset;
        while (at < span.Length && PdfParser.IsWhitespace(span[at]))
        {
            at++;
        }

        return at;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
