using System.Globalization;
using PdfSharp.Pdf;

namespace SmartOffice.Exchange.Receipts;

/// <summary>
/// Writes a receipt's facts as an unsigned PDF a person can read and print (Mongolian, with English under each
/// heading and label), with the same facts as JSON in the catalog's /SmartOfficeReceipt stream. Times are printed in
/// the service's time zone; the same facts give the same text.
/// </summary>
public static class ReceiptPdf
{
    public static byte[] Create(DeliveryReceipt receipt, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(zone);
        using var document = new PdfDocument();
        document.Info.Title = $"{ReceiptWords.TitleMn}: {receipt.Subject}";
        document.Info.Subject = $"{ReceiptWords.TitleEn} {receipt.LetterId} → {receipt.Recipient.RegistryNumber}";
        document.Info.Author = "SmartOffice";
        document.Info.CreationDate = receipt.IssuedAt.UtcDateTime;
        AttachFacts(document, receipt);
        using (var layout = new ReceiptLayout(document))
        {
            Write(layout, receipt, zone);
            layout.Footers(
                $"SmartOffice · {ReceiptWords.TitleEn} · {receipt.LetterId} · {receipt.Recipient.RegistryNumber}"
            );
        }

        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    private static void AttachFacts(PdfDocument document, DeliveryReceipt receipt)
    {
        var facts = new PdfDictionary(document);
        facts.CreateStream(ReceiptFacts.ToJson(receipt));
        document.Internals.AddObject(facts);
        document.Internals.Catalog.Elements["/" + ReceiptFacts.CatalogKey] = facts.Reference;
    }

    private static void Write(ReceiptLayout layout, DeliveryReceipt receipt, TimeZoneInfo zone)
    {
        string Time(DateTimeOffset at) => FormatTime(at, zone);
        layout.Text(ReceiptWords.TitleMn, layout.Title, after: 0);
        layout.Text(ReceiptWords.TitleEn, layout.Body, grey: true, after: 8);
        layout.Text(ReceiptWords.IntroMn, layout.Body, after: 1);
        layout.Text(ReceiptWords.IntroEn, layout.Small, grey: true, after: 8);
        layout.Field(("Олгосон", "Issued"), Time(receipt.IssuedAt));
        layout.Field(("Олгогч", "Issued by"), $"SmartOffice ({receipt.Issuer})");

        layout.Heading("1. Албан бичиг", "Letter");
        layout.Field(("Гарчиг", "Subject"), receipt.Subject, layout.Strong);
        if (receipt.Reference is not null)
        {
            layout.Field(("Илгээгчийн дугаар", "Outgoing number"), receipt.Reference);
        }

        layout.Field(("Илгээсэн", "Submitted"), Time(receipt.SubmittedAt));
        if (receipt.SignedBy is not null)
        {
            layout.Field(("Гарын үсэг зурсан", "Signed by"), receipt.SignedBy);
        }

        layout.Field(("SmartOffice дахь дугаар", "Letter id"), receipt.LetterId.ToString());

        layout.Heading("2. Илгээгч ба хүлээн авагч", "Sender and recipient");
        layout.Field(("Илгээгч", "Sender"), Party(receipt.Sender));
        layout.Field(("Хүлээн авагч", "Recipient"), Party(receipt.Recipient));
        layout.Field(
            ("Ирсэн бичгийн дугаар", "Incoming number"),
            receipt.IncomingNumber ?? "— (бүртгэгдээгүй / not registered)"
        );
        var state = ReceiptWords.State(receipt.State);
        layout.Field(("Төлөв", "State"), $"{state.Mn} / {state.En}");

        layout.Heading("3. Баримт бичиг", "Documents");
        foreach (var document in receipt.Documents)
        {
            layout.KeepTogether(70);
            layout.Field(
                ReceiptWords.DocumentRole(document.Role),
                document.Name is { } name ? $"{name} · {Size(document.Size)}" : Size(document.Size)
            );
            layout.Field(("SHA-256", "of the file"), document.Sha256, layout.Small);
            if (document.SignedContentSha256 is { } signed)
            {
                layout.Field(("Гарын үсэгтэй хэсэг", "SHA-256 of signed bytes"), signed, layout.Small);
            }
        }

        layout.Heading("4. Алхмууд", "Steps");
        foreach (var step in receipt.Steps)
        {
            WriteStep(layout, step, Time(step.Time));
        }

        layout.Heading("5. Хэрхэн шалгах вэ", "How to check this receipt");
        layout.Text(ReceiptWords.CheckMn, layout.Body, after: 3);
        layout.Text(ReceiptWords.CheckEn, layout.Small, grey: true);
    }

    private static void WriteStep(ReceiptLayout layout, ReceiptStep step, string time)
    {
        var name = ReceiptWords.Event(step.Event);
        layout.KeepTogether(60);
        layout.Entry(time, name);
        foreach (var (key, value) in step.Details)
        {
            var label = ReceiptWords.Detail(key);
            layout.Text($"{label.Mn} / {label.En}: {value}", layout.Body, indent: ReceiptLayout.LabelWidth);
        }

        foreach (var reason in step.Reasons)
        {
            layout.Text($"Шалтгаан / Reason: {reason}", layout.Body, indent: ReceiptLayout.LabelWidth);
        }

        layout.Text(
            $"Нотолгоо / Evidence: {step.EvidenceId}",
            layout.Small,
            grey: true,
            indent: ReceiptLayout.LabelWidth,
            after: 6
        );
    }

    private static string Party(ReceiptParty party) =>
        party.Name is null
            ? $"Регистр / Registry no. {party.RegistryNumber}"
            : $"{party.Name} (регистр / registry no. {party.RegistryNumber})";

    private static string Size(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} байт / bytes").Replace(',', ' ');

    /// <summary>2026.12.04 14:30:05 (UTC+08:00): the order of official documents, with the offset written.</summary>
    internal static string FormatTime(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return string.Create(CultureInfo.InvariantCulture, $"{local:yyyy.MM.dd HH:mm:ss} (UTC{sign}{offset:hh\\:mm})");
    }
}
