namespace SmartOffice.Api.Pages.Sent;

/// <summary>
/// One sent letter as the sent-letters page shows it: subject, when, the acceptance evidence, and each recipient's
/// timeline.
/// </summary>
internal sealed record SentLetter(
    Guid Id,
    string Subject,
    string? Reference,
    DateTimeOffset SubmittedAt,
    Guid? AcceptanceEvidenceId,
    IReadOnlyList<SentRecipient> Recipients
);

internal sealed record SentRecipient(
    string RegistryNumber,
    string? Name,
    string State,
    IReadOnlyList<RecipientStep> Steps
);

/// <summary>
/// A step of a recipient's timeline; <see cref="Detail"/> is the incoming number, due date or reason the step carries.
/// </summary>
internal sealed record RecipientStep(
    string Kind,
    DateTimeOffset? At,
    string? Detail,
    Guid? ReplyLetterId,
    Guid? EvidenceId
);
