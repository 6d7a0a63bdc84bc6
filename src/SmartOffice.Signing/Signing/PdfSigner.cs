using System.Security.Cryptography.X509Certificates;
using System.Text;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;
using SmartOffice.Signing.Demo;
using SmartOffice.Signing.Pdf;

namespace SmartOffice.Signing;

/// <summary>
/// Adds one PAdES signature to a PDF. PDFsharp writes the signature field and a /Contents placeholder; then,
/// because PDFsharp can only write SubFilter adbe.pkcs7.detached and puts no signed attributes in its CMS,
/// the SubFilter name is swapped in place for ETSI.CAdES.detached (same length, so no offset moves) and a
/// CAdES CMS (signing-certificate-v2, chain) is computed over the final byte ranges and written in.
/// </summary>
public static class PdfSigner
{
    public const string CadesDetached = "ETSI.CAdES.detached";
    public const string Pkcs7Detached = "adbe.pkcs7.detached";

    /// <summary>Signs <paramref name="pdf"/>; refuses a file that already carries a signature.</summary>
    public static byte[] Sign(
        byte[] pdf,
        X509Certificate2 certificateWithKey,
        IEnumerable<X509Certificate2>? chain = null,
        PdfSignerOptions? options = null
    )
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(certificateWithKey);
        options ??= new PdfSignerOptions();
        if (options.SubFilter is not (CadesDetached or Pkcs7Detached))
        {
            throw new ArgumentException($"SubFilter {options.SubFilter} is not supported", nameof(options));
        }

        if (!certificateWithKey.HasPrivateKey)
        {
            throw new ArgumentException("the certificate has no private key", nameof(certificateWithKey));
        }

        var existing = PdfScanner.Scan(pdf, new PdfScanLimits());
        if (existing.ErrorCode is not null)
        {
            throw new ArgumentException($"the input is not a readable PDF: {existing.ErrorDetail}", nameof(pdf));
        }

        if (existing.Signatures.Count > 0)
        {
            throw new ArgumentException(
                "the PDF is already signed; a letter carries exactly one signature",
                nameof(pdf)
            );
        }

        var chainList = (chain ?? []).ToList();
        var size = CmsBuilder.EstimateSize(certificateWithKey, chainList, options);
        var file = WritePlaceholder(pdf, certificateWithKey, size, options);
        var signature = PdfScanner.Scan(file, new PdfScanLimits()).Signatures.Single();
        var (start, end) = ((int)signature.ContentsStart!.Value, (int)signature.ContentsEnd!.Value);
        byte[] signed = [.. file.AsSpan(0, start), .. file.AsSpan(end)];
        var cms = CmsBuilder.Sign(signed, certificateWithKey, chainList, options);
        if ((cms.Length * 2) + 2 > end - start)
        {
            throw new InvalidOperationException(
                $"the signature ({cms.Length} bytes) does not fit its placeholder ({(end - start - 2) / 2} bytes)"
            );
        }

        Encoding.ASCII.GetBytes(Convert.ToHexString(cms)).CopyTo(file, start + 1);
        return file;
    }

    /// <summary>
    /// Loads a PKCS#12 (e.g. an e-Token export): the certificate with its key, and the CA certificates in it.
    /// </summary>
    public static X509Certificate2 LoadPkcs12(string path, string? password, out IReadOnlyList<X509Certificate2> chain)
    {
        var collection = X509CertificateLoader.LoadPkcs12CollectionFromFile(
            path,
            password,
            X509KeyStorageFlags.EphemeralKeySet
        );
        var certificate = collection.FirstOrDefault(c => c.HasPrivateKey)
            ?? throw new ArgumentException($"{path} holds no private key", nameof(path));
        chain = [.. collection.Where(c => !c.HasPrivateKey)];
        return certificate;
    }

    private static byte[] WritePlaceholder(byte[] pdf, X509Certificate2 certificate, int size, PdfSignerOptions options)
    {
        EmbeddedFontResolver.EnsureInstalled();
        using var input = new MemoryStream(pdf, writable: false);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        DigitalSignatureHandler.ForDocument(
            document,
            new PlaceholderSigner(certificate.GetNameInfo(X509NameType.SimpleName, false), size),
            new DigitalSignatureOptions
            {
                Reason = options.Reason ?? "",
                Location = options.Location ?? "",
                ContactInfo = options.ContactInfo ?? "",
                AppName = "SmartOffice",
            }
        );
        using var output = new MemoryStream();
        document.Save(output, false);
        var file = output.ToArray();
        if (options.SubFilter == CadesDetached)
        {
            ReplaceOnce(file, "/" + Pkcs7Detached, "/" + CadesDetached);
        }

        return file;
    }

    private static void ReplaceOnce(byte[] file, string from, string to)
    {
        var needle = Encoding.ASCII.GetBytes(from);
        var index = file.AsSpan().IndexOf(needle);
        if (index < 0 || file.AsSpan(index + 1).IndexOf(needle) >= 0)
        {
            throw new InvalidOperationException($"expected exactly one {from} in the signed output");
        }

        Encoding.ASCII.GetBytes(to).CopyTo(file, index);
    }
}
