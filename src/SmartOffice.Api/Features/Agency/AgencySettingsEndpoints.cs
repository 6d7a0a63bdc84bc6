using SmartOffice.Api.Auth;
using SmartOffice.Api.Errors;

namespace SmartOffice.Api.Features.Agency;

/// <summary>GET/PUT /api/agency/settings: the agency's own defaults. Agency admins only.</summary>
internal static class AgencySettingsEndpoints
{
    public static RouteGroupBuilder MapAgencySettings(this RouteGroupBuilder group)
    {
        group.MapGet("settings", async (HttpContext context, AgencySettingsService settings, CancellationToken ct) =>
            (await settings.GetAsync(Caller.From(context.User)!, ct)).OkOrProblem()
        );
        group.MapPut(
            "settings",
            async (
                SaveAgencySettingsRequest request,
                HttpContext context,
                AgencySettingsService settings,
                CancellationToken ct
            ) =>
                (
                    await settings.SaveAsync(
                        Caller.From(context.User)!,
                        request,
                        context.Connection.RemoteIpAddress?.ToString(),
                        ct
                    )
                ).NoContentOrProblem()
        );
        return group;
    }
}
