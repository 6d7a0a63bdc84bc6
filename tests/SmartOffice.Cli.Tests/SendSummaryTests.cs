using SmartOffice.Cli;
using SmartOffice.Cli.Commands;

namespace SmartOffice.Cli.Tests;

/// <summary>
/// `send` speaks to a person by default: the letter and its recipients, or the refusal in its own words.
/// </summary>
[TestClass]
public sealed class SendSummaryTests
{
    [TestMethod]
    public void An_accepted_letter_shows_its_id_hash_and_recipients_not_the_seal()
    {
        const string body = """
            {"id":"d2d0566a","status":"Accepted","documentSha256":"109c93ca",
             "recipients":[{"registryNumber":"9011001","name":"Нийслэлийн Засаг Даргын Тамгын Газар","state":"Queued"}],
             "evidence":{"seal":"MIIG..."}}
            """;
        var text = SendSummary.Format(202, body);

        StringAssert.StartsWith(text, "Accepted: letter d2d0566a");
        StringAssert.Contains(text, "SHA-256 109c93ca");
        StringAssert.Contains(text, "9011001 Нийслэлийн Засаг Даргын Тамгын Газар: Queued");
        Assert.DoesNotContain("MIIG", text);
    }

    [TestMethod]
    public void A_refusal_says_why_in_the_reports_words()
    {
        const string body = """
            {"code":"certificate_untrusted","detail":"x",
             "report":{"message":"The certificate is not from a trusted authority.",
             "messageMn":"Гэрчилгээ итгэмжлэгдсэн байгууллагынх биш."}}
            """;
        var text = SendSummary.Format(422, body);

        StringAssert.StartsWith(
            text,
            "Refused (certificate_untrusted, HTTP 422): The certificate is not from a trusted authority."
        );
        StringAssert.Contains(text, "Гэрчилгээ");
    }

    [TestMethod]
    public void Attachments_are_listed_and_a_refused_one_is_named()
    {
        const string accepted = """
            {"id":"d2d0566a","documentSha256":"109c93ca","recipients":[],
             "attachments":[{"number":1,"fileName":"Зураг.pdf","documentSha256":"aa11","size":5}]}
            """;
        StringAssert.Contains(SendSummary.Format(202, accepted), "+ attachment 1 Зураг.pdf: SHA-256 aa11");

        const string refused = """
            {"code":"signer_org_mismatch","detail":"Attachment 2 (b.pdf): signed by another organization.",
             "messageMn":"Хавсралт 2 (b.pdf): өөр байгууллага.","attachment":{"number":2,"fileName":"b.pdf"},
             "report":{"message":"signed by another organization.","messageMn":"өөр байгууллага."}}
            """;
        var text = SendSummary.Format(422, refused);
        StringAssert.StartsWith(text, "Refused (signer_org_mismatch, HTTP 422): Attachment 2 (b.pdf)");
        StringAssert.Contains(text, "Хавсралт 2 (b.pdf)");
    }

    [TestMethod]
    public void A_double_dash_ends_the_options()
    {
        var arguments = Arguments.Parse(["send", "--to", "9011001", "--", "--odd-name.pdf"]);
        CollectionAssert.AreEqual(new[] { "--odd-name.pdf" }, arguments.Positional);
        Assert.AreEqual("9011001", arguments.Value("--to"));
    }
}
