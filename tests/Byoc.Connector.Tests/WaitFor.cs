namespace Byoc.Connector.Tests;

internal static class WaitFor
{
    public static async Task ConditionAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            await Task.Delay(10, cts.Token);
        }
    }

    public static async Task ConditionAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout ?? TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            await Task.Delay(10, cts.Token);
        }
    }
}
