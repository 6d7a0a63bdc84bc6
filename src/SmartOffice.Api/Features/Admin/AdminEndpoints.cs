using SmartOffice.Api.Auth;
using SmartOffice.Api.Errors;

namespace SmartOffice.Api.Features.Admin;

/// <summary>
/// Service administration: accounts (create, suspend, flagged list), trust and audit. Service administrators only.
/// </summary>
internal static class AdminEndpoints
{
    public const string Policy = "service-admin";

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("api/admin").WithTags("Administration").RequireAuthorization(Policy);
        group.MapGet(
            "accounts",
            async (bool? flagged, bool? suspended, AccountAdministration accounts, CancellationToken ct) =>
                TypedResults.Ok(await accounts.ListAsync(flagged, suspended, ct))
        );
        group.MapPost(
            "accounts",
            async (CreateAccountRequest request, AccountAdministration accounts, CancellationToken ct) =>
                (await accounts.CreateAsync(request, ct)).CreatedOrProblem(account =>
                    $"/api/admin/accounts/{account.RegistryNumber}"
                )
        );
        group.MapPost(
            "accounts/{registryNumber}/suspend",
            (string registryNumber, HttpContext context, AccountAdministration accounts, CancellationToken ct) =>
                SetSuspendedAsync(registryNumber, true, context, accounts, ct)
        );
        group.MapPost(
            "accounts/{registryNumber}/unsuspend",
            (string registryNumber, HttpContext context, AccountAdministration accounts, CancellationToken ct) =>
                SetSuspendedAsync(registryNumber, false, context, accounts, ct)
        );
        group.MapTrustApi();
        group.MapAuditApi();
        return routes;
    }

    private static async Task<IResult> SetSuspendedAsync(
        string registryNumber,
        bool suspended,
        HttpContext context,
        AccountAdministration accounts,
        CancellationToken ct
    ) =>
        (
            await accounts.SetSuspendedAsync(
                Caller.From(context.User)!,
                registryNumber,
                suspended,
                context.Connection.RemoteIpAddress?.ToString(),
                ct
            )
        ).NoContentOrProblem();
}
