using SmartOffice.Signing;

namespace SmartOffice.Cli.Commands;

/// <summary>`smartoffice sign IN.pdf OUT.pdf --p12 FILE [--password P]`: one PAdES signature.</summary>
internal static class SignCommand
{
    public static int Run(Arguments arguments, TextWriter stdout, TextWriter stderr)
    {
        arguments.Allow("--p12", "--password", "--reason", "--location");
        if (arguments.Positional.Count != 2)
        {
            throw new UsageException("sign needs IN.pdf and OUT.pdf");
        }

        var (input, output) = (arguments.Positional[0], arguments.Positional[1]);
        var p12 = arguments.Required("--p12");
        if (!File.Exists(input) || !File.Exists(p12))
        {
            throw new UsageException($"{(File.Exists(input) ? p12 : input)} does not exist");
        }

        var certificate = LoadKey(p12, P12Password.Resolve(arguments, Console.Error), out var chain);
        byte[] signed;
        try
        {
            signed = PdfSigner.Sign(
                File.ReadAllBytes(input),
                certificate,
                chain,
                new PdfSignerOptions { Reason = arguments.Value("--reason"), Location = arguments.Value("--location") }
            );
        }
        catch (ArgumentException exception)
        {
            stderr.WriteLine($"smartoffice: {input} not signed: {exception.Message}");
            return CliApp.Refused;
        }

        File.WriteAllBytes(output, signed);
        stdout.WriteLine(
            $"{output}: signed by "
                + certificate.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false)
                + $" ({signed.Length} bytes)"
        );
        return CliApp.Ok;
    }

    public static System.Security.Cryptography.X509Certificates.X509Certificate2 LoadKey(
        string p12,
        string? password,
        out IReadOnlyList<System.Security.Cryptography.X509Certificates.X509Certificate2> chain
    )
    {
        try
        {
            return PdfSigner.LoadPkcs12(p12, password, out chain);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // The password is never echoed.
            throw new UsageException($"cannot open {p12}: wrong password or not a PKCS#12 file");
        }
    }
}
