using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Outbox;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Tests;

/// <summary>
/// A letter a long outage left Queued is published again and delivered; stale temporary archive files go.
/// </summary>
[TestClass]
public sealed class StuckLetterSweeperTests
{
    [TestMethod]
    public async Task A_letter_left_queued_is_published_again_and_delivered()
    {
        using var factory = new ApiFactory("Sqlite");
        using var company = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var id = Guid.Parse(
            (await company.AcceptedAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001"))
                .GetProperty("id")
                .GetString()!
        );
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        for (
            var i = 0;
            i < 100 && await db.Deliveries.AnyAsync(d => d.LetterId == id && d.State == DeliveryState.Queued);
            i++
        )
        {
            await Task.Delay(100);
        }

        // As if the delivery had been lost: back to Queued, accepted an hour ago, its message long sent.
        await db
            .Deliveries.Where(d => d.LetterId == id)
            .ExecuteUpdateAsync(s =>
                s.SetProperty(d => d.State, DeliveryState.Queued).SetProperty(d => d.DeliveredAt, (DateTimeOffset?)null)
            );
        await db
            .Letters.Where(l => l.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.SubmittedAt, DateTimeOffset.UtcNow.AddHours(-1)));
        var temporary = Path.Combine(factory.DataPath, "archive", "tmp", "crashed-writer.part");
        Directory.CreateDirectory(Path.GetDirectoryName(temporary)!);
        await File.WriteAllTextAsync(temporary, "half a record");
        File.SetLastWriteTimeUtc(temporary, DateTime.UtcNow.AddHours(-2));

        var swept = await factory.Services.GetRequiredService<StuckLetterSweeper>().SweepAsync(CancellationToken.None);

        Assert.IsGreaterThanOrEqualTo(1, swept.Republished);
        Assert.IsFalse(File.Exists(temporary));
        var state = DeliveryState.Queued;
        for (var i = 0; i < 100 && state == DeliveryState.Queued; i++)
        {
            await Task.Delay(100);
            state = await db.Deliveries.AsNoTracking().Where(d => d.LetterId == id).Select(d => d.State).SingleAsync();
        }

        Assert.AreEqual(DeliveryState.Delivered, state);
    }
}
