using Microsoft.AspNetCore.Mvc;
using SmartOffice.Api.Features.Letters;
using SmartOffice.Api.Web;

namespace SmartOffice.Api.Pages.Sent;

/// <summary>
/// The letters the caller's organization sent (at /outbox, the word senders know), newest first, each recipient's
/// timeline with its sealed evidences. Read through <see cref="SentLetters"/>, as GET /api/outbox is.
/// </summary>
internal sealed class IndexModel(SentLetters sent, SentTimelines timelines) : WorkspacePage
{
    private const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>The keyset cursor of the previous page (<see cref="TimeCursor"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    public IReadOnlyList<SentLetter> Letters { get; private set; } = [];

    public string? OlderUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var page = await sent.ReadAsync(
            Caller.OrganizationId,
            new SentFilter(Search),
            Before,
            PageSize,
            cancellationToken
        );
        Letters = await timelines.DescribeAsync([.. page.Letters], cancellationToken);
        if (page.NextCursor is { } next)
        {
            var query = string.IsNullOrWhiteSpace(Search) ? "" : $"q={Uri.EscapeDataString(Search.Trim())}&";
            OlderUrl = $"/outbox?{query}before={Uri.EscapeDataString(next)}";
        }
    }

    /// <summary>One letter's block, for the live update to replace in place; 404 for anyone but its sender.</summary>
    public async Task<IActionResult> OnGetLetterAsync(Guid id, CancellationToken cancellationToken)
    {
        var letter = await sent.ReadOneAsync(Caller.OrganizationId, id, cancellationToken);
        return letter is null
            ? NotFound()
            : Partial("_SentLetter", (await timelines.DescribeAsync([letter], cancellationToken))[0]);
    }
}
