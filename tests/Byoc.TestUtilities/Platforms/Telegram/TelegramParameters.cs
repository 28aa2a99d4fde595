using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Byoc.TestUtilities.Platforms.Telegram;

/// <summary>
/// A Bot API call's parameters, read the four ways the Bot API accepts them ("Making requests"): the query string,
/// <c>application/x-www-form-urlencoded</c>, <c>application/json</c> and <c>multipart/form-data</c> (the only way to
/// upload a file). In form and multipart requests a structured parameter such as <c>reply_markup</c> is a JSON string.
/// </summary>
internal sealed class TelegramParameters
{
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IFormFile> _files = new(StringComparer.Ordinal);

    private TelegramParameters()
    {
    }

    public static async Task<TelegramParameters?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = new TelegramParameters();
        foreach (var (name, value) in request.Query)
        {
            parameters._values[name] = JsonValue.Create(value.ToString());
        }

        if (request.HasJsonContentType())
        {
            JsonNode? body;
            try
            {
                body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
            }
            catch (JsonException)
            {
                return null;
            }

            if (body is JsonObject json)
            {
                foreach (var (name, value) in json)
                {
                    parameters._values[name] = value?.DeepClone();
                }
            }
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (name, value) in form)
            {
                parameters._values[name] = JsonValue.Create(value.ToString());
            }

            foreach (var file in form.Files)
            {
                parameters._files[file.Name] = file;
            }
        }

        return parameters;
    }

    public bool Has(string name) => _values.ContainsKey(name) || _files.ContainsKey(name);

    public string? GetString(string name) => _values.TryGetValue(name, out var node) ? AsText(node) : null;

    public long? GetLong(string name) =>
        long.TryParse(GetString(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    public bool GetBool(string name) => GetString(name) is { } text
        && (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1");

    /// <summary>A structured parameter: the JSON itself in a JSON body, or parsed from the string form; null when absent.</summary>
    /// <exception cref="JsonException">The string form is not JSON.</exception>
    public JsonNode? GetJson(string name)
    {
        if (!_values.TryGetValue(name, out var node) || node is null)
        {
            return null;
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) ? JsonNode.Parse(text) : node;
    }

    /// <summary>An uploaded file: the part named <paramref name="name"/>, or the part an <c>attach://&lt;part&gt;</c> value names.</summary>
    public IFormFile? GetFile(string name)
    {
        if (_files.TryGetValue(name, out var file))
        {
            return file;
        }

        return GetString(name) is { } text && text.StartsWith("attach://", StringComparison.Ordinal)
            && _files.TryGetValue(text["attach://".Length..], out var attached) ? attached : null;
    }

    private static string? AsText(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };
}
