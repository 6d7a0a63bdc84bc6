using SmartOffice.Api.Features.Receipts;

namespace SmartOffice.Api.Features.Letters;

/// <summary>The /api/letters group: submission and reads.</summary>
internal static class LetterEndpoints
{
    public static IEndpointRouteBuilder MapLettersApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("api/letters").WithTags("Letters").RequireAuthorization().MapSubmitLetter().MapLetterReads();
        routes.MapGroup("api/letters").WithTags("Receipts").RequireAuthorization().MapReceipts();
        return routes;
    }
}
