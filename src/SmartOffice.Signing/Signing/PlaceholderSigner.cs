using PdfSharp.Pdf.Signatures;

namespace SmartOffice.Signing;

/// <summary>
/// Lets PDFsharp lay out the signature field, dictionary and /Contents placeholder of the requested size;
/// the real CMS is written afterwards over the final bytes (see <see cref="PdfSigner"/>).
/// </summary>
internal sealed class PlaceholderSigner(string certificateName, int size) : IDigitalSigner
{
    public string CertificateName => certificateName;

    public Task<byte[]> GetSignatureAsync(Stream stream) => Task.FromResult(new byte[size]);

    public Task<int> GetSignatureSizeAsync() => Task.FromResult(size);
}
