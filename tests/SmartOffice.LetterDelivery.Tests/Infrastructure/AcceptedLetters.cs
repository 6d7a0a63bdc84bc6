using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Contracts;
using SmartOffice.Exchange.Archive;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Organizations;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Exchange.Tests.Infrastructure;

namespace SmartOffice.LetterDelivery.Tests.Infrastructure;

/// <summary>
/// Letters as the Api leaves them at acceptance, written straight to the database: the letter, a Queued delivery per
/// recipient and the sealed acceptance evidence, committed in one letter step; the document in the archive. Returns
/// the LetterSubmitted message the outbox would publish for each.
/// </summary>
internal static class AcceptedLetters
{
    public const string Sender = "5123456";

    public static async Task<List<LetterSubmitted>> AddAsync(ExchangeHost host, params string[][] recipients)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var evidence = scope.ServiceProvider.GetRequiredService<EvidenceWriter>();
        var archive = scope.ServiceProvider.GetRequiredService<IArchiveStore>();
        var organizations = await DirectoryAsync(db, [Sender, .. recipients.SelectMany(r => r)]);

        var messages = new List<LetterSubmitted>();
        foreach (var to in recipients)
        {
            var document = System.Text.Encoding.UTF8.GetBytes($"%PDF-1.7 a signed letter {Guid.NewGuid():N}");
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(document));
            await archive.StoreDocumentAsync(sha256, document, CancellationToken.None);
            var letter = new Letter
            {
                SenderOrganizationId = organizations[Sender].Id,
                SenderRegistryNumber = Sender,
                Subject = "Агуулах барих зөвшөөрөл",
                DocumentSha256 = sha256,
                DocumentSize = document.Length,
                ValidationReportJson = "{\"accepted\":true}",
                RecipientKey = string.Join(',', to.Order(StringComparer.Ordinal)),
                SubmittedAt = DateTimeOffset.UtcNow,
                Deliveries =
                [
                    .. to.Select(r => new Delivery
                    {
                        RecipientOrganizationId = organizations[r].Id,
                        RecipientRegistryNumber = r,
                    }),
                ],
            };
            await LetterStep.RunAsync<bool>(
                db,
                [letter.Id],
                _ =>
                {
                    db.Letters.Add(letter);
                    evidence.AddFirst(
                        db,
                        new EvidenceDocument
                        {
                            Event = EvidenceEvents.SubmissionAcceptance,
                            EventTime = letter.SubmittedAt,
                            Issuer = evidence.Issuer,
                            Sender = Sender,
                            Recipient = letter.RecipientKey,
                            LetterId = letter.Id,
                            SubmissionTime = letter.SubmittedAt,
                            DocumentSha256 = sha256,
                        }
                    );
                    return Task.FromResult<Exchange.Refusals.Outcome<bool>>(true);
                },
                CancellationToken.None
            );
            db.ChangeTracker.Clear();
            messages.Add(
                new LetterSubmitted
                {
                    LetterId = letter.Id,
                    SenderRegistryNumber = Sender,
                    RecipientRegistryNumbers = to,
                    DocumentSha256 = sha256,
                    SubmittedAt = letter.SubmittedAt,
                }
            );
        }

        return messages;
    }

    /// <summary>The directory's active organizations with these registry numbers, added where missing.</summary>
    private static async Task<Dictionary<string, Organization>> DirectoryAsync(
        ExchangeDbContext db,
        IEnumerable<string> registryNumbers
    )
    {
        var wanted = registryNumbers.Distinct().ToList();
        var known = db.Organizations.Where(o => wanted.Contains(o.RegistryNumber)).ToDictionary(o => o.RegistryNumber);
        foreach (var number in wanted.Where(n => !known.ContainsKey(n)))
        {
            known[number] = db
                .Organizations.Add(
                    new Organization
                    {
                        RegistryNumber = number,
                        Name = $"Байгууллага {number}",
                        Kind = number == Sender ? OrganizationKind.Company : OrganizationKind.Agency,
                        CreatedAt = DateTimeOffset.UtcNow,
                    }
                )
                .Entity;
        }

        await db.SaveChangesAsync();
        return known;
    }
}
