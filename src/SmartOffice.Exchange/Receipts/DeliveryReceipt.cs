namespace SmartOffice.Exchange.Receipts;

/// <summary>
/// What a delivery receipt states about one letter and one recipient, as of <see cref="IssuedAt"/>: who sent what to
/// whom, the documents' hashes and each sealed step with its time. The receipt PDF prints these facts and carries them
/// as JSON inside its signed bytes (<see cref="ReceiptFacts"/>); field names are a contract for programs that read it.
/// </summary>
public sealed record DeliveryReceipt
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    /// <summary>When the service issued this receipt; the steps are those recorded up to then.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>The sealing certificate's subject, as evidences name their issuer.</summary>
    public required string Issuer { get; init; }

    public required Guid LetterId { get; init; }

    public required string Subject { get; init; }

    /// <summary>The sender's own outgoing number.</summary>
    public string? Reference { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>The subject of the certificate that signed the letter.</summary>
    public string? SignedBy { get; init; }

    public required ReceiptParty Sender { get; init; }

    public required ReceiptParty Recipient { get; init; }

    /// <summary>The recipient's delivery state when the receipt was issued (a <c>DeliveryState</c> name).</summary>
    public required string State { get; init; }

    /// <summary>The recipient agency's incoming number, once registered.</summary>
    public string? IncomingNumber { get; init; }

    public IReadOnlyList<ReceiptDocument> Documents { get; init; } = [];

    /// <summary>The sealed steps about this recipient (and the submission), in evidence chain order.</summary>
    public IReadOnlyList<ReceiptStep> Steps { get; init; } = [];
}

/// <summary>An organization by registry number, with its name in the directory when the receipt was issued.</summary>
public sealed record ReceiptParty(string RegistryNumber, string? Name);

/// <summary>
/// One document of the letter: its role ("letter" for the signed PDF, "attachment" for each appendix, with its number
/// and file name), SHA-256 of its exact bytes and of its signed bytes, and its size.
/// </summary>
public sealed record ReceiptDocument(
    string Role,
    string Sha256,
    string? SignedContentSha256,
    long Size,
    string? Name = null
);

/// <summary>
/// One sealed step: the evidence's id, event (ETSI EN 319 522 name or ours) and time, with the details a receipt may
/// show (incoming number, due date, reply letter, closing reason; never the executor, who is the agency's internal
/// business) and the reasons of a failure.
/// </summary>
public sealed record ReceiptStep(
    Guid EvidenceId,
    string Event,
    DateTimeOffset Time,
    IReadOnlyDictionary<string, string> Details,
    IReadOnlyList<string> Reasons
);

/// <summary>What each document of a receipt is.</summary>
public static class ReceiptDocumentRoles
{
    /// <summary>The signed PDF letter itself.</summary>
    public const string Letter = "letter";

    /// <summary>One of the letter's attachments, named "N. file name".</summary>
    public const string Attachment = "attachment";
}
