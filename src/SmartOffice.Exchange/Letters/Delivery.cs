namespace SmartOffice.Exchange.Letters;

/// <summary>
/// A letter's journey to one recipient. Unique on (LetterId, RecipientOrganizationId): the worker treats a
/// unique violation as "already delivered", which makes redelivered messages harmless.
/// </summary>
public sealed class Delivery
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid LetterId { get; set; }

    public Letter? Letter { get; set; }

    public Guid RecipientOrganizationId { get; set; }

    public required string RecipientRegistryNumber { get; set; }

    public DeliveryState State { get; set; } = DeliveryState.Queued;

    public DateTimeOffset? DeliveredAt { get; set; }

    public DateTimeOffset? OpenedAt { get; set; }

    public DateTimeOffset? RegisteredAt { get; set; }

    /// <summary>The recipient agency's incoming number, e.g. "2026/00042".</summary>
    public string? IncomingNumber { get; set; }

    public Guid? AssignedToUserId { get; set; }

    public DateOnly? DueDate { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public Guid? ReplyLetterId { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? CloseReason { get; set; }

    public string? FailureReason { get; set; }

    /// <summary>The agency this recipient forwarded the letter to, as the competent one (state Forwarded).</summary>
    public string? ForwardedToRegistryNumber { get; set; }

    /// <summary>For a delivery made by forwarding: the agency that forwarded the letter here.</summary>
    public string? ForwardedByRegistryNumber { get; set; }

    /// <summary>Why the letter was forwarded (kept on both deliveries).</summary>
    public string? ForwardReason { get; set; }

    /// <summary>Set when the recipient reported the letter as advertising or abuse; hidden from the inbox.</summary>
    public bool IsReported { get; set; }
}

/// <summary>
/// Per-recipient states (DESIGN.md): Queued → Delivered → Opened → Registered → Assigned → Answered | Closed, or
/// NotDelivered; an agency may also forward a letter in work to the competent agency (Forwarded, which is final for
/// it, while a new delivery to that agency starts at Queued).
/// </summary>
public enum DeliveryState
{
    Queued,
    Delivered,
    Opened,
    Registered,
    Assigned,
    Answered,
    Closed,
    NotDelivered,
    Forwarded,
}
