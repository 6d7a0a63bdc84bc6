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

    /// <summary>The keyset cursor of the previous page (<see cref="Shared.TimeCursor"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    public IReadOnlyList<OutboxLetter> Letters { get; private set; } = [];

    public string? OlderUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var page = await new OutboxReader(db).ReadAsync(Caller.OrganizationId, Search, Before, PageSize, cancellationToken);
        Letters = page.Letters;
        if (page.NextCursor is { } next)
        {
            var query = string.IsNullOrWhiteSpace(Search) ? "" : $"q={Uri.EscapeDataString(Search.Trim())}&";
            OlderUrl = $"/outbox?{query}before={Uri.EscapeDataString(next)}";
        }
    }

    /// <summary>One letter's block, for the live update to replace in place; 404 for anyone but its sender.</summary>
    public async Task<IActionResult> OnGetLetterAsync(Guid id, CancellationToken cancellationToken)
    {
        var letter = await new OutboxReader(db).ReadOneAsync(Caller.OrganizationId, id, cancellationToken);
        return letter is null ? NotFound() : Partial("_OutboxLetter", letter);
    }
}
