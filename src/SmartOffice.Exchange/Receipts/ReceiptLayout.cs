using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SmartOffice.Signing.Demo;

namespace SmartOffice.Exchange.Receipts;

/// <summary>
/// Writes lines of text down A4 pages: wraps them to the width, starts a new page when one is full, and numbers the
/// pages at the end. Mongolian Cyrillic through the embedded Liberation Sans.
/// </summary>
internal sealed class ReceiptLayout : IDisposable
{
    private const double Left = 56;
    private const double Right = 539;
    private const double Top = 56;
    private const double Bottom = 780;
    public const double LabelWidth = 150;
    private static readonly XBrush s_grey = new XSolidBrush(XColor.FromArgb(85, 85, 85));
    private readonly PdfDocument _document;
    private XGraphics? _graphics;
    private double _y;

    public ReceiptLayout(PdfDocument document)
    {
        EmbeddedFontResolver.EnsureInstalled();
        _document = document;
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        Title = new XFont(EmbeddedFontResolver.FamilyName, 16, XFontStyleEx.Bold, options);
        HeadingFont = new XFont(EmbeddedFontResolver.FamilyName, 11.5, XFontStyleEx.Bold, options);
        Body = new XFont(EmbeddedFontResolver.FamilyName, 9.5, XFontStyleEx.Regular, options);
        Strong = new XFont(EmbeddedFontResolver.FamilyName, 9.5, XFontStyleEx.Bold, options);
        Small = new XFont(EmbeddedFontResolver.FamilyName, 8, XFontStyleEx.Regular, options);
        NewPage();
    }

    public XFont Title { get; }

    public XFont HeadingFont { get; }

    public XFont Body { get; }

    public XFont Strong { get; }

    public XFont Small { get; }

    /// <summary>Text wrapped to the width from <paramref name="indent"/>; grey when it is the English line.</summary>
    public void Text(string text, XFont font, bool grey = false, double indent = 0, double after = 1.5)
    {
        foreach (var line in Wrap(text, font, Right - Left - indent))
        {
            Ensure(font.Height);
            Graphics.DrawString(line, font, grey ? s_grey : XBrushes.Black, Left + indent, _y + font.Height * 0.8);
            _y += font.Height;
        }

        _y += after;
    }

    /// <summary>A numbered section: the Mongolian heading, the English one under it, and a rule.</summary>
    public void Heading(string mn, string en)
    {
        Ensure(HeadingFont.Height + Small.Height + 40);
        _y += 10;
        Text(mn, HeadingFont, after: 0);
        Text(en, Small, grey: true, after: 2);
        Graphics.DrawLine(new XPen(XColors.Gray, 0.5), Left, _y, Right, _y);
        _y += 5;
    }

    /// <summary>A label (Mongolian over English) on the left and its value, wrapped, on the right.</summary>
    public void Field((string Mn, string En) label, string value, XFont? valueFont = null)
    {
        valueFont ??= Body;
        var lines = Wrap(value, valueFont, Right - Left - LabelWidth);
        var height = Math.Max(Body.Height + Small.Height, lines.Count * valueFont.Height);
        Ensure(height);
        Graphics.DrawString(label.Mn, Strong, XBrushes.Black, Left, _y + Strong.Height * 0.8);
        Graphics.DrawString(label.En, Small, s_grey, Left, _y + Strong.Height + Small.Height * 0.8);
        for (var i = 0; i < lines.Count; i++)
        {
            Graphics.DrawString(
                lines[i],
                valueFont,
                XBrushes.Black,
                Left + LabelWidth,
                _y + (i * valueFont.Height) + valueFont.Height * 0.8
            );
        }

        _y += height + 4;
    }

    /// <summary>
    /// A dated entry: <paramref name="left"/> (a time) on the left, the Mongolian name in bold on the right and the
    /// English one under it.
    /// </summary>
    public void Entry(string left, (string Mn, string En) name)
    {
        Ensure(Strong.Height + Small.Height);
        Graphics.DrawString(left, Body, XBrushes.Black, Left, _y + Body.Height * 0.8);
        Graphics.DrawString(name.Mn, Strong, XBrushes.Black, Left + LabelWidth, _y + Strong.Height * 0.8);
        Graphics.DrawString(name.En, Small, s_grey, Left + LabelWidth, _y + Strong.Height + Small.Height * 0.8);
        _y += Strong.Height + Small.Height + 2;
    }

    /// <summary>Keeps the next <paramref name="height"/> points together on one page.</summary>
    public void KeepTogether(double height) => Ensure(height);

    /// <summary>Writes <paramref name="text"/> and "page i / n" at the foot of every page.</summary>
    public void Footers(string text)
    {
        Dispose();
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var graphics = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            graphics.DrawLine(new XPen(XColors.Gray, 0.5), Left, Bottom + 12, Right, Bottom + 12);
            graphics.DrawString(text, Small, s_grey, Left, Bottom + 24);
            var number = $"{i + 1} / {count}";
            graphics.DrawString(
                number,
                Small,
                s_grey,
                Right - graphics.MeasureString(number, Small).Width,
                Bottom + 24
            );
        }
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        _graphics = null;
    }

    private XGraphics Graphics => _graphics ?? throw new InvalidOperationException("the receipt is finished");

    private void NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        _graphics = XGraphics.FromPdfPage(page);
        _y = Top;
    }

    private void Ensure(double height)
    {
        if (_y + height > Bottom)
        {
            NewPage();
        }
    }

    // Word by word; a word wider than the line (a hash, an id) is cut where it must be.
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Fits(candidate, font, width))
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (!Fits(line, font, width) && line.Length > 1)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && !Fits(line[..cut], font, width))
                    {
                        cut--;
                    }

                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    private bool Fits(string text, XFont font, double width) => Graphics.MeasureString(text, font).Width <= width;
}
