using System.Collections.Concurrent;
using SmartOffice.Signing;
using SmartOffice.Signing.Demo;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Api.Tests.Infrastructure;

/// <summary>
/// One demo PKI for all Api tests, written to a temporary folder, and letters signed with it (each unique).
/// </summary>
internal static class TestPki
{
    private static readonly Lazy<(DemoPki Pki, string Folder)> s_pki = new(() =>
    {
        var pki = DemoPki.Create();
        var folder = Directory.CreateTempSubdirectory("smartoffice-api-pki-").FullName;
        pki.WriteTo(folder);
        return (pki, folder);
    });

    private static readonly ConcurrentDictionary<string, byte[]> s_unsigned = new();

    public static DemoPki Pki => s_pki.Value.Pki;

    public static string Folder => s_pki.Value.Folder;

    /// <summary>
    /// A letter with a unique subject (so no two tests send the same bytes), signed by <paramref name="signer"/>.
    /// </summary>
    public static byte[] SignedLetter(DemoIdentity signer, string? subject = null)
    {
        var text = subject ?? $"Туршилтын бичиг {Guid.NewGuid():N}";
        var unsigned = s_unsigned.GetOrAdd(text, t =>
            DemoLetter.Create(
                new DemoLetterContent(
                    "Монгол Ачаа Тээвэр ХХК",
                    "5123456",
                    "Нийслэлийн Засаг Даргын Тамгын Газар",
                    "2026/117",
                    new DateOnly(2026, 11, 22),
                    t,
                    "Улаанбаатар хотын Хан-Уул дүүрэгт агуулах барих зөвшөөрөл хүсч байна."
                )
            )
        );
        return PdfSigner.Sign(unsigned, signer.Certificate, signer.Chain);
    }
}
