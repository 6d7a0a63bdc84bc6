namespace SmartOffice.Exchange.Letters;

/// <summary>One signed PDF letter as accepted from its sender, with its recipients.</summary>
public sealed class Letter
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid SenderOrganizationId { get; set; }

    public required string SenderRegistryNumber { get; set; }

    public Guid SenderAccountId { get; set; }

    public required string Subject
    {
        get;
        set
        {
            field = value;
            SubjectSearch = value.ToLowerInvariant();
        }
    }

    /// <summary>
    /// The subject in lower case, for case-insensitive search on both databases (SQLite's lower() and a C-locale
    /// PostgreSQL's know only ASCII).
    /// </summary>
    public string SubjectSearch { get; private set; } = "";

    /// <summary>
    /// Search keys of the subject, the reference and the PDF's text (see <see cref="Search.LetterSearchText"/>), filled
    /// at acceptance. The letter's text is here only because every organization that can list this row (sender and
    /// recipients) may read the letter itself; the listings restrict to those before they match.
    /// </summary>
    public string SearchText { get; set; } = "";

    /// <summary>The sender's own outgoing number.</summary>
    public string? Reference { get; set; }

    /// <summary>The letter this one answers, if any.</summary>
    public Guid? InReplyToLetterId { get; set; }

    /// <summary>SHA-256 of the exact bytes, lowercase hex; also the archive key of the document.</summary>
    public required string DocumentSha256 { get; set; }

    /// <summary>
    /// SHA-256 of the signed bytes: what identifies the letter for duplicates and "was it exchanged here", since
    /// re-encoding the signature value changes the file's hash but not this.
    /// </summary>
    public string SignedContentSha256 { get; set; } = "";

    public long DocumentSize { get; set; }

    public required DateTimeOffset SubmittedAt { get; set; }

    /// <summary>The validation report (JSON) produced at submission.</summary>
    public required string ValidationReportJson { get; set; }

    /// <summary>
    /// Signer certificate subject and registry number, for lists and search without parsing the report.
    /// </summary>
    public string? SignerSubject { get; set; }

    /// <summary>
    /// Sorted registry numbers of the recipients joined by ','; with the SHA-256 it finds duplicate letters.
    /// </summary>
    public required string RecipientKey { get; set; }

    public List<Delivery> Deliveries { get; set; } = [];

    /// <summary>The letter's appendices, each a signed PDF of the same sender (none for most letters).</summary>
    public List<LetterAttachment> Attachments { get; set; } = [];
}
