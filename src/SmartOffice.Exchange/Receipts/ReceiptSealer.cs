using SmartOffice.Exchange.Evidence;
using SmartOffice.Signing;

namespace SmartOffice.Exchange.Receipts;

/// <summary>
/// Issues receipts: the PDF written from the facts, then signed (PAdES, ETSI.CAdES.detached) with the service's
/// seal and its chain, so our validator, any PDF reader and /verify can check it.
/// </summary>
public sealed class ReceiptSealer(EvidenceSealer sealer, TimeProvider time)
{
    /// <summary>The issuer a receipt names: the seal's subject, as evidences name theirs.</summary>
    public string Issuer => sealer.Certificate.Subject;

    public byte[] Seal(DeliveryReceipt receipt, TimeZoneInfo zone) =>
        PdfSigner.Sign(
            ReceiptPdf.Create(receipt, zone),
            sealer.Certificate,
            sealer.Chain,
            new PdfSignerOptions
            {
                Reason = "Delivery receipt issued by SmartOffice",
                Location = "SmartOffice",
                Clock = time,
            }
        );
}
