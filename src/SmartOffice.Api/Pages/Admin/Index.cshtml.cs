using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SmartOffice.Api.Features.Admin;
using SmartOffice.Api.Outbox;
using SmartOffice.Api.Web;
using SmartOffice.Exchange.Audit;
using SmartOffice.Exchange.Messaging;
using SmartOffice.Signing;

namespace SmartOffice.Api.Pages.Admin;

/// <summary>
/// The service administrator's desk: accounts flagged by recipients (advertising, abuse) first, suspension, the trust
/// list's state, delivery (the outbox's lag, the error queue with its replay) and, on demand, a check of the audit
/// chain. Same services as /api/admin and the Worker's /admin/errors.
/// </summary>
[Authorize(Policy = WorkspacePolicies.ServiceAdmin)]
internal sealed class IndexModel(
    AccountAdministration accounts,
    AuditLog audit,
    PdfSignatureValidator validator,
    OutboxLag outboxLag,
    FailedDeliveries failures,
    UiText text
) : WorkspacePage
{
    // A page must answer even when the broker does not: its client would wait 30 s to connect.
    private static readonly TimeSpan BrokerTimeout = TimeSpan.FromSeconds(5);

    /// <summary>flagged (default), suspended or all.</summary>
    [BindProperty(SupportsGet = true)]
    public string Show { get; set; } = "flagged";

    public IReadOnlyList<AccountItem> Accounts { get; private set; } = [];

    public TrustSummary Trust { get; private set; } = null!;

    public AuditVerification? AuditCheck { get; private set; }

    public TimeSpan OutboxLag { get; private set; }

    /// <summary>False on the embedded transport, which has no error queue.</summary>
    public bool HasErrorQueue => failures.IsApplicable;

    /// <summary>Null when there is no error queue or the broker did not answer.</summary>
    public uint? ErrorQueueDepth { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSuspendAsync(
        string registryNumber,
        bool suspend,
        CancellationToken cancellationToken
    )
    {
        var refusal = await accounts.SetSuspendedAsync(
            Caller,
            registryNumber,
            suspend,
            HttpContext.Connection.RemoteIpAddress?.ToString(),
            cancellationToken
        );
        if (RefusalText(refusal) is { } problem)
        {
            Failure = $"{text["admin.refused"]} {problem}";
        }
        else
        {
            Notice = text.Format(suspend ? "admin.suspended" : "admin.unsuspended", registryNumber);
        }

        return RedirectToPage(new { Show });
    }

    /// <summary>
    /// Moves every failed delivery back to the delivery queue (as the Worker's POST /admin/errors/replay).
    /// </summary>
    public async Task<IActionResult> OnPostReplayAsync(CancellationToken cancellationToken)
    {
        if (!failures.IsApplicable)
        {
            Failure = $"{text["admin.refused"]} {text["admin.notApplicable"]}";
            return RedirectToPage(new { Show });
        }

        int replayed;
        try
        {
            replayed = await failures.ReplayAsync(1000, cancellationToken);
        }
        catch (Exception exception) when (IsBrokerFault(exception))
        {
            Failure = $"{text["admin.refused"]} {text["admin.brokerUnreachable"]}";
            return RedirectToPage(new { Show });
        }

        await audit.AppendAsync(
            Caller.Actor,
            Caller.RegistryNumber,
            "deliveries.replayed",
            FailedDeliveries.ErrorQueueName,
            HttpContext.Connection.RemoteIpAddress?.ToString(),
            $"{replayed} message(s)",
            cancellationToken
        );
        Notice = text.Format("admin.replayed", replayed);
        return RedirectToPage(new { Show });
    }

    /// <summary>Walks the whole audit chain; on demand only, because it reads every line.</summary>
    public async Task<IActionResult> OnPostVerifyAuditAsync(CancellationToken cancellationToken)
    {
        AuditCheck = await audit.VerifyAsync(cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var (flagged, suspended) = Show switch
        {
            "suspended" => ((bool?)null, (bool?)true),
            "all" => (null, null),
            _ => (true, null),
        };
        Accounts = await accounts.ListAsync(flagged, suspended, cancellationToken);
        Trust = TrustSummary.Of(validator);
        OutboxLag = await outboxLag.OldestUnsentAgeAsync(cancellationToken);
        if (failures.IsApplicable)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(BrokerTimeout);
            try
            {
                ErrorQueueDepth = await failures.DepthAsync(deadline.Token);
            }
            catch (Exception exception)
                when (IsBrokerFault(exception)
                    || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested)
                )
            {
                ErrorQueueDepth = null;
            }
        }
    }

    private static bool IsBrokerFault(Exception exception) =>
        exception
            is RabbitMQ.Client.Exceptions.BrokerUnreachableException
                or RabbitMQ.Client.Exceptions.OperationInterruptedException
                or IOException
                or TimeoutException;
}
