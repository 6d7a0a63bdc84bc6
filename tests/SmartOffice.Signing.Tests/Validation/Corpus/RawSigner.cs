using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SmartOffice.Signing.Tests.Validation.Corpus;

/// <summary>
/// Adds a signature as an incremental update, written byte by byte: a /Sig dictionary, the signature field
/// whose value it is (and the catalog's /AcroForm listing it), a ByteRange over the whole new file, and a
/// CMS made with SignedCms. With <c>inField: false</c> the /Sig hangs off nothing, which viewers show as
/// unsigned. Used to make second signatures, hidden signatures and signatures over files PDFsharp would rewrite.
/// </summary>
internal static class RawSigner
{
    private const int ByteRangeWidth = 48;

    public static byte[] AppendSignature(
        byte[] pdf,
        X509Certificate2 certificate,
        IEnumerable<X509Certificate2> chain,
        Func<byte[], byte[]>? tamperCms = null,
        int contentsBytes = 12_000,
        IReadOnlyDictionary<int, string>? extraObjects = null,
        bool inField = true,
        Func<byte[], byte[]>? signCms = null,
        int moreFieldsShowingIt = 0
    )
    {
        var number = Math.Max(
            IncrementalUpdate.NextObjectNumber(pdf),
            (extraObjects?.Keys.DefaultIfEmpty(0).Max() ?? 0) + 1
        );
        var placeholder = new string('0', contentsBytes * 2);
        var byteRangeSlot = "[0 0 0 0]".PadRight(ByteRangeWidth);
        var objects = new Dictionary<int, string>(extraObjects ?? new Dictionary<int, string>())
        {
            [number] =
                $"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /M (D:20261122100000Z) "
                + $"/ByteRange {byteRangeSlot} /Contents <{placeholder}> >>",
        };
        if (inField)
        {
            var (root, _) = IncrementalUpdate.Root(pdf);
            var page = IncrementalUpdate.FirstPage(pdf);
            var catalog = objects.TryGetValue(root, out var changed)
                ? changed
                : IncrementalUpdate.ObjectBody(pdf, root);
            // The new form lists only this signature's field(s): an earlier form (by reference or inline) is replaced.
            catalog = System.Text.RegularExpressions.Regex.Replace(catalog, @"/AcroForm\s+\d+\s+\d+\s+R", "");
            catalog = System.Text.RegularExpressions.Regex.Replace(
                catalog,
                @"/AcroForm\s*<<(?:[^<>]|<<[^<>]*>>)*>>",
                ""
            );
            var fields = Enumerable.Range(number + 1, 1 + moreFieldsShowingIt).ToList();
            objects[root] = catalog.Insert(
                catalog.IndexOf("<<", StringComparison.Ordinal) + 2,
                $" /AcroForm << /Fields [{string.Join(" ", fields.Select(f => $"{f} 0 R"))}] /SigFlags 3 >>"
            );
            foreach (var field in fields)
            {
                objects[field] =
                    $"<< /FT /Sig /T (Signature{field}) /V {number} 0 R /Type /Annot /Subtype /Widget /Rect [0 0 0 "
                    + $"0] /F 132 /P {page} 0 R >>";
            }
        }

        var file = IncrementalUpdate.Append(pdf, objects);
        var text = Encoding.Latin1.GetString(file);
        var contentsStart = text.LastIndexOf("/Contents <", StringComparison.Ordinal) + "/Contents ".Length;
        var contentsEnd = contentsStart + placeholder.Length + 2;
        var byteRange = string.Create(
                CultureInfo.InvariantCulture,
                $"[0 {contentsStart} {contentsEnd} {file.Length - contentsEnd}]"
            )
            .PadRight(ByteRangeWidth);
        var slot = text.LastIndexOf(byteRangeSlot, StringComparison.Ordinal);
        Encoding.Latin1.GetBytes(byteRange).CopyTo(file, slot);

        byte[] signed = [.. file.AsSpan(0, contentsStart), .. file.AsSpan(contentsEnd)];
        var cms = signCms?.Invoke(signed) ?? SignCms(signed, certificate, chain);
        cms = tamperCms?.Invoke(cms) ?? cms;
        var hex = Encoding.ASCII.GetBytes(Convert.ToHexString(cms));
        hex.CopyTo(file, contentsStart + 1);
        return file;
    }

    public static byte[] SignCms(byte[] content, X509Certificate2 certificate, IEnumerable<X509Certificate2> chain)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.Certificates.AddRange(chain.ToArray());
        // A signed attribute forces SignedCms to write signed attributes (content type, message digest), as PAdES
        // requires.
        signer.SignedAttributes.Add(new Pkcs9SigningTime(DateTime.UtcNow));
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }
}
