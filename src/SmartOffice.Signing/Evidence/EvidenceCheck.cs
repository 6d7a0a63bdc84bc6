namespace SmartOffice.Signing.Evidence;

/// <summary>
/// The outcome of checking one sealed evidence, with what the evidence states (read only from the sealed JSON).
/// </summary>
public sealed record EvidenceCheck
{
    /// <summary>True only when <see cref="Code"/> is <see cref="EvidenceCheckCodes.Ok"/>.</summary>
    public bool IsValid => Code == EvidenceCheckCodes.Ok;

    /// <summary>One of <see cref="EvidenceCheckCodes"/>.</summary>
    public string Code { get; init; } = EvidenceCheckCodes.Ok;

    /// <summary>Why it failed, in English (empty when valid).</summary>
    public string Detail { get; init; } = "";

    /// <summary>The event, e.g. "ContentConsignment" (null when the JSON could not be read).</summary>
    public string? Event { get; init; }

    /// <summary>The event time exactly as written in the evidence.</summary>
    public string? EventTimeText { get; init; }

    /// <summary>The event time, when it parses.</summary>
    public DateTimeOffset? EventTime { get; init; }

    public string? EvidenceId { get; init; }

    /// <summary>The sender's registry number as the evidence states it.</summary>
    public string? Sender { get; init; }

    /// <summary>The recipient's registry number (or the sorted recipient list for submission events).</summary>
    public string? Recipient { get; init; }

    /// <summary>SHA-256 of the letter the evidence is about, lowercase hex.</summary>
    public string? DocumentSha256 { get; init; }

    /// <summary>SHA-256 of each attachment an acceptance names, in their order (empty for other events).</summary>
    public IReadOnlyList<string> AttachmentSha256 { get; init; } = [];

    /// <summary>Set when a letter was given: whether its SHA-256 is the one the evidence names.</summary>
    public bool? DocumentMatches { get; init; }

    /// <summary>
    /// When the PDF given is not the letter but one of its attachments: its number, as the letter's sealed acceptance
    /// in the same file names it.
    /// </summary>
    public int? AttachmentNumber { get; init; }

    /// <summary>The sealing certificate's common name, once the seal verified.</summary>
    public string? SealedBy { get; init; }
}
