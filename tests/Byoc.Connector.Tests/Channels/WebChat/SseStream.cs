using System.Net;
using System.Text;

namespace Byoc.Connector.Tests.Channels.WebChat;

/// <summary>A minimal server-sent events reader over one open response, for tests.</summary>
internal sealed class SseStream(HttpRequestMessage request, HttpResponseMessage response, Stream body) : IDisposable
{
    private readonly StreamReader _reader = new(body, Encoding.UTF8);

    public HttpStatusCode StatusCode => response.StatusCode;

    public string? ContentType => response.Content.Headers.ContentType?.MediaType;

    /// <summary>Reads the next event (skipping comments and <c>retry</c>), or fails after <paramref name="timeout"/>.</summary>
    public async Task<SseEvent> ReadAsync(TimeSpan? timeout = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout ?? TimeSpan.FromSeconds(10));
        string? id = null;
        var data = new StringBuilder();
        while (true)
        {
            var line = await _reader.ReadLineAsync(cts.Token) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    return new SseEvent(id, data.ToString());
                }

                id = null;
                continue;
            }

            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Append(line[6..]);
            }
        }
    }

    /// <summary>Reads <paramref name="count"/> events.</summary>
    public async Task<List<SseEvent>> ReadManyAsync(int count, TimeSpan? timeout = null)
    {
        var events = new List<SseEvent>(count);
        for (var i = 0; i < count; i++)
        {
            events.Add(await ReadAsync(timeout));
        }

        return events;
    }

    /// <summary>True when no event (other than keep-alives) arrives within <paramref name="wait"/>.</summary>
    public async Task<bool> IsQuietAsync(TimeSpan wait)
    {
        try
        {
            await ReadAsync(wait);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        response.Dispose();
        request.Dispose();
    }
}
