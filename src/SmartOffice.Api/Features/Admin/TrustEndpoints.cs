using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SmartOffice.Api.Errors;
using SmartOffice.Signing;
using SmartOffice.Signing.Revocation;

namespace SmartOffice.Api.Features.Admin;

public sealed record CrlUrlRequest(string? Url);

/// <summary>What the validator trusts now: anchors, intermediates, CRLs and any file it could not read.</summary>
public sealed record TrustSummary(
    IReadOnlyList<string> Anchors,
    IReadOnlyList<string> Intermediates,
    int Crls,
    DateTimeOffset? EarliestCrlNextUpdate,
    IReadOnlyList<string> Problems
)
{
    public static TrustSummary Of(PdfSignatureValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        return new(
            [.. validator.Trust.Anchors.Select(c => c.Subject)],
            [.. validator.Trust.Intermediates.Select(c => c.Subject)],
            validator.Trust.CrlCount,
            validator.Trust.EarliestCrlNextUpdate,
            validator.Trust.Problems
        );
    }
}

/// <summary>
/// The trust list, managed without a restart: certificates and CRLs uploaded here are written to the trust and
/// CRL folders (shared by every instance) and the validator reloads them.
/// </summary>
internal static class TrustEndpoints
{
    public static RouteGroupBuilder MapTrustApi(this RouteGroupBuilder group)
    {
        group.MapGet("trust", (PdfSignatureValidator validator) => TypedResults.Ok(TrustSummary.Of(validator)));
        group.MapPost("trust/anchors", AddCertificateAsync).DisableAntiforgery();
        group.MapPost("trust/crls", AddCrlAsync).DisableAntiforgery();
        group.MapPost(
            "trust/reload",
            async (
                SmartOffice.Api.Infrastructure.CrlRefresher refresher,
                PdfSignatureValidator validator,
                CancellationToken cancellationToken
            ) =>
            {
                await refresher.RefreshAsync(cancellationToken);
                return TypedResults.Ok(TrustSummary.Of(validator));
            }
        );
        group.MapPost("trust/crl-urls", AddCrlUrlAsync);
        return group;
    }

    private static async Task<Results<Ok<TrustSummary>, ProblemHttpResult>> AddCertificateAsync(
        HttpRequest request,
        PdfSignatureValidator validator,
        IOptions<SignatureValidationOptions> options,
        CancellationToken cancellationToken
    )
    {
        var (buffer, length, tooLarge) = await BoundedRead.ReadAsync(request.Body, 256 * 1024, cancellationToken);
        var bytes = buffer.AsSpan(0, length).ToArray();
        X509Certificate2 certificate;
        try
        {
            var text = System.Text.Encoding.ASCII.GetString(bytes);
            certificate = text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)
                ? X509Certificate2.CreateFromPem(text)
                : X509CertificateLoader.LoadCertificate(bytes);
        }
        catch (CryptographicException) when (!tooLarge)
        {
            return Problems.Validation("The body is not a certificate (PEM or DER).");
        }

        var folder = options.Value.TrustDir
            ?? throw new InvalidOperationException("Signing:TrustDir is not configured");
        await File.WriteAllTextAsync(
            Path.Combine(folder, certificate.GetCertHashString(HashAlgorithmName.SHA256) + ".pem"),
            certificate.ExportCertificatePem(),
            cancellationToken
        );
        validator.ReloadTrust();
        return TypedResults.Ok(TrustSummary.Of(validator));
    }

    private static async Task<Results<Ok<TrustSummary>, ProblemHttpResult>> AddCrlAsync(
        HttpRequest request,
        PdfSignatureValidator validator,
        IOptions<SignatureValidationOptions> options,
        CancellationToken cancellationToken
    )
    {
        var (bytes, length, tooLarge) = await BoundedRead.ReadAsync(request.Body, 16 * 1024 * 1024, cancellationToken);
        var crl = bytes.AsSpan(0, length).ToArray();
        var folder = options.Value.CrlDir
            ?? (options.Value.CrlPaths.Count > 0 ? options.Value.CrlPaths[0] : null)
            ?? throw new InvalidOperationException("Signing:CrlDir is not configured");
        switch (tooLarge ? CrlStoreOutcome.NotACrl : CrlFolder.Store(folder, crl))
        {
            case CrlStoreOutcome.NotACrl:
                return Problems.Validation("The body is not a CRL (DER or PEM), or it is larger than 16 MiB.");
            case CrlStoreOutcome.KeptNewer:
                return Problems.Validation(
                    "The service already holds a CRL of this issuer that is as new or newer; the upload was not stored."
                );
        }

        validator.ReloadTrust();
        return TypedResults.Ok(TrustSummary.Of(validator));
    }

    private static async Task<Results<Ok<TrustSummary>, ProblemHttpResult>> AddCrlUrlAsync(
        CrlUrlRequest request,
        SmartOffice.Api.Infrastructure.CrlRefresher refresher,
        PdfSignatureValidator validator,
        IOptions<SignatureValidationOptions> options,
        CancellationToken cancellationToken
    )
    {
        if (
            !Uri.TryCreate(request.Url, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https" or "file")
        )
        {
            return Problems.Validation("url must be an absolute http, https or file URL.");
        }

        var folder = options.Value.CrlDir ?? throw new InvalidOperationException("Signing:CrlDir is not configured");
        await File.AppendAllLinesAsync(
            Path.Combine(folder, SmartOffice.Api.Infrastructure.CrlRefresher.UrlListFile),
            [uri.ToString()],
            cancellationToken
        );
        await refresher.RefreshAsync(cancellationToken);
        return TypedResults.Ok(TrustSummary.Of(validator));
    }
}
