namespace SmartOffice.Exchange.Letters;

/// <summary>
/// A sealed evidence (ETSI EN 319 522 event names), chained per letter through <see cref="PreviousEvidenceId"/>.
/// </summary>
public sealed class EvidenceRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid LetterId { get; set; }

    public string? RecipientRegistryNumber { get; set; }

    /// <summary>
    /// SubmissionAcceptance, SubmissionRejection, ContentConsignment, ContentConsignmentFailure, ContentAccessTracking,
    /// Registration, Assignment, Answer, Closure.
    /// </summary>
    public required string Event { get; set; }

    public required DateTimeOffset EventTime { get; set; }

    /// <summary>The evidence JSON exactly as sealed.</summary>
    public required string Json { get; set; }

    /// <summary>Detached CMS seal over the UTF-8 bytes of <see cref="Json"/>; null until sealing exists.</summary>
    public byte[]? Seal { get; set; }

    public Guid? PreviousEvidenceId { get; set; }
}
