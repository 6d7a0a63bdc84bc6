using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Signing;
using SmartOffice.Signing.Evidence;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Exchange.Tests;

/// <summary>Evidence is sealed over its exact JSON, names its predecessor, and any change breaks the seal.</summary>
[TestClass]
public sealed class EvidenceWriterTests
{
    private static readonly DemoPki Pki = DemoPki.Create();

    [TestMethod]
    public void An_evidence_names_the_previous_one_and_its_seal_verifies_until_one_byte_changes()
    {
        var folder = Directory.CreateTempSubdirectory("smartoffice-pki-").FullName;
        Pki.WriteTo(folder);
        var verifier = new EvidenceSealVerifier(
            new PdfSignatureValidator(
                new SignatureValidationOptions
                {
                    TrustDir = Path.Combine(folder, "trust"),
                    CrlPaths = [Path.Combine(folder, "crl")],
                }
            )
        );
        var writer = new EvidenceWriter(new EvidenceSealer(Pki.Seal.Certificate, Pki.Seal.Chain));
        using var db = new ExchangeDbContext(
            new DbContextOptionsBuilder<ExchangeDbContext>().UseSqlite("Data Source=:memory:").Options
        );
        var letterId = Guid.NewGuid();
        var sha256 = new string('a', 64);
        db.Database.OpenConnection();
        using var transaction = db.Database.BeginTransaction();
        var acceptance = writer.AddFirst(
            db,
            new EvidenceDocument
            {
                Event = EvidenceEvents.SubmissionAcceptance,
                Issuer = "",
                EventTime = DateTimeOffset.UtcNow,
                Sender = "5123456",
                LetterId = letterId,
                DocumentSha256 = sha256,
            }
        );
        var delivery = writer.AddAfter(
            db,
            new EvidenceDocument
            {
                Event = EvidenceEvents.ContentConsignment,
                Issuer = "",
                EventTime = DateTimeOffset.UtcNow,
                Sender = "5123456",
                Recipient = "9011001",
                LetterId = letterId,
                DocumentSha256 = sha256,
            },
            acceptance.Id
        );

        Assert.AreEqual(acceptance.Id, delivery.PreviousEvidenceId);
        var sealed_ = JsonDocument.Parse(delivery.Json).RootElement;
        Assert.AreEqual(acceptance.Id, sealed_.GetProperty("previousEvidenceId").GetGuid());
        Assert.AreEqual(Pki.Seal.Certificate.Subject, sealed_.GetProperty("issuer").GetString());
        var seal = Convert.ToBase64String(delivery.Seal!);
        Assert.IsTrue(
            verifier.Verify(delivery.Json, seal, sha256).IsValid,
            verifier.Verify(delivery.Json, seal, sha256).Detail
        );

        var altered = delivery.Json.Replace("9011001", "9011002", StringComparison.Ordinal);
        Assert.IsFalse(verifier.Verify(altered, seal, sha256).IsValid);
        Assert.IsFalse(verifier.Verify(delivery.Json, seal, new string('b', 64)).IsValid);
    }

    [TestMethod]
    public void Evidence_is_refused_outside_a_transaction_where_the_chain_lock_would_not_hold()
    {
        var writer = new EvidenceWriter(new EvidenceSealer(Pki.Seal.Certificate, Pki.Seal.Chain));
        using var db = new ExchangeDbContext(
            new DbContextOptionsBuilder<ExchangeDbContext>().UseSqlite("Data Source=:memory:").Options
        );

        var refused = Assert.ThrowsExactly<InvalidOperationException>(() =>
            writer.AddFirst(
                db,
                new EvidenceDocument
                {
                    Event = EvidenceEvents.SubmissionAcceptance,
                    Issuer = "",
                    EventTime = DateTimeOffset.UtcNow,
                    Sender = "5123456",
                    LetterId = Guid.NewGuid(),
                    DocumentSha256 = new string('a', 64),
                }
            )
        );
        StringAssert.Contains(refused.Message, "LetterStep");
        Assert.AreEqual(0, db.ChangeTracker.Entries().Count(), "nothing was added");
    }
}
