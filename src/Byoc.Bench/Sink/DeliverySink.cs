using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Byoc.Bench.Measurement;
using Byoc.Bench.Workload;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Byoc.Bench.Sink;

/// <summary>
/// The external platform's receiving end, on loopback Kestrel: checks the connector's Standard Webhooks signature on every
/// POST, books echo replies in the ledger (by <c>webhook-id</c>) and answers 204 so the connector acknowledges Delivered.
/// </summary>
internal sealed class DeliverySink : IAsyncDisposable
{
    public const string Path = "/outbound";

    private readonly WebApplication _app;
    private readonly ConversationLedger _ledger;
    private readonly byte[] _key;
    private int _deliveries;
    private int _badSignatures;

    private DeliverySink(WebApplication app, ConversationLedger ledger, byte[] key)
    {
        _app = app;
        _ledger = ledger;
        _key = key;
    }

    /// <summary>Where the connector's webhook channel delivers.</summary>
    public Uri OutboundUrl { get; private set; } = null!;

    /// <summary>Every POST received, replies and other entries (typing, acknowledgement-free notices) alike.</summary>
    public int Deliveries => Volatile.Read(ref _deliveries);

    /// <summary>POSTs whose signature did not verify (they are answered 401 and not booked).</summary>
    public int BadSignatures => Volatile.Read(ref _badSignatures);

    public static async Task<DeliverySink> StartAsync(ConversationLedger ledger, string secret, CancellationToken cancellationToken)
    {
        // The empty builder reads no configuration files, so nothing watches the working directory (where the connector's
        // database may live) and the harness's CPU stays its own work.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var sink = new DeliverySink(app, ledger, Convert.FromBase64String(secret["whsec_".Length..]));
        app.MapPost(Path, (Func<HttpContext, Task<IResult>>)sink.ReceiveAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        sink.OutboundUrl = new Uri(new Uri(address), Path);
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        var arrival = Stopwatch.GetTimestamp();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var headers = context.Request.Headers;
        var id = headers["webhook-id"].ToString();
        Interlocked.Increment(ref _deliveries);
        if (!IsSigned(id, headers["webhook-timestamp"].ToString(), headers["webhook-signature"].ToString(), body))
        {
            Interlocked.Increment(ref _badSignatures);
            return Results.Unauthorized();
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        if (root.TryGetProperty("type", out var type) && type.ValueEquals("message")
            && root.TryGetProperty("text", out var text) && BenchText.TryParseReply(text.GetString(), out var user, out var sequence))
        {
            _ledger.Reply(user, sequence, id, arrival);
        }

        return Results.NoContent();
    }

    private bool IsSigned(string id, string timestamp, string signatures, byte[] body)
    {
        byte[] signed = [.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body];
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(_key, signed));
        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), Encoding.ASCII.GetBytes(expected)))
            {
                return true;
            }
        }

        return false;
    }
}
