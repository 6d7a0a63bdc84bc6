namespace SmartOffice.Bench;

/// <summary>
/// A pipeline the delivery benchmark drives: the product, or its floor. The phase runner needs only to submit a letter,
/// to see when the letters it submitted reached their inboxes, and the pipeline's own counts of durable work.
/// </summary>
internal interface IDeliveryPipeline
{
    string Name { get; }

    /// <summary>Submits one letter over HTTP; its id when accepted.</summary>
    Task<Guid?> SubmitAsync(byte[] letter, string recipient);

    /// <summary>How many deliveries of these letters still wait for the consumer.</summary>
    Task<int> PendingAsync(IReadOnlyList<Guid> letters);

    /// <summary>Submit and delivery times of the deliveries of these letters that reached the inbox.</summary>
    Task<IReadOnlyList<(DateTimeOffset Submitted, DateTimeOffset Delivered)>> DeliveredAsync(
        IReadOnlyList<Guid> letters
    );

    /// <summary>Database round trips made so far.</summary>
    long RoundTrips { get; }

    /// <summary>fsyncs (and syncfs) made so far by the pipeline's own code; null when it cannot count them.</summary>
    long? Fsyncs { get; }
}
