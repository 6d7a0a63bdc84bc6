using SmartOffice.Api.Auth;
using SmartOffice.Api.Errors;

namespace SmartOffice.Api.Features.Webhooks;

/// <summary>
/// PUT /api/webhook sets the organization's URL and secret; GET /api/webhook shows it with recent deliveries.
/// </summary>
internal static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("api/webhook").WithTags("Notifications").RequireAuthorization();
        group.MapGet("", async (HttpContext context, WebhookSettingsService webhooks, CancellationToken ct) =>
            (await webhooks.GetAsync(Caller.From(context.User)!, ct)).OkOrProblem()
        );
        group.MapPut(
            "",
            async (
                WebhookRequest request,
                HttpContext context,
                WebhookSettingsService webhooks,
                CancellationToken ct
            ) => (await webhooks.SaveAsync(Caller.From(context.User)!, request, ct)).NoContentOrProblem()
        );
        return routes;
    }
}
