using SmartOffice.Exchange.Audit;

namespace SmartOffice.Exchange.Tests;

/// <summary>An audit line's hash covers every field and the previous line, so no edit goes unnoticed.</summary>
[TestClass]
public sealed class AuditHashTests
{
    private static AuditEntry Line() =>
        new()
        {
            Sequence = 7,
            Time = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
            Actor = "staff:1",
            Organization = "9011001",
            Action = "document.read",
            Target = "letter-1",
            Address = "10.0.0.1",
            Details = "d",
            PreviousHash = AuditLog.Genesis,
            Hash = "",
        };

    [TestMethod]
    public void Changing_any_field_changes_the_hash()
    {
        var original = AuditLog.HashOf(Line());
        Action<AuditEntry>[] edits =
        [
            e => e.Sequence = 8,
            e => e.Time = e.Time.AddMilliseconds(1),
            e => e.Actor = "staff:2",
            e => e.Organization = null,
            e => e.Action = "document.printed",
            e => e.Target = "letter-2",
            e => e.Address = "10.0.0.2",
            e => e.Details = "e",
            e => e.PreviousHash = new string('1', 64),
        ];
        foreach (var edit in edits)
        {
            var line = Line();
            edit(line);
            Assert.AreNotEqual(original, AuditLog.HashOf(line));
        }

        Assert.AreEqual(original, AuditLog.HashOf(Line()));
    }

    [TestMethod]
    public void Moving_text_between_fields_changes_the_hash()
    {
        var a = Line();
        a.Target = "x";
        a.Details = "y z";
        var b = Line();
        b.Target = "x y";
        b.Details = "z";
        Assert.AreNotEqual(AuditLog.HashOf(a), AuditLog.HashOf(b));
    }
}
