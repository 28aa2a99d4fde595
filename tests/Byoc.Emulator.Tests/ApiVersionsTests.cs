using System.Net.Http.Json;
using System.Text.Json;

namespace Byoc.Emulator.Tests;

public sealed class ApiVersionsTests
{
    [Fact]
    public async Task ServicesData_ReturnsVersionArrayEndingWithLatest()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = emulator.CreateInstanceClient();

        var versions = await client.GetFromJsonAsync<JsonElement>("/services/data", TestContext.Current.CancellationToken);

        Assert.Equal(JsonValueKind.Array, versions.ValueKind);
        var last = versions.EnumerateArray().Last();
        Assert.Equal(ApiVersions.Latest, last.GetProperty("version").GetString());
        Assert.Equal($"/services/data/v{ApiVersions.Latest}", last.GetProperty("url").GetString());
    }
}
