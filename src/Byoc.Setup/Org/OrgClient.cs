using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Setup.Connection;

namespace Byoc.Setup.Org;

/// <summary>
/// A small client of an org's REST and Tooling APIs (<c>/services/data/vNN.0</c>) and its Metadata SOAP API, over one
/// <see cref="HttpClient"/>; the same calls work against a real org and the emulated one.
/// </summary>
public sealed class OrgClient(HttpClient http, OrgConnection connection, TimeProvider time)
{
    /// <summary>The API version every call uses (Spring '25 and later orgs serve it).</summary>
    public const string ApiVersion = "62.0";

    /// <summary>The signed-in connection every call uses.</summary>
    public OrgConnection Connection { get; } = connection;

    internal MetadataClient Metadata => new(http, Connection, time);

    /// <summary>Runs SOQL on the data API, or on the Tooling API when <paramref name="tooling"/>; follows <c>nextRecordsUrl</c>.</summary>
    public async Task<IReadOnlyList<JsonObject>> QueryAsync(string soql, bool tooling = false, CancellationToken cancellationToken = default)
    {
        var records = new List<JsonObject>();
        var path = $"{Base(tooling)}/query?q={Uri.EscapeDataString(soql)}";
        while (path is not null)
        {
            var page = await SendAsync(HttpMethod.Get, path, null, cancellationToken) as JsonObject;
            records.AddRange(page?["records"]?.AsArray().OfType<JsonObject>() ?? []);
            path = page?["nextRecordsUrl"]?.GetValue<string>();
        }

        return records;
    }

    /// <summary>The object's describe, or null when the org has no such object.</summary>
    public async Task<JsonObject?> DescribeAsync(string type, CancellationToken cancellationToken = default)
    {
        try
        {
            return await SendAsync(HttpMethod.Get, $"{Base(false)}/sobjects/{type}/describe", null, cancellationToken) as JsonObject;
        }
        catch (OrgApiException ex) when (ex.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Updates fields of one record (<c>PATCH sobjects/{type}/{id}</c>).</summary>
    public async Task UpdateAsync(string type, string id, JsonObject fields, CancellationToken cancellationToken = default) =>
        await SendAsync(HttpMethod.Patch, $"{Base(false)}/sobjects/{type}/{id}", fields, cancellationToken);

    /// <summary>Deletes one record (<c>DELETE sobjects/{type}/{id}</c>).</summary>
    public async Task DeleteAsync(string type, string id, CancellationToken cancellationToken = default) =>
        await SendAsync(HttpMethod.Delete, $"{Base(false)}/sobjects/{type}/{id}", null, cancellationToken);

    /// <summary>Creates one record and returns its id (<c>POST sobjects/{type}</c>).</summary>
    public async Task<string> CreateAsync(string type, JsonObject fields, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(HttpMethod.Post, $"{Base(false)}/sobjects/{type}", fields, cancellationToken);
        return result?["id"]?.GetValue<string>() ?? throw new OrgApiException(HttpStatusCode.OK, "NO_ID", $"Creating a {type} returned no id.");
    }

    /// <summary>The logged-in user (<c>/services/oauth2/userinfo</c>): <c>user_id</c>, <c>preferred_username</c>, <c>organization_id</c>.</summary>
    public async Task<JsonObject> UserInfoAsync(CancellationToken cancellationToken = default) =>
        await SendAsync(HttpMethod.Get, "/services/oauth2/userinfo", null, cancellationToken) as JsonObject
        ?? throw new OrgApiException(HttpStatusCode.OK, "EMPTY", "userinfo answered without a body.");

    private static string Base(bool tooling) => $"/services/data/v{ApiVersion}" + (tooling ? "/tooling" : "");

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(Connection.InstanceUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Connection.AccessToken);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw Error(response.StatusCode, text);
        }

        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    private static OrgApiException Error(HttpStatusCode status, string text)
    {
        try
        {
            // REST errors are [{ "errorCode": ..., "message": ... }]; OAuth errors are { "error": ..., "error_description": ... }.
            var node = JsonNode.Parse(text);
            var first = node is JsonArray { Count: > 0 } array ? array[0] : node;
            var code = first?["errorCode"]?.GetValue<string>() ?? first?["error"]?.GetValue<string>() ?? status.ToString();
            var message = first?["message"]?.GetValue<string>() ?? first?["error_description"]?.GetValue<string>() ?? text;
            return new OrgApiException(status, code, message);
        }
        catch (JsonException)
        {
            return new OrgApiException(status, status.ToString(), text.Length > 300 ? text[..300] : text);
        }
    }
}
