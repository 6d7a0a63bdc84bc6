using SmartOffice.Api.Auth;
using SmartOffice.Api.Errors;

namespace SmartOffice.Api.Features.Agency;

/// <summary>/api/agency: the agency admin manages the agency's own staff and settings.</summary>
internal static class AgencyUserEndpoints
{
    public const string Policy = "agency-admin";

    public static IEndpointRouteBuilder MapAgencyApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("api/agency/users").WithTags("Agency administration").RequireAuthorization(Policy);
        group.MapGet("", async (HttpContext context, AgencyStaff staff, CancellationToken ct) =>
            TypedResults.Ok(await staff.ListAsync(Caller.From(context.User)!, ct))
        );
        group.MapPost(
            "",
            async (SaveStaffUserRequest request, HttpContext context, AgencyStaff staff, CancellationToken ct) =>
                (await staff.CreateAsync(Caller.From(context.User)!, request, ct)).CreatedOrProblem(user =>
                    $"/api/agency/users/{user.Id}"
                )
        );
        group.MapPut(
            "{id:guid}",
            async (
                Guid id,
                SaveStaffUserRequest request,
                HttpContext context,
                AgencyStaff staff,
                CancellationToken ct
            ) => (await staff.UpdateAsync(Caller.From(context.User)!, id, request, ct)).OkOrProblem()
        );
        routes
            .MapGroup("api/agency")
            .WithTags("Agency administration")
            .RequireAuthorization(Policy)
            .MapAgencySettings();
        return routes;
    }
}
