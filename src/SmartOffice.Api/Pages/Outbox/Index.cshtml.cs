using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SmartOffice.Api.Web;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Pages.Outbox;

/// <summary>The letters the caller's organization sent, newest first, each recipient's timeline with its sealed evidences.</summary>
internal sealed class IndexModel(ExchangeDbContext db) : WorkspacePage
{
    private const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>The keyset cursor: UTC ticks of the submission time of the last letter on the previous page.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<OutboxLetter> Letters { get; private set; } = [];

    public string? OlderUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset? before = Before is { } ticks && ticks > 0 && ticks < DateTimeOffset.MaxValue.UtcTicks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
        var page = await new OutboxReader(db).ReadAsync(Caller.OrganizationId, Search, before, PageSize, cancellationToken);
        Letters = page.Letters;
        if (page.NextBefore is { } next)
        {
            var query = string.IsNullOrWhiteSpace(Search) ? "" : $"q={Uri.EscapeDataString(Search.Trim())}&";
            OlderUrl = $"/outbox?{query}before={next.UtcTicks.ToString(CultureInfo.InvariantCulture)}";
        }
    }

    /// <summary>One letter's block, for the live update to replace in place; 404 for anyone but its sender.</summary>
    public async Task<IActionResult> OnGetLetterAsync(Guid id, CancellationToken cancellationToken)
    {
        var letter = await new OutboxReader(db).ReadOneAsync(Caller.OrganizationId, id, cancellationToken);
        return letter is null ? NotFound() : Partial("_OutboxLetter", letter);
    }
}
