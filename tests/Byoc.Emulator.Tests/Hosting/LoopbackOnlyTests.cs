using System.Net;
using System.Text.Json.Nodes;
using Byoc.Emulator.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Emulator.Tests.Hosting;

/// <summary>The development shortcuts answer only loopback callers of an org that listens on loopback.</summary>
public sealed class LoopbackOnlyTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1", null)]
    [InlineData("127.0.0.1", "::1", null)]
    [InlineData("127.0.0.1", "203.0.113.7", "answers only callers on this machine")]
    [InlineData("127.0.0.1", null, "answers only callers on this machine")]
    [InlineData("0.0.0.0", "127.0.0.1", "off because the org listens on 0.0.0.0")]
    [InlineData("10.1.2.3", "127.0.0.1", "off because the org listens on 10.1.2.3")]
    public async Task Refusal_HostAndCaller_403NamingTheShortcutUnlessBothAreLoopback(string host, string? caller, string? refusal)
    {
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddSingleton(new EmulatorOptions { Host = host }).AddLogging().BuildServiceProvider(),
            Response = { Body = new MemoryStream() },
        };
        context.Connection.RemoteIpAddress = caller is null ? null : IPAddress.Parse(caller);

        var result = LoopbackOnly.Refusal(context, "The rep console API");

        if (refusal is null)
        {
            Assert.Null(result);
            return;
        }

        Assert.NotNull(result);
        await result.ExecuteAsync(context);
        Assert.Equal(StatusCodes.Status403Forbidden, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        var problem = JsonNode.Parse(context.Response.Body)!;
        Assert.Equal("Development shortcut refused", problem["title"]!.GetValue<string>());
        Assert.StartsWith("The rep console API is a development shortcut", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(refusal, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
