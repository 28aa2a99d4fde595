using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Byoc.EndToEnd.Tests.Reliability;

/// <summary>Sets the emulated org's fault injection at run time through its admin endpoint, <c>POST /emulator/faults</c>.</summary>
internal static class FaultSwitch
{
    public static async Task SetAsync(Uri instanceUrl, JsonObject settings)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        using var response = await http.PostAsJsonAsync(new Uri(instanceUrl, "/emulator/faults"), settings, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"POST /emulator/faults answered {(int)response.StatusCode}: {text}");
    }

    /// <summary>Switches every fault off, so a run can drain before its final count.</summary>
    public static Task ClearAsync(Uri instanceUrl) => SetAsync(instanceUrl, []);
}
