using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Exchange.Configuration;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Outbox;

/// <summary>
/// Deletes rows that have done their job, so the tables on the submission path do not grow forever: login nonces an
/// hour after they expired, Idempotency-Key answers after <c>Limits:IdempotencyKeyHours</c> (72), and outbox rows
/// <c>Outbox:KeepSentDays</c> (7) after the broker confirmed them. Letters, evidences, deliveries and the audit log
/// are records and are never deleted. Safe with several Api instances: each delete is idempotent.
/// </summary>
internal sealed class Housekeeping(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<OutboxOptions> outbox,
    IOptions<Infrastructure.LimitsOptions> limits,
    ILogger<Housekeeping> logger
) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(10);

    public sealed record Swept(int Challenges, int IdempotencyRecords, int OutboxMessages);

    public async Task<Swept> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var now = time.GetUtcNow();
        var challengesBefore = now.AddHours(-1);
        var keysBefore = now.AddHours(-limits.Value.IdempotencyKeyHours);
        var sentBefore = now.AddDays(-outbox.Value.KeepSentDays);
        var swept = new Swept(
            await db.AuthChallenges.Where(c => c.ExpiresAt < challengesBefore).ExecuteDeleteAsync(cancellationToken),
            await db.IdempotencyRecords.Where(r => r.CreatedAt < keysBefore).ExecuteDeleteAsync(cancellationToken),
            await db
                .OutboxMessages.Where(m => m.SentAt != null && m.SentAt < sentBefore)
                .ExecuteDeleteAsync(cancellationToken)
        );
        if (swept != new Swept(0, 0, 0))
        {
            logger.LogInformation(
                "Housekeeping removed {Challenges} expired login nonces, {Keys} old idempotency answers and "
                    + "{Outbox} sent outbox rows",
                swept.Challenges,
                swept.IdempotencyRecords,
                swept.OutboxMessages
            );
        }

        return swept;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Housekeeping failed; it runs again in {Every}", Every);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
