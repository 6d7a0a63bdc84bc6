using System.IO.Compression;
using System.Text;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Letters.Search;

namespace SmartOffice.Exchange.Tests.Search;

/// <summary>
/// The text read from a letter for search: read when its streams decode within bounds, and not read at all from a
/// small file whose content would inflate to tens of megabytes (which PdfPig would parse whole, in memory).
/// </summary>
[TestClass]
public sealed class PdfTextTests
{
    [TestMethod]
    public void A_page_whose_text_fits_is_read()
    {
        var text = PdfText.Extract(Pdf(repeat: 200));

        StringAssert.Contains(text, "word word");
    }

    [TestMethod]
    public void A_content_stream_that_inflates_past_the_bound_gives_no_text_instead_of_the_memory()
    {
        // About 12 MB of "(word) Tj" in a file of a few tens of kilobytes.
        var bomb = Pdf(repeat: 1_200_000);
        Assert.IsLessThan(200_000, bomb.Length);

        Assert.AreEqual("", PdfText.Extract(bomb));
    }

    [TestMethod]
    public void Names_lose_invisible_characters_folders_and_bidirectional_controls()
    {
        Assert.AreEqual("ab.pdf", LetterAttachmentRules.DisplayName("a\u200B\u2028b\uFEFF.pdf", 1));
        Assert.AreEqual("passwd.pdf", LetterAttachmentRules.DisplayName("../../etc/passwd", 1));
        Assert.AreEqual("Зураг.pdf", LetterAttachmentRules.DisplayName("C:\\docs\\\u202EЗураг.pdf", 1));
        Assert.AreEqual("attachment-3.pdf", LetterAttachmentRules.DisplayName("\u0000.pdf", 3));
    }

    /// <summary>A one-page PDF whose deflated content shows "(word) Tj" <paramref name="repeat"/> times.</summary>
    private static byte[] Pdf(int repeat)
    {
        var content = new StringBuilder("BT /F1 12 Tf 10 700 Td ");
        content.Insert(content.Length, "(word ) Tj ", repeat);
        content.Append("ET");
        using var deflated = new MemoryStream();
        using (var zlib = new ZLibStream(deflated, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(Encoding.ASCII.GetBytes(content.ToString()));
        }

        var stream = deflated.ToArray();
        var file = new MemoryStream();
        var offsets = new List<long>();
        void Write(string text) => file.Write(Encoding.ASCII.GetBytes(text));
        Write("%PDF-1.7\n");
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                + "/Resources << /Font << /F1 5 0 R >> >> >>",
            "",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(file.Position);
            if (i == 3)
            {
                Write($"4 0 obj\n<< /Length {stream.Length} /Filter /FlateDecode >>\nstream\n");
                file.Write(stream);
                Write("\nendstream\nendobj\n");
            }
            else
            {
                Write($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
            }
        }

        var xref = file.Position;
        Write($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write($"{offset:D10} 00000 n \n");
        }

        Write($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return file.ToArray();
    }
}
