using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Byoc.Emulator.Tests.Interactions;
using Byoc.TestUtilities.Fuzz;
using CsCheck;

namespace Byoc.Emulator.Tests.Fuzz;

/// <summary>
/// Property: whatever an authenticated partner posts to the emulated Interaction Service API, the org answers 2xx or a
/// documented 4xx error body, never a 5xx (issue 18 item 10). Bounded in CI, longer with eng/test.sh --fuzz.
/// </summary>
public sealed class InteractionFuzzTests
{
    [Fact]
    public async Task PostInteractions_MutatedBodies_NeverAServerError()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);
        var statuses = new ConcurrentDictionary<int, int>();
        string[] seeds =
        [
            ScrtTestClient.TextInteraction(client.ChannelAddress, "fuzz-user", "hello").ToJsonString(),
            ScrtTestClient.TextInteraction(client.ChannelAddress, "fuzz-user-2", "I want to speak to a human").ToJsonString(),
        ];

        await JsonMutations.Of(seeds).SampleAsync(async json =>
        {
            var boundary = "fuzz" + Guid.NewGuid().ToString("N");
            var content = new MultipartFormDataContent(boundary);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
            content.Add(new StringContent(json, Encoding.UTF8, "application/json"), "json");
            var (status, body) = await client.SendAsync(HttpMethod.Post, "/api/v1/interactions", content);
            statuses.AddOrUpdate((int)status, 1, (_, n) => n + 1);
            Assert.True((int)status < 500, $"{(int)status} {body.ToJsonString()} for {json}");
            if ((int)status >= 400)
            {
                Assert.True(body["code"] is JsonValue, $"{(int)status} without a documented error code for {json}");
            }
        }, iter: JsonMutations.Iterations, threads: 1);

        Assert.Contains(statuses.Keys, s => s is 202);
        Assert.Contains(statuses.Keys, s => s is >= 400 and < 500);
        var (after, _) = await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, "fuzz-user-3", "still here"));
        Assert.Equal(HttpStatusCode.Accepted, after);
    }
}
