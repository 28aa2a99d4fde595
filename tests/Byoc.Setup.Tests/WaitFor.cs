namespace Byoc.Setup.Tests;

/// <summary>Polls a condition every 25 ms until it holds, failing with the description after a generous bound.</summary>
internal static class WaitFor
{
    public static async Task ConditionAsync(Func<bool> condition, string description)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(45));
        try
        {
            while (!condition())
            {
                await Task.Delay(25, cts.Token);
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Timed out waiting for {description}.");
        }
    }
}
