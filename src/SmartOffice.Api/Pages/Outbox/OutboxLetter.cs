namespace SmartOffice.Api.Pages.Outbox;

/// <summary>One sent letter as the outbox shows it: subject, when, the acceptance evidence, and each recipient's timeline.</summary>
internal sealed record OutboxLetter(Guid Id, string Subject, string? Reference, DateTimeOffset SubmittedAt, Guid? AcceptanceEvidenceId, IReadOnlyList<OutboxRecipient> Recipients);

internal sealed record OutboxRecipient(string RegistryNumber, string? Name, string State, IReadOnlyList<TimelineStep> Steps);

/// <summary>A step of a recipient's timeline; <see cref="Detail"/> is the incoming number, due date or reason the step carries.</summary>
internal sealed record TimelineStep(string Kind, DateTimeOffset? At, string? Detail, Guid? ReplyLetterId, Guid? EvidenceId);
