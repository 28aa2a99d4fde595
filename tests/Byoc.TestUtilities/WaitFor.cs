using System.Runtime.CompilerServices;
using Xunit;

namespace Byoc.TestUtilities;

/// <summary>
/// Waits, with a bound, for something that happens on its own time (a background worker, another process): polls the
/// probe every 25 ms until it yields a value, and fails with the description when the timeout passes. Each probe gets
/// a token that is cancelled at the timeout or when the test is stopped. Without a description, the failure names the
/// probe's source text.
/// </summary>
public static class WaitFor
{
    /// <summary>Generous: the suites share two cores with every other test project.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(45);

    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(25);

    /// <summary>The first non-null value the asynchronous probe yields.</summary>
    public static async Task<T> ValueAsync<T>(Func<CancellationToken, Task<T?>> probe, [CallerArgumentExpression(nameof(probe))] string description = "", TimeSpan? timeout = null)
        where T : class
    {
        var testCancelled = TestContext.Current.CancellationToken;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(testCancelled);
        cts.CancelAfter(timeout ?? DefaultTimeout);
        try
        {
            while (true)
            {
                if (await probe(cts.Token) is { } value)
                {
                    return value;
                }

                await Task.Delay(s_pollInterval, cts.Token);
            }
        }
        catch (OperationCanceledException) when (!testCancelled.IsCancellationRequested)
        {
            throw new TimeoutException($"Timed out after {timeout ?? DefaultTimeout} waiting for {description}.");
        }
    }

    /// <summary>The first non-null value the asynchronous probe yields.</summary>
    public static Task<T> ValueAsync<T>(Func<Task<T?>> probe, [CallerArgumentExpression(nameof(probe))] string description = "", TimeSpan? timeout = null)
        where T : class =>
        ValueAsync(_ => probe(), description, timeout);

    /// <summary>The first non-null value the probe yields.</summary>
    public static Task<T> ValueAsync<T>(Func<T?> probe, [CallerArgumentExpression(nameof(probe))] string description = "", TimeSpan? timeout = null)
        where T : class =>
        ValueAsync(_ => Task.FromResult(probe()), description, timeout);

    /// <summary>Returns once the asynchronous condition holds.</summary>
    public static Task ConditionAsync(Func<CancellationToken, Task<bool>> condition, [CallerArgumentExpression(nameof(condition))] string description = "", TimeSpan? timeout = null) =>
        ValueAsync(async ct => await condition(ct) ? string.Empty : null, description, timeout);

    /// <summary>Returns once the asynchronous condition holds.</summary>
    public static Task ConditionAsync(Func<Task<bool>> condition, [CallerArgumentExpression(nameof(condition))] string description = "", TimeSpan? timeout = null) =>
        ValueAsync(async _ => await condition() ? string.Empty : null, description, timeout);

    /// <summary>Returns once the condition holds.</summary>
    public static Task ConditionAsync(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string description = "", TimeSpan? timeout = null) =>
        ValueAsync(_ => Task.FromResult(condition() ? string.Empty : null), description, timeout);
}
