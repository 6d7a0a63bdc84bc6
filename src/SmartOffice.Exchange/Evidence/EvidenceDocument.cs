namespace SmartOffice.Exchange.Evidence;

/// <summary>The JSON document an evidence seals (field names are what verifiers read).</summary>
public sealed record EvidenceDocument
{
    public Guid EvidenceId { get; init; } = Guid.NewGuid();

    public required string Event { get; init; }

    public required DateTimeOffset EventTime { get; init; }

    public required string Issuer { get; init; }

    public required string Sender { get; init; }

    public string? Recipient { get; init; }

    public Guid LetterId { get; init; }

    public DateTimeOffset SubmissionTime { get; init; }

    public string? DocumentSha256 { get; init; }

    /// <summary>The letter's attachments (number, name, SHA-256), on its acceptance; absent when it has none.</summary>
    [System.Text.Json.Serialization.JsonIgnore(
        Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull
    )]
    public IReadOnlyList<EvidenceAttachment>? Attachments { get; init; }

    /// <summary>Why, on every negative event (rejection, non-delivery).</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    public Guid? PreviousEvidenceId { get; init; }

    /// <summary>Event details: incoming number, due date, reply letter id.</summary>
    public IReadOnlyDictionary<string, string>? Details { get; init; }
}

/// <summary>One attachment as an acceptance evidence names it.</summary>
public sealed record EvidenceAttachment(int Number, string Name, string Sha256);
