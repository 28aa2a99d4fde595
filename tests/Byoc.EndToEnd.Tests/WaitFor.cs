namespace Byoc.EndToEnd.Tests;

/// <summary>Polls a condition with a bound: every 25 ms until it holds, failing with the description after the timeout.</summary>
internal static class WaitFor
{
    /// <summary>Generous: the suites share two cores with every other test project.</summary>
    private static readonly TimeSpan s_defaultTimeout = TimeSpan.FromSeconds(45);

    public static async Task<T> ValueAsync<T>(Func<T?> probe, string description, TimeSpan? timeout = null)
        where T : class
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout ?? s_defaultTimeout);
        try
        {
            while (true)
            {
                if (probe() is { } value)
                {
                    return value;
                }

                await Task.Delay(25, cts.Token);
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Timed out waiting for {description}.");
        }
    }

    public static Task ConditionAsync(Func<bool> condition, string description, TimeSpan? timeout = null) =>
        ValueAsync(() => condition() ? string.Empty : null, description, timeout);

    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, string description, TimeSpan? timeout = null)
        where T : class
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout ?? s_defaultTimeout);
        try
        {
            while (true)
            {
                if (await probe() is { } value)
                {
                    return value;
                }

                await Task.Delay(25, cts.Token);
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Timed out waiting for {description}.");
        }
    }
}
