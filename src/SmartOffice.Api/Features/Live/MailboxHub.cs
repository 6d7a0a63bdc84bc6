using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using SmartOffice.Api.Auth;

namespace SmartOffice.Api.Features.Live;

/// <summary>
/// /hubs/mailbox: open workspaces join their organization's group and receive "letterArrived" (a letter reached the
/// inbox) and "letterUpdated" (a letter they sent changed state). Bearer token in the query for WebSockets.
/// </summary>
[Authorize(AuthenticationSchemes = "Bearer," + Web.WorkspaceSession.Scheme)]
public sealed class MailboxHub : Hub
{
    public static string Group(Guid organizationId) => $"org:{organizationId:N}";

    public override async Task OnConnectedAsync()
    {
        if (Context.User is { } user && Caller.From(user) is { } caller)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, Group(caller.OrganizationId));
        }

        await base.OnConnectedAsync();
    }
}
