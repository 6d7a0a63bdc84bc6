using UglyToad.PdfPig;

namespace SmartOffice.Exchange.Letters.Search;

/// <summary>
/// The text of a letter's PDF for its search column, read with PdfPig at acceptance. Bounded in pages and characters so
/// a thousand-page annex does not hold up the submission; a PDF PdfPig cannot read (scans, odd encodings) gives no text
/// rather than a refusal, since the signature, not the text, decides whether a letter is accepted. Nor is text read
/// from a PDF whose streams would decode past <see cref="PdfTextBudget"/> (a decompression bomb).
/// </summary>
public static class PdfText
{
    public const int MaxPages = 20;

    public const int MaxCharacters = 100_000;

    public static string Extract(ReadOnlyMemory<byte> document)
    {
        try
        {
            using var pdf = PdfDocument.Open(document.ToArray());
            if (!PdfTextBudget.Allows(pdf))
            {
                return "";
            }

            var text = new System.Text.StringBuilder();
            for (
                var number = 1;
                number <= Math.Min(pdf.NumberOfPages, MaxPages) && text.Length < MaxCharacters;
                number++
            )
            {
                // Words rather than Page.Text: the latter runs words together where the PDF positions them without
                // spaces.
                text.AppendJoin(' ', pdf.GetPage(number).GetWords().Select(w => w.Text)).Append(' ');
            }

            return text.Length > MaxCharacters ? text.ToString(0, MaxCharacters) : text.ToString();
        }
#pragma warning disable CA1031 // Any failure to read text only leaves the letter unsearchable by its body.
        catch (Exception)
#pragma warning restore CA1031
        {
            return "";
        }
    }
}
