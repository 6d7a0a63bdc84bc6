using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Outbox;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Outbox;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Tests;

/// <summary>Rows that have done their job are removed; rows still in use, and records, are kept.</summary>
[TestClass]
public sealed class HousekeepingTests
{
    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Removes_expired_nonces_old_idempotency_answers_and_long_sent_outbox_rows_only(string provider)
    {
        ApiFactory.RequireProvider(provider);
        using var factory = new ApiFactory(provider);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var now = DateTimeOffset.UtcNow;
        db.AuthChallenges.AddRange(
            new AuthChallenge
            {
                Nonce = "expired-long-ago",
                ExpiresAt = now.AddHours(-2),
                CreatedAt = now.AddHours(-3),
            },
            new AuthChallenge
            {
                Nonce = "still-valid",
                ExpiresAt = now.AddMinutes(5),
                CreatedAt = now,
            }
        );
        db.IdempotencyRecords.AddRange(
            new IdempotencyRecord
            {
                AccountId = Guid.NewGuid(),
                Key = "old",
                ResponseJson = "{}",
                CreatedAt = now.AddHours(-73),
            },
            new IdempotencyRecord
            {
                AccountId = Guid.NewGuid(),
                Key = "recent",
                ResponseJson = "{}",
                CreatedAt = now.AddHours(-1),
            }
        );
        db.OutboxMessages.AddRange(
            new OutboxMessage
            {
                MessageType = "t",
                Payload = "sent-long-ago",
                CreatedAt = now.AddDays(-9),
                SentAt = now.AddDays(-8),
            },
            new OutboxMessage
            {
                MessageType = "t",
                Payload = "sent-yesterday",
                CreatedAt = now.AddDays(-1),
                SentAt = now.AddDays(-1),
            },
            new OutboxMessage
            {
                MessageType = "t",
                Payload = "never-sent",
                CreatedAt = now.AddDays(-30),
            }
        );
        await db.SaveChangesAsync();

        var swept = await factory.Services.GetRequiredService<Housekeeping>().SweepAsync(CancellationToken.None);

        Assert.AreEqual(new Housekeeping.Swept(1, 1, 1), swept);
        CollectionAssert.AreEquivalent(
            new[] { "still-valid" },
            await db
                .AuthChallenges.Where(c => c.Nonce == "still-valid" || c.Nonce == "expired-long-ago")
                .Select(c => c.Nonce)
                .ToListAsync()
        );
        CollectionAssert.AreEquivalent(
            new[] { "recent" },
            await db.IdempotencyRecords.Select(r => r.Key).ToListAsync()
        );
        CollectionAssert.AreEquivalent(
            new[] { "sent-yesterday", "never-sent" },
            await db.OutboxMessages.Where(m => m.MessageType == "t").Select(m => m.Payload).ToListAsync()
        );
    }
}
