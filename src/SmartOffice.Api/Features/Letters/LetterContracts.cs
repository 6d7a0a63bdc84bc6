using SmartOffice.Signing;

namespace SmartOffice.Api.Features.Letters;

public sealed record RecipientStatus(
    string RegistryNumber,
    string? Name,
    string State,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? RegisteredAt,
    string? IncomingNumber,
    DateOnly? DueDate,
    DateTimeOffset? AnsweredAt,
    Guid? ReplyLetterId,
    DateTimeOffset? ClosedAt,
    string? FailureReason,
    string? ForwardedTo = null,
    string? ForwardedBy = null,
    string? ForwardReason = null
);

/// <summary>One attachment of a letter: its number (1, 2, …), file name, SHA-256 and size.</summary>
public sealed record AttachmentItem(int Number, string FileName, string DocumentSha256, long Size);

public sealed record EvidenceItem(
    Guid EvidenceId,
    string Event,
    DateTimeOffset EventTime,
    string? Recipient,
    string Json,
    string? Seal
);

public sealed record SubmitLetterResponse(
    Guid Id,
    string Status,
    string DocumentSha256,
    IReadOnlyList<RecipientStatus> Recipients,
    EvidenceItem Evidence,
    IReadOnlyList<AttachmentItem>? Attachments = null
);

public sealed record LetterDetails(
    Guid Id,
    string Subject,
    string? Reference,
    string Sender,
    string? SenderName,
    Guid? InReplyTo,
    string DocumentSha256,
    long DocumentSize,
    DateTimeOffset SubmittedAt,
    string? SignerSubject,
    IReadOnlyList<RecipientStatus> Recipients,
    IReadOnlyList<AttachmentItem> Attachments
);

public sealed record MailboxItem(
    Guid LetterId,
    string Subject,
    string? Reference,
    string Sender,
    string? SenderName,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<RecipientStatus> Recipients
);

/// <summary>The report stored with a letter, as the API returns it.</summary>
public sealed record LetterReport(Guid LetterId, ValidationReport Report);
