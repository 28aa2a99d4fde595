using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Byoc.Platforms.Tests;

/// <summary>One request the <see cref="WebhookReceiver"/> got.</summary>
internal sealed record ReceivedRequest(Uri Url, IReadOnlyDictionary<string, string> Headers, byte[] Body, string? ContentType)
{
    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>The form fields of an <c>application/x-www-form-urlencoded</c> body.</summary>
    public Dictionary<string, string> Form() =>
        QueryHelpers.ParseQuery(Text).ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);
}
