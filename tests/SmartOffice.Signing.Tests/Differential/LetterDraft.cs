using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SmartOffice.Signing.Tests.Validation.Corpus;

namespace SmartOffice.Signing.Tests.Differential;

/// <summary>
/// A letter being built revision by revision: the current text of the dictionaries it changes (read from the
/// file when not made here), what the next revision adds, and the objects that must stay at the top level
/// (signature dictionaries whose /Contents is patched in place, the /Encrypt dictionary).
/// </summary>
internal sealed partial class LetterDraft
{
    public const string Script = "(app.alert('differential'))";
    private const string ByteRangeSlot = "/ByteRange [0 0 0 0]                                  ";
    private readonly Dictionary<int, string> _bodies = [];
    private readonly List<(int Number, string Dictionary, byte[] Raw, StreamFilter Filter)> _streams = [];

    public LetterDraft(byte[]? file, int next, int root, int page)
    {
        File = file;
        Next = next;
        Root = root;
        Page = page;
    }

    public byte[]? File { get; private set; }

    public int Next { get; private set; }

    public int Root { get; }

    public int Page { get; }

    public HashSet<int> Dirty { get; } = [];

    public HashSet<int> TopLevelOnly { get; } = [];

    /// <summary>
    /// Objects that go in an object stream whenever the revision has one (a signature meant to hide there).
    /// </summary>
    public HashSet<int> MustPack { get; } = [];

    public int Revisions { get; private set; }

    public string Body(int number) =>
        _bodies.TryGetValue(number, out var body)
            ? body
            : _bodies[number] = IncrementalUpdate.ObjectBody(File!, number);

    public void Set(int number, string body)
    {
        _bodies[number] = body;
        Dirty.Add(number);
    }

    public int New(string body)
    {
        Set(Next, body);
        return Next++;
    }

    public int NewStream(string dictionary, byte[] raw, StreamFilter filter)
    {
        _streams.Add((Next, dictionary, raw, filter));
        return Next++;
    }

    /// <summary>Puts <paramref name="entry"/> first in the dictionary of object <paramref name="number"/>.</summary>
    public void AddEntry(int number, string entry)
    {
        var body = Body(number);
        Set(number, body.Insert(body.IndexOf("<<", StringComparison.Ordinal) + 2, " " + entry + " "));
    }

    /// <summary>Adds a reference to the array under <paramref name="key"/> (made when absent).</summary>
    public void AddToArray(int number, string key, int item)
    {
        var body = Body(number);
        var match = Regex.Match(body, "/" + key + @"\s*\[");
        if (match.Success)
        {
            Set(
                number,
                body.Insert(match.Index + match.Length, string.Create(CultureInfo.InvariantCulture, $"{item} 0 R "))
            );
        }
        else
        {
            AddEntry(number, string.Create(CultureInfo.InvariantCulture, $"/{key} [{item} 0 R]"));
        }
    }

    /// <summary>A field on the first page, listed in the catalog's /AcroForm /Fields.</summary>
    public void AddField(int field)
    {
        if (Body(Root).Contains("/Fields", StringComparison.Ordinal))
        {
            AddToArray(Root, "Fields", field);
        }
        else
        {
            AddEntry(
                Root,
                string.Create(CultureInfo.InvariantCulture, $"/AcroForm << /Fields [{field} 0 R] /SigFlags 3 >>")
            );
        }

        AddToArray(Page, "Annots", field);
    }

    /// <summary>
    /// A /Sig dictionary to be signed when its revision is written (never packed: its /Contents is patched in place).
    /// </summary>
    public int NewSignature()
    {
        var number = New(
            $"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /M (D:20261122100000Z) "
                + $"{ByteRangeSlot} /Contents <{new string('0', 7000)}> >>"
        );
        TopLevelOnly.Add(number);
        return number;
    }

    public int NewSignatureField(int signature) =>
        New(
            string.Create(
                CultureInfo.InvariantCulture,
                $"<< /FT /Sig /T (Signature{signature}) /V {signature} 0 R /Type /Annot /Subtype /Widget /Rect [0 0 "
                    + $"0 0] /F 132 /P {Page} 0 R >>"
            )
        );

    /// <summary>
    /// Writes the changed objects as a revision (the first one when there is no file yet), then signs its placeholders.
    /// </summary>
    public void Commit(VariantPdf revision, Random random)
    {
        foreach (var number in Dirty)
        {
            revision.Add(number, _bodies[number]);
            if (!TopLevelOnly.Contains(number) && (MustPack.Contains(number) || random.Next(5) < 3))
            {
                revision.Packed.Add(number);
            }
        }

        foreach (var (number, dictionary, raw, filter) in _streams)
        {
            revision.AddStream(number, dictionary, raw, filter);
        }

        revision.FreeNumber = Next;
        File = Sign(revision.Build(File));
        Next = revision.FreeNumber;
        Revisions++;
        Dirty.Clear();
        _streams.Clear();
    }

    private static byte[] Sign(byte[] file)
    {
        var text = Encoding.Latin1.GetString(file);
        for (
            var slot = text.IndexOf(ByteRangeSlot, StringComparison.Ordinal);
            slot >= 0;
            slot = text.IndexOf(ByteRangeSlot, slot + 1, StringComparison.Ordinal)
        )
        {
            var start = text.IndexOf("/Contents <", slot, StringComparison.Ordinal) + "/Contents ".Length;
            var end = text.IndexOf('>', start) + 1;
            var byteRange = string.Create(
                    CultureInfo.InvariantCulture,
                    $"/ByteRange [0 {start} {end} {file.Length - end}]"
                )
                .PadRight(ByteRangeSlot.Length);
            Encoding.Latin1.GetBytes(byteRange).CopyTo(file, slot);
            var cms = RawSigner.SignCms(
                [.. file.AsSpan(0, start), .. file.AsSpan(end)],
                TestCorpus.Pki.CompanyA.Certificate,
                TestCorpus.Pki.CompanyA.Chain
            );
            Encoding.ASCII.GetBytes(Convert.ToHexString(cms)).CopyTo(file, start + 1);
            text = Encoding.Latin1.GetString(file);
        }

        return file;
    }
}
