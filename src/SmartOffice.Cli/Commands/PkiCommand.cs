using SmartOffice.Signing.Pki;

namespace SmartOffice.Cli.Commands;

/// <summary>`smartoffice pki init DIR`: a demo PKI for samples and tests.</summary>
internal static class PkiCommand
{
    public static int Run(Arguments arguments, TextWriter stdout)
    {
        arguments.Allow();
        if (arguments.Positional.Count != 2)
        {
            throw new UsageException("pki init needs DIR");
        }

        var directory = arguments.Positional[1];
        var pki = DemoPki.Create();
        pki.WriteTo(directory);
        stdout.WriteLine($"Demo PKI written to {directory} (password of every .p12: {DemoPki.DefaultPassword}):");
        stdout.WriteLine($"  trust/   root and issuing CA (use as --trust)");
        stdout.WriteLine($"  crl/     CRLs, the issuing CA's lists the revoked certificate (use as --crl)");
        foreach (var (file, identity) in pki.Identities)
        {
            stdout.WriteLine(
                $"  p12/{file}.p12  {identity.Name}"
                    + (identity.RegistryNumber is null ? "" : $", registry number {identity.RegistryNumber}")
            );
        }

        return CliApp.Ok;
    }
}
