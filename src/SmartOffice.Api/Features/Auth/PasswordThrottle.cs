using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using SmartOffice.Exchange.Accounts;

namespace SmartOffice.Api.Features.Auth;

/// <summary>
/// Slows password guessing: after <see cref="FreeFailures"/> wrong passwords an account waits, doubling from a minute
/// up to an hour (kept in the database, so every instance sees it), and each client address may fail only
/// Limits:PasswordFailuresPerAddress times in 15 minutes. An unknown user name costs the same hashing as a known one.
/// </summary>
internal sealed class PasswordThrottle(
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<Infrastructure.LimitsOptions> limits
)
{
    public const int FreeFailures = 5;
    private static readonly TimeSpan AddressWindow = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    // A hash of a random password: verifying against it costs what a real verification costs.
    private static readonly string s_decoy = new PasswordHasher<StaffUser>().HashPassword(
        Decoy(),
        Guid.NewGuid().ToString()
    );
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> _failuresByAddress = new(
        StringComparer.Ordinal
    );

    public bool IsAddressBlocked(string address)
    {
        if (!_failuresByAddress.TryGetValue(address, out var failures))
        {
            return false;
        }

        var since = time.GetUtcNow() - AddressWindow;
        while (failures.TryPeek(out var oldest) && oldest < since)
        {
            failures.TryDequeue(out _);
        }

        return failures.Count >= limits.Value.PasswordFailuresPerAddress;
    }

    public void AddressFailed(string address)
    {
        if (_failuresByAddress.Count > 100_000)
        {
            _failuresByAddress.Clear();
        }

        _failuresByAddress.GetOrAdd(address, _ => new ConcurrentQueue<DateTimeOffset>()).Enqueue(time.GetUtcNow());
    }

    public bool IsLocked(StaffUser user) => user.LockedUntil is { } until && until > time.GetUtcNow();

    /// <summary>Verifies, spending the same work whether or not the user exists.</summary>
    // A user that is never stored: only the password hasher sees it.
    private static StaffUser Decoy() =>
        new()
        {
            UserName = "-",
            DisplayName = "-",
            CreatedAt = DateTimeOffset.MinValue,
        };

    public static bool Verify(StaffUser? user, string? password)
    {
        var hasher = new PasswordHasher<StaffUser>();
        var hash = user?.PasswordHash ?? s_decoy;
        var result = hasher.VerifyHashedPassword(user ?? Decoy(), hash, password ?? "");
        return user?.PasswordHash is not null && result != PasswordVerificationResult.Failed;
    }

    public void Failed(StaffUser user)
    {
        user.FailedLogins++;
        if (user.FailedLogins >= FreeFailures)
        {
            var wait = TimeSpan.FromMinutes(Math.Pow(2, Math.Min(user.FailedLogins - FreeFailures, 6)));
            user.LockedUntil = time.GetUtcNow() + (wait < LongestWait ? wait : LongestWait);
        }
    }

    public static void Succeeded(StaffUser user) => (user.FailedLogins, user.LockedUntil) = (0, null);
}
