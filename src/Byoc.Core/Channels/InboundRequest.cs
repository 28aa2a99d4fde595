namespace Byoc.Core.Channels;

/// <summary>A platform's HTTP request as received: headers and the raw body bytes, before anything is parsed.</summary>
/// <param name="Headers">Request headers; look-ups are case-insensitive.</param>
/// <param name="Body">The raw body, exactly as it arrived (signatures are computed over these bytes).</param>
public sealed record InboundRequest(IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body)
{
    /// <summary>Returns a header value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
