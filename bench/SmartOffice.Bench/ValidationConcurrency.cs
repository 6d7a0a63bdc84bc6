using System.Diagnostics;
using System.Globalization;
using SmartOffice.Signing;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Bench;

/// <summary>
/// Validations per second with every core busy at once, as the Api sees them: the chain cache warm (one signer
/// sending many letters) and cold (each letter from a signer not seen before, as when many companies send their first
/// letter of the day), the cold letters each signed by its own certificate so every one builds and checks its chain.
/// </summary>
internal static class ValidationConcurrency
{
    private const int ColdSigners = 400;

    public static void Print(DemoPki pki, PdfSignatureValidator validator, byte[] unsigned)
    {
        var threads = Environment.ProcessorCount;
        var warm = PdfSigner.Sign(unsigned, pki.CompanyA.Certificate, pki.CompanyA.Chain);
        var cold = Enumerable
            .Range(0, ColdSigners)
            .Select(i =>
            {
                var signer = pki.Issue(
                    new DemoCertificateSpec
                    {
                        CommonName = $"Bench signer {i}",
                        OrganizationName = $"Bench company {i}",
                        RegistryNumber = (6_000_000 + i).ToString(CultureInfo.InvariantCulture),
                        KeyType = DemoKeyType.EcdsaP256,
                    }
                );
                return PdfSigner.Sign(unsigned, signer.Certificate, signer.Chain);
            })
            .ToArray();

        var warmRate = Parallel(threads, TimeSpan.FromSeconds(3), _ => validator.Validate(warm));
        var next = -1;
        var coldRate = Parallel(threads, TimeSpan.MaxValue, _ =>
        {
            var index = Interlocked.Increment(ref next);
            if (index < cold.Length && !validator.Validate(cold[index]).Accepted)
            {
                throw new InvalidOperationException("a cold-cache letter was refused");
            }

            return index < cold.Length;
        });
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"50 KB on {threads} threads: {warmRate, 8:F0} validations/s with the chain cache warm, "
                    + $"{coldRate, 8:F0}/s cold ({ColdSigners} signers never seen before), "
                    + $"cold/warm {warmRate / coldRate:F2}×"
            )
        );
    }

    /// <summary>
    /// Runs <paramref name="work"/> on <paramref name="threads"/> threads until the time is up or it says there is no
    /// more; returns operations per second over the whole run.
    /// </summary>
    private static double Parallel(int threads, TimeSpan duration, Func<int, bool> work)
    {
        var done = 0L;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable
            .Range(0, threads)
            .Select(t => new Thread(() =>
            {
                while (clock.Elapsed < duration && work(t))
                {
                    Interlocked.Increment(ref done);
                }
            }))
            .ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        return done / clock.Elapsed.TotalSeconds;
    }

    private static double Parallel(int threads, TimeSpan duration, Action<int> work) => Parallel(threads, duration, t =>
        {
            work(t);
            return true;
        });
}
