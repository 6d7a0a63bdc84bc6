using SmartOffice.Exchange.Letters;

namespace SmartOffice.Exchange.Evidence;

/// <summary>
/// A letter's evidences in chain order: each names the one before it (<c>previousEvidenceId</c>). Event time cannot
/// give that order: the Api and the Worker stamp events with their own hosts' clocks, so a worker a few milliseconds
/// behind puts a delivery before the acceptance it follows, and "the latest" would chain the next evidence to the wrong
/// one (a fork).
/// </summary>
public static class EvidenceChain
{
    public static List<EvidenceRecord> Order(IEnumerable<EvidenceRecord> evidences) =>
        Order(evidences, e => e.Id, e => e.PreviousEvidenceId, e => e.EventTime);

    /// <summary>
    /// The evidence a new one chains after: the end of the chain; null for a letter without evidence.
    /// </summary>
    public static Guid? End(IEnumerable<EvidenceRecord> evidences) => Order(evidences).LastOrDefault()?.Id;

    /// <summary>
    /// Walks the chain from its start. Records that should not exist (a fork, a cycle, a link to a missing evidence)
    /// are still all returned: siblings by event time, records off the chain at the end by event time.
    /// </summary>
    public static List<T> Order<T>(
        IEnumerable<T> evidences,
        Func<T, Guid> id,
        Func<T, Guid?> previous,
        Func<T, DateTimeOffset> eventTime
    )
    {
        ArgumentNullException.ThrowIfNull(evidences);
        var all = evidences.OrderBy(eventTime).ThenBy(id).ToList();
        var ids = all.Select(id).ToHashSet();
        var followers = all.Where(e => previous(e) is { } p && ids.Contains(p)).ToLookup(e => previous(e)!.Value);
        var ordered = new List<T>(all.Count);
        var seen = new HashSet<Guid>();
        var pending = new Stack<T>(all.Where(e => previous(e) is not { } p || !ids.Contains(p)).Reverse());
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(id(current)))
            {
                continue;
            }

            ordered.Add(current);
            foreach (var next in followers[id(current)].Reverse())
            {
                pending.Push(next);
            }
        }

        ordered.AddRange(all.Where(e => !seen.Contains(id(e))));
        return ordered;
    }
}
