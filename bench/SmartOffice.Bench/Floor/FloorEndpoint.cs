using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SmartOffice.Signing;

namespace SmartOffice.Bench.Floor;

/// <summary>
/// POST /letters on a bare Kestrel (no TLS, loopback, like the product's benchmark): the same multipart body as the
/// product's, validated by the product's validator, the document written and fsync'd, letter, delivery and sealed
/// evidence committed in one round trip, the message published and confirmed, 202. No authentication: a bearer check
/// is CPU only, no durable work.
/// </summary>
internal static class FloorEndpoint
{
    private const string Sender = "5123456";

    public static async Task<WebApplication> StartAsync(
        string url,
        PdfSignatureValidator validator,
        FloorFiles files,
        FloorStore store,
        FloorPublisher publisher
    )
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        app.MapPost("/letters", async context =>
        {
            var form = await context.Request.ReadFormAsync();
            var file = form.Files["file"];
            if (file is null)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            var content = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadExactlyAsync(content);
            }

            var report = validator.Validate(content, new ValidationRequest { ExpectedRegistryNumber = Sender });
            if (!report.Accepted)
            {
                context.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return;
            }

            var id = Guid.CreateVersion7();
            string[] recipients = [.. form["recipients"].Select(r => r!)];
            await files.WriteAsync(Path.Combine(files.Documents, $"{id}.pdf"), content);
            await store.AcceptAsync(id, Sender, form["subject"].ToString(), report.DocumentSha256!, recipients);
            await publisher.PublishAsync(new FloorMessage(id, report.DocumentSha256!, recipients));
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"id":"{{id}}"}""");
        });
        await app.StartAsync();
        return app;
    }
}
