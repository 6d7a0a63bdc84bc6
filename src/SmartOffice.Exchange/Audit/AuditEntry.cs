namespace SmartOffice.Exchange.Audit;

/// <summary>
/// One line of the append-only audit log. <see cref="Hash"/> covers every field and the previous line's hash, and
/// <see cref="Sequence"/> is the primary key with no gaps, so an edited, inserted or deleted line breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }

    public DateTimeOffset Time { get; set; }

    /// <summary>Who: "account:{id}", "staff:{id}", "system:worker", "anonymous".</summary>
    public required string Actor { get; set; }

    /// <summary>The actor's organization (registry number), when there is one.</summary>
    public string? Organization { get; set; }

    /// <summary>What, e.g. letter.submitted, letter.delivered, document.read, account.suspended.</summary>
    public required string Action { get; set; }

    /// <summary>On what, e.g. the letter id.</summary>
    public string? Target { get; set; }

    /// <summary>From where: the client address, when the action came over HTTP.</summary>
    public string? Address { get; set; }

    public string? Details { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}
