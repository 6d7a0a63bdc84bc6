using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace SmartOffice.Signing.Demo;

/// <summary>
/// Makes an unsigned Mongolian official letter (албан бичиг) as a PDF, for samples, tests and benchmarks.
/// </summary>
public static class DemoLetter
{
    public static byte[] Create(DemoLetterContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        EmbeddedFontResolver.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = content.Subject;
        document.Info.Author = content.SenderName;
        document.Info.CreationDate = new DateTime(content.Date, new TimeOnly(9, 0), DateTimeKind.Utc);
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var regular = new XFont(EmbeddedFontResolver.FamilyName, 11, XFontStyleEx.Regular, options);
        var bold = new XFont(EmbeddedFontResolver.FamilyName, 12, XFontStyleEx.Bold, options);
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            var formatter = new XTextFormatter(graphics);
            graphics.DrawString(
                content.SenderName.ToUpper(CultureInfo.GetCultureInfo("mn-MN")),
                bold,
                XBrushes.Black,
                new XPoint(60, 70)
            );
            graphics.DrawString(
                $"Регистрийн дугаар: {content.SenderRegistryNumber}",
                regular,
                XBrushes.Black,
                new XPoint(60, 88)
            );
            graphics.DrawString("Улаанбаатар хот", regular, XBrushes.Black, new XPoint(60, 106));
            graphics.DrawString(
                $"{content.Date:yyyy.MM.dd} № {content.OutgoingNumber}",
                regular,
                XBrushes.Black,
                new XPoint(60, 130)
            );
            graphics.DrawString("АЛБАН БИЧИГ", bold, XBrushes.Black, new XPoint(250, 160));
            formatter.DrawString(content.RecipientName + "-д", bold, XBrushes.Black, new XRect(300, 190, 235, 40));
            formatter.DrawString(content.Subject + " тухай", bold, XBrushes.Black, new XRect(60, 240, 475, 40));
            formatter.DrawString(content.Body, regular, XBrushes.Black, new XRect(60, 290, 475, 380));
            graphics.DrawString(
                "Захирал ...................................",
                regular,
                XBrushes.Black,
                new XPoint(60, 720)
            );
        }

        for (var i = 0; i < content.ExtraPages; i++)
        {
            var extra = document.AddPage();
            using var graphics = XGraphics.FromPdfPage(extra);
            new XTextFormatter(graphics).DrawString(
                $"Хавсралт {i + 1}\n\n{content.Body}",
                regular,
                XBrushes.Black,
                new XRect(60, 70, 475, 700)
            );
        }

        if (content.PaddingBytes > 0)
        {
            AttachPadding(document, page, content.PaddingBytes);
        }

        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    // A scanned appendix in real letters is a large image; an incompressible stream referenced from the page
    // stands for it (a Form XObject the page resources name but does not draw) and keeps the PDF valid.
    private static void AttachPadding(PdfDocument document, PdfPage page, int bytes)
    {
        var data = new byte[bytes];
        new Random(20261122).NextBytes(data);
        var form = new PdfDictionary(document);
        form.Elements["/Type"] = new PdfName("/XObject");
        form.Elements["/Subtype"] = new PdfName("/Form");
        form.Elements["/BBox"] = new PdfArray(
            document,
            new PdfInteger(0),
            new PdfInteger(0),
            new PdfInteger(1),
            new PdfInteger(1)
        );
        form.CreateStream(data);
        document.Internals.AddObject(form);
        var resources = page.Elements.GetDictionary("/Resources") ?? new PdfDictionary(document);
        var xobjects = resources.Elements.GetDictionary("/XObject");
        if (xobjects is null)
        {
            xobjects = new PdfDictionary(document);
            resources.Elements["/XObject"] = xobjects;
        }

        xobjects.Elements["/Appendix"] = form.Reference;
    }
}
