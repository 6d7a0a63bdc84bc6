namespace SmartOffice.Exchange.Letters;

/// <summary>
/// A further signed PDF sent with a letter (an appendix), validated by the same rules as the letter itself and kept in
/// the archive under its SHA-256 like the letter's own document.
/// </summary>
public sealed class LetterAttachment
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid LetterId { get; set; }

    /// <summary>1, 2, … in the order the sender gave them; the number names the attachment everywhere.</summary>
    public int Number { get; set; }

    /// <summary>The sender's file name, reduced to a safe display name.</summary>
    public required string FileName { get; set; }

    /// <summary>SHA-256 of the exact bytes, lowercase hex; also the archive key of the document.</summary>
    public required string DocumentSha256 { get; set; }

    /// <summary>SHA-256 of the signed bytes (see <see cref="Letter.SignedContentSha256"/>).</summary>
    public required string SignedContentSha256 { get; set; }

    public long DocumentSize { get; set; }

    /// <summary>The validation report (JSON) produced at submission.</summary>
    public required string ValidationReportJson { get; set; }
}
