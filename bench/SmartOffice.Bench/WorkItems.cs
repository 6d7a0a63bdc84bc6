namespace SmartOffice.Bench;

/// <summary>
/// Letter × recipient pairs handed out round and round to the load generators, shuffled once. The benchmarks run the
/// Api with a zero duplicate window, so a pair may be sent again (the duplicate query still runs on every submission).
/// </summary>
internal sealed class WorkItems(IReadOnlyList<byte[]> letters, IReadOnlyList<string> recipients)
{
    private readonly (byte[] Letter, string Recipient)[] _items =
    [
        .. letters.SelectMany(l => recipients.Select(r => (l, r))).OrderBy(_ => Random.Shared.Next()),
    ];
    private long _next = -1;

    public static IReadOnlyList<string> DemoRecipients { get; } =
    [.. Enumerable.Range(1, 17).Select(i => $"90110{i:D2}").Concat(Enumerable.Range(1, 9).Select(i => $"90120{i:D2}"))];

    public (byte[] Letter, string Recipient) Next() => _items[Interlocked.Increment(ref _next) % _items.Length];
}
