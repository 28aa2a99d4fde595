using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Byoc.Cli.Commands.DeadLetters;

/// <summary>Calls a running connector's admin API with the admin key; every failure becomes an <see cref="AdminCallException"/>.</summary>
internal sealed class AdminClient(HttpClient http) : IDisposable
{
    public const string HeaderName = "X-Byoc-Admin-Key";

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static AdminClient Create(Uri baseAddress, string apiKey)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add(HeaderName, apiKey);
        return new AdminClient(http);
    }

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new AdminCallException(ExitCodes.NotAvailable, $"The connector at {http.BaseAddress} is not reachable: {ex.Message}");
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return response.StatusCode == HttpStatusCode.NoContent
                    ? default
                    : await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
            }

            var detail = await ProblemDetailAsync(response, cancellationToken);
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => new AdminCallException(ExitCodes.Failure,
                    $"The connector refused the admin key (401). {detail}"),
                HttpStatusCode.NotFound when detail.Length == 0 => new AdminCallException(ExitCodes.NotAvailable,
                    $"The admin API of {http.BaseAddress} is off (404): set Connector:Admin:ApiKey on the connector."),
                HttpStatusCode.NotFound => new AdminCallException(ExitCodes.NotFound, detail),
                _ => new AdminCallException(ExitCodes.Failure, $"The connector answered {(int)response.StatusCode}. {detail}".TrimEnd()),
            };
        }
    }

    public void Dispose() => http.Dispose();

    private static async Task<string> ProblemDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? string.Empty : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }
}
