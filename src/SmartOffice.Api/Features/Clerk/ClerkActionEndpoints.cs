using SmartOffice.Api.Auth;
using SmartOffice.Api.Errors;
using SmartOffice.Api.Features.Letters;

namespace SmartOffice.Api.Features.Clerk;

public sealed record AssignRequest(string? Executor, DateOnly? DueDate);

public sealed record AnswerRequest(Guid? ReplyLetterId);

public sealed record ReasonRequest(string? Reason);

/// <summary>Forward to the agency <c>To</c> (registry number), saying why it is the competent one.</summary>
public sealed record ForwardRequest(string? To, string? Reason);

/// <summary>
/// Agency staff act on the delivery of a letter to their agency: register (incoming number), assign (executor, due
/// date), answer (a reply letter sent with inReplyTo), close, forward to the competent agency, and report as
/// advertising or abuse.
/// </summary>
internal static class ClerkActionEndpoints
{
    public static IEndpointRouteBuilder MapClerkApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("api/letters/{id:guid}").WithTags("Clerk actions").RequireAuthorization();
        group.MapPost("register", async (Guid id, HttpContext context, ClerkActions actions, CancellationToken ct) =>
            (await actions.RegisterAsync(id, Caller.From(context.User)!, ct)).OkOrProblem()
        );
        group.MapPost(
            "assign",
            async (Guid id, AssignRequest request, HttpContext context, ClerkActions actions, CancellationToken ct) =>
                (await actions.AssignAsync(id, request, Caller.From(context.User)!, ct)).OkOrProblem()
        );
        group.MapPost(
            "answer",
            async (Guid id, AnswerRequest request, HttpContext context, ClerkActions actions, CancellationToken ct) =>
                (await actions.AnswerAsync(id, request, Caller.From(context.User)!, ct)).OkOrProblem()
        );
        group.MapPost(
            "close",
            async (Guid id, ReasonRequest request, HttpContext context, ClerkActions actions, CancellationToken ct) =>
                (await actions.CloseAsync(id, request, Caller.From(context.User)!, ct)).OkOrProblem()
        );
        group.MapPost(
            "forward",
            async (
                Guid id,
                ForwardRequest request,
                HttpContext context,
                LetterForwarding forwarding,
                CancellationToken ct
            ) => (await forwarding.ForwardAsync(id, request, Caller.From(context.User)!, ct)).OkOrProblem()
        );
        group.MapPost(
            "report",
            async (Guid id, ReasonRequest request, HttpContext context, ClerkActions actions, CancellationToken ct) =>
                (await actions.ReportAsync(id, request, Caller.From(context.User)!, ct)).OkOrProblem()
        );
        return routes;
    }
}

/// <summary>The answer to every clerk action: the delivery as the recipient now sees it.</summary>
public sealed record ClerkActionResult(Guid LetterId, RecipientStatus Delivery);
