using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Bench;

/// <summary>
/// The product: POST /api/letters on the Api (bearer token), deliveries read back through its own DbContext. Its
/// fsyncs are counted inside the archive store only, out of reach here: the disk's flushes stand in for them.
/// </summary>
internal sealed class ProductPipeline(IServiceProvider services, HttpClient http, DatabaseRoundTrips roundTrips)
    : IDeliveryPipeline
{
    public string Name => "product";

    public long RoundTrips => roundTrips.Count;

    public long? Fsyncs => null;

    public async Task<Guid?> SubmitAsync(byte[] letter, string recipient)
    {
        using var form = LetterForm.Of(letter, recipient);
        using var response = await http.PostAsync("/api/letters", form);
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid()
            : null;
    }

    public async Task<int> PendingAsync(IReadOnlyList<Guid> letters)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        return await db.Deliveries.CountAsync(d => letters.Contains(d.LetterId) && d.State == DeliveryState.Queued);
    }

    public async Task<IReadOnlyList<(DateTimeOffset Submitted, DateTimeOffset Delivered)>> DeliveredAsync(
        IReadOnlyList<Guid> letters
    )
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var rows = await db
            .Deliveries.AsNoTracking()
            .Where(d => letters.Contains(d.LetterId) && d.DeliveredAt != null)
            .Select(d => new { d.DeliveredAt, d.Letter!.SubmittedAt })
            .ToListAsync();
        return [.. rows.Select(r => (r.SubmittedAt, r.DeliveredAt!.Value))];
    }
}
