using Microsoft.EntityFrameworkCore;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Outbox;

/// <summary>
/// How long the oldest unsent outbox message has waited (zero when none waits): readiness, the outbox lag gauge and the
/// service admin page read it. One seek on the partial index of unsent rows (IX_OutboxMessages_Unsent), so every
/// scrape and probe may ask the database afresh.
/// </summary>
internal sealed class OutboxLag(IServiceScopeFactory scopes, TimeProvider time)
{
    public async Task<TimeSpan> OldestUnsentAgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return AgeOf(await Oldest(scope).FirstOrDefaultAsync(cancellationToken));
    }

    /// <summary>The same, for metric callbacks, which cannot await.</summary>
    public TimeSpan OldestUnsentAge()
    {
        using var scope = scopes.CreateScope();
        return AgeOf(Oldest(scope).FirstOrDefault());
    }

    private static IQueryable<DateTimeOffset?> Oldest(IServiceScope scope) =>
        scope
            .ServiceProvider.GetRequiredService<ExchangeDbContext>()
            .OutboxMessages.Where(m => m.SentAt == null)
            .OrderBy(m => m.Id)
            .Select(m => (DateTimeOffset?)m.CreatedAt);

    private TimeSpan AgeOf(DateTimeOffset? oldest) =>
        oldest is { } createdAt ? TimeSpan.FromTicks(Math.Max(0, (time.GetUtcNow() - createdAt).Ticks)) : TimeSpan.Zero;
}
