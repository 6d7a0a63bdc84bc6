using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Exchange.Notifications;

/// <summary>
/// Sends queued webhook events: POST of the JSON with X-SmartOffice-Signature: sha256=HMAC(secret, body). A 2xx
/// answer marks it delivered; anything else is retried with exponential backoff (up to 20 attempts over about a day),
/// each attempt's status kept for the organization's admin. Rows are leased, so several processes can dispatch.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes,
    IHttpClientFactory http,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger
) : BackgroundService
{
    public const int MaxAttempts = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchDueAsync(stoppingToken).ConfigureAwait(false) == 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
                when (exception is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                logger.LogWarning(exception, "Webhook dispatch failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var now = time.GetUtcNow();
        var due = await db
            .WebhookDeliveries.Where(d =>
                d.DeliveredAt == null
                && d.Attempts < MaxAttempts
                && d.NextAttemptAt <= now
                && (d.ClaimedUntil == null || d.ClaimedUntil < now)
            )
            .OrderBy(d => d.Id)
            .Select(d => d.Id)
            .Take(20)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var sent = 0;
        foreach (var id in due)
        {
            var leased = await db
                .WebhookDeliveries.Where(d =>
                    d.Id == id && d.DeliveredAt == null && (d.ClaimedUntil == null || d.ClaimedUntil < now)
                )
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, now.AddMinutes(1)), cancellationToken)
                .ConfigureAwait(false);
            if (leased == 1)
            {
                await SendAsync(db, id, cancellationToken).ConfigureAwait(false);
                sent++;
            }
        }

        return sent;
    }

    private async Task SendAsync(ExchangeDbContext db, long id, CancellationToken cancellationToken)
    {
        var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false);
        var subscription = await db
            .WebhookSubscriptions.AsNoTracking()
            .FirstOrDefaultAsync(s => s.OrganizationId == delivery.OrganizationId, cancellationToken)
            .ConfigureAwait(false);
        delivery.Attempts++;
        delivery.ClaimedUntil = null;
        var failure = "http_error";
        try
        {
            if (subscription is null)
            {
                throw new InvalidOperationException("the organization removed its webhook");
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
            {
                Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-SmartOffice-Event", delivery.Event);
            request.Headers.Add("X-SmartOffice-Delivery", delivery.Id.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-SmartOffice-Signature", "sha256=" + Sign(subscription.Secret, delivery.Payload));
            using var client = http.CreateClient(WebhookAddresses.ClientName);
            client.Timeout = TimeSpan.FromSeconds(10);
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            delivery.LastStatus = (int)response.StatusCode;
            delivery.LastError = response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
            if (response.IsSuccessStatusCode)
            {
                delivery.DeliveredAt = time.GetUtcNow();
            }
        }
        catch (Exception exception)
            when (exception
                    is HttpRequestException
                        or TaskCanceledException
                        or InvalidOperationException
                        or UriFormatException
            )
        {
            delivery.LastError = exception.Message.Length > 500 ? exception.Message[..500] : exception.Message;
            failure = exception switch
            {
                TaskCanceledException => "timeout",
                InvalidOperationException when subscription is null => "no_webhook",
                _ => "unreachable",
            };
        }

        if (delivery.DeliveredAt is null)
        {
            Telemetry.ExchangeTelemetry.WebhookFailed(failure);
            delivery.NextAttemptAt = time.GetUtcNow().AddSeconds(Math.Min(3600, Math.Pow(2, delivery.Attempts - 1)));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Lowercase hex HMAC-SHA256 of the body with the organization's secret (receivers recompute it).
    /// </summary>
    public static string Sign(string secret, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
}
