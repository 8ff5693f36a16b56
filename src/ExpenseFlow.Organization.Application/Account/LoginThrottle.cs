using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ExpenseFlow.Organization.Application.Account;

public sealed class LoginThrottleOptions
{
    /// <summary>Failed sign-ins from one network address within <see cref="Window"/> before it is refused (429).</summary>
    public int FailuresPerAddress { get; set; } = 30;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Counts failed sign-ins per client address (password spraying across accounts) and per unknown e-mail, so that an
/// address that does not exist locks like one that does and the answers tell nothing about who has an account.
/// Successful sign-ins never count: a whole office behind one NAT address signs in in the morning. The counts live in this
/// host's memory, so behind several hosts the limit applies per host.
/// </summary>
public sealed class LoginThrottle(IOptions<LoginThrottleOptions> options, TimeProvider clock) : IDisposable
{
    // Its own bounded cache: a flood of made-up e-mails can fill it, never the host's memory.
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public void Dispose() => cache.Dispose();

    public bool AddressBlocked(string address) =>
        cache.TryGetValue(Key("a", address), out Counter? c) && c!.Count >= options.Value.FailuresPerAddress && c.Until > clock.GetUtcNow();

    public void AddressFailed(string address) => Increment(Key("a", address), options.Value.Window);

    /// <summary>Counts a failure for an e-mail that has no account and returns how many there were in its lockout window.</summary>
    public int UnknownAccountFailed(string normalizedEmail, TimeSpan lockout) => Increment(Key("u", normalizedEmail), lockout);

    private static string Key(string kind, string value) => $"login:{kind}:{value}";

    private int Increment(string key, TimeSpan window)
    {
        var now = clock.GetUtcNow();
        lock (cache)
        {
            if (!cache.TryGetValue(key, out Counter? counter) || counter!.Until <= now)
            {
                counter = new Counter { Until = now + window };
                cache.Set(key, counter, new MemoryCacheEntryOptions { AbsoluteExpiration = counter.Until, Size = 1 });
            }

            return ++counter.Count;
        }
    }

    private sealed class Counter
    {
        public int Count { get; set; }

        public DateTimeOffset Until { get; init; }
    }
}
