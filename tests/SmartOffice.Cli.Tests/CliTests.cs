using System.Text.Json;

namespace SmartOffice.Cli.Tests;

/// <summary>
/// The `smartoffice` contract of DESIGN.md: commands, exit codes (0 ok, 1 refused, 2 usage/I-O) and JSON Lines.
/// </summary>
[TestClass]
public sealed class CliTests
{
    private static string s_folder = "";

    private static string Pki => Path.Combine(s_folder, "pki");

    private static string Signed => Path.Combine(s_folder, "signed.pdf");

    private static string Tampered => Path.Combine(s_folder, "tampered.pdf");

    [ClassInitialize]
    public static async Task MakeDemoFilesAsync(TestContext context)
    {
        _ = context;
        s_folder = Directory.CreateTempSubdirectory("smartoffice-cli-").FullName;
        Assert.AreEqual(0, (await RunAsync("pki", "init", Pki)).Code);
        Assert.AreEqual(0, (await RunAsync("sample-letter", Path.Combine(s_folder, "letter.pdf"))).Code);
        Assert.AreEqual(
            0,
            (
                await RunAsync(
                    "sign",
                    Path.Combine(s_folder, "letter.pdf"),
                    Signed,
                    "--p12",
                    Path.Combine(Pki, "p12", "company-a.p12"),
                    "--password",
                    "demo"
                )
            ).Code
        );
        var bytes = await File.ReadAllBytesAsync(Signed);
        bytes[100] ^= 0x20;
        await File.WriteAllBytesAsync(Tampered, bytes);
    }

    [TestMethod]
    public void Pki_init_writes_the_trust_folder_crls_and_keys()
    {
        Assert.IsTrue(File.Exists(Path.Combine(Pki, "trust", "root.pem")));
        Assert.IsTrue(File.Exists(Path.Combine(Pki, "crl", "issuing-ca.crl")));
        Assert.IsTrue(File.Exists(Path.Combine(Pki, "p12", "revoked.p12")));
    }

    [TestMethod]
    public async Task Verify_accepts_a_signed_letter_with_exit_code_0_and_one_json_line()
    {
        var (code, output, _) = await RunAsync(
            "verify",
            Signed,
            "--trust",
            Path.Combine(Pki, "trust"),
            "--crl",
            Path.Combine(Pki, "crl"),
            "--expect-org",
            "5123456",
            "--json"
        );

        Assert.AreEqual(0, code);
        var lines = Lines(output);
        Assert.HasCount(1, lines);
        var report = lines[0];
        Assert.AreEqual(Signed, report.GetProperty("file").GetString());
        Assert.IsTrue(report.GetProperty("accepted").GetBoolean());
        Assert.AreEqual("ok", report.GetProperty("code").GetString());
        Assert.AreEqual("TOTAL_PASSED", report.GetProperty("indication").GetString());
        Assert.AreEqual(64, report.GetProperty("documentSha256").GetString()!.Length);
        Assert.AreEqual("5123456", report.GetProperty("signer").GetProperty("registryNumber").GetString());
        Assert.IsGreaterThan(5, report.GetProperty("checks").GetArrayLength());
    }

    [TestMethod]
    public async Task Verify_refuses_a_tampered_copy_with_exit_code_1()
    {
        var (code, output, _) = await RunAsync(
            "verify",
            Tampered,
            "--trust",
            Path.Combine(Pki, "trust"),
            "--crl",
            Path.Combine(Pki, "crl"),
            "--json"
        );

        Assert.AreEqual(1, code);
        var report = Lines(output).Single();
        Assert.IsFalse(report.GetProperty("accepted").GetBoolean());
        Assert.AreNotEqual("ok", report.GetProperty("code").GetString());
    }

    [TestMethod]
    public async Task Verify_takes_many_files_in_one_run_and_reports_them_in_order()
    {
        var (code, output, _) = await RunAsync(
            "verify",
            Signed,
            Tampered,
            "--trust",
            Path.Combine(Pki, "trust"),
            "--crl",
            Path.Combine(Pki, "crl"),
            "--json"
        );

        Assert.AreEqual(1, code);
        var lines = Lines(output);
        Assert.HasCount(2, lines);
        Assert.AreEqual(Signed, lines[0].GetProperty("file").GetString());
        Assert.AreEqual(Tampered, lines[1].GetProperty("file").GetString());
    }

    [TestMethod]
    public async Task Verify_reports_signer_org_mismatch_for_another_sender()
    {
        var (code, output, _) = await RunAsync(
            "verify",
            Signed,
            "--trust",
            Path.Combine(Pki, "trust"),
            "--crl",
            Path.Combine(Pki, "crl"),
            "--expect-org",
            "6234567",
            "--json"
        );

        Assert.AreEqual(1, code);
        Assert.AreEqual("signer_org_mismatch", Lines(output).Single().GetProperty("code").GetString());
    }

    [TestMethod]
    public async Task Verify_without_a_crl_refuses_with_revocation_unknown_unless_best_effort()
    {
        var (required, output, _) = await RunAsync("verify", Signed, "--trust", Path.Combine(Pki, "trust"), "--json");
        var (bestEffort, _, _) = await RunAsync(
            "verify",
            Signed,
            "--trust",
            Path.Combine(Pki, "trust"),
            "--revocation",
            "best-effort"
        );

        Assert.AreEqual(1, required);
        Assert.AreEqual("revocation_unknown", Lines(output).Single().GetProperty("code").GetString());
        Assert.AreEqual(0, bestEffort);
    }

    [TestMethod]
    [DataRow("verify", "missing.pdf", "--trust", "TRUST", DisplayName = "missing file")]
    [DataRow("verify", "SIGNED", DisplayName = "no --trust")]
    [DataRow("verify", "SIGNED", "--trust", "/no/such/folder", DisplayName = "missing trust folder")]
    [DataRow("verify", "--trust", "TRUST", DisplayName = "no file")]
    [DataRow("verify", "SIGNED", "--trust", "TRUST", "--bogus", "x", DisplayName = "unknown option")]
    [DataRow("frobnicate", DisplayName = "unknown command")]
    [DataRow("sign", "SIGNED", DisplayName = "sign without output")]
    public async Task Usage_and_io_errors_exit_with_code_2(params string[] args)
    {
        var resolved = args.Select(a =>
                a == "TRUST" ? Path.Combine(Pki, "trust")
                : a == "SIGNED" ? Signed
                : a
            )
            .ToArray();
        var (code, _, error) = await RunAsync(resolved);

        Assert.AreEqual(2, code);
        StringAssert.StartsWith(error, "smartoffice:");
    }

    [TestMethod]
    public async Task Sign_with_a_wrong_password_exits_with_code_2_without_echoing_it()
    {
        var (code, output, error) = await RunAsync(
            "sign",
            Path.Combine(s_folder, "letter.pdf"),
            Path.Combine(s_folder, "x.pdf"),
            "--p12",
            Path.Combine(Pki, "p12", "company-a.p12"),
            "--password",
            "not-the-password"
        );

        Assert.AreEqual(2, code);
        Assert.DoesNotContain("not-the-password", output + error);
    }

    [TestMethod]
    public async Task Sign_refuses_an_already_signed_letter_with_exit_code_1()
    {
        var (code, _, _) = await RunAsync(
            "sign",
            Signed,
            Path.Combine(s_folder, "twice.pdf"),
            "--p12",
            Path.Combine(Pki, "p12", "company-b.p12"),
            "--password",
            "demo"
        );
        Assert.AreEqual(1, code);
        Assert.IsFalse(File.Exists(Path.Combine(s_folder, "twice.pdf")));
    }

    private static List<JsonElement> Lines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
