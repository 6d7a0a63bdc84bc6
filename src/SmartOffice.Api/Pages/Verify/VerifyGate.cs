using Microsoft.Extensions.Options;
using SmartOffice.Api.Infrastructure;

namespace SmartOffice.Api.Pages.Verify;

/// <summary>
/// How many public verifications run at once (Limits:VerifyConcurrency); a caller waits at most a few seconds.
/// </summary>
internal sealed class VerifyGate(IOptions<LimitsOptions> limits) : IDisposable
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _slots = new(limits.Value.VerifyConcurrency, limits.Value.VerifyConcurrency);

    /// <summary>A slot to release by disposing, or null when none became free in time.</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken cancellationToken) =>
        await _slots.WaitAsync(MaxWait, cancellationToken) ? new Slot(_slots) : null;

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        public void Dispose() => slots.Release();
    }
}
