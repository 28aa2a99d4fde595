using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Connector.Salesforce.Wire;
using Byoc.Core.Delivery;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Salesforce;

/// <summary>
/// The Interaction Service API (interaction-service-api.md §4–5): <c>/interactions</c> (multipart, unquoted boundary),
/// <c>/conversation</c>, <c>/acknowledgement</c> and <c>PATCH /capabilities</c>. Every call carries Authorization,
/// OrgId, AuthorizationContext and a fresh RequestId; a 401/403 re-mints the token once. Failures are result values.
/// </summary>
internal sealed partial class InteractionServiceClient(
    HttpClient httpClient,
    ISalesforceTokenProvider tokenProvider,
    IOptions<SalesforceOptions> options,
    TimeProvider timeProvider,
    ILogger<InteractionServiceClient> logger)
{
    public Task<ApiResult<PostInteractionResponse>> SendInteractionAsync(InteractionRequest request, CancellationToken cancellationToken) =>
        SendAsync<PostInteractionResponse>(HttpMethod.Post, "api/v1/interactions", () => CreateMultipart(request), cancellationToken);

    /// <summary>An <c>AttachmentInteraction</c> with its file in the <c>attachments</c> part; the file is opened once per attempt.</summary>
    public Task<ApiResult<PostInteractionResponse>> SendAttachmentAsync(InteractionRequest request, InteractionFile file,
        CancellationToken cancellationToken) =>
        SendAsync<PostInteractionResponse>(HttpMethod.Post, "api/v1/interactions", () => CreateMultipart(request, file), cancellationToken);

    public Task<ApiResult<ConversationResponse>> EstablishConversationAsync(ConversationRequest request, CancellationToken cancellationToken) =>
        SendAsync<ConversationResponse>(HttpMethod.Post, "api/v1/conversation", () => Json(request), cancellationToken);

    public Task<ApiResult<SuccessResponse>> AcknowledgeAsync(AcknowledgementRequest request, CancellationToken cancellationToken) =>
        SendAsync<SuccessResponse>(HttpMethod.Post, "api/v1/acknowledgement", () => Json(request), cancellationToken);

    public Task<ApiResult<SuccessResponse>> RegisterCapabilitiesAsync(JsonObject request, CancellationToken cancellationToken) =>
        SendAsync<SuccessResponse>(HttpMethod.Patch, "api/v1/capabilities", () => Json(request), cancellationToken);

    internal static MultipartFormDataContent CreateMultipart(InteractionRequest request, InteractionFile? file = null)
    {
        var boundary = "byoc-" + Guid.NewGuid().ToString("N");
        var content = new MultipartFormDataContent(boundary);
        // MultipartFormDataContent quotes the boundary; whether SCRT2 accepts that is unknown, so send it unquoted
        // (interaction-service-api.md §11, C# notes).
        content.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data");
        content.Headers.ContentType.Parameters.Add(new NameValueHeaderValue("boundary", boundary));
        var json = new StringContent(JsonSerializer.Serialize(request, SalesforceJson.Options));
        json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        // Quote the part name as browsers and the Salesforce samples do; .NET would write name=json.
        json.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"json\"" };
        content.Add(json);
        if (file is not null)
        {
            var part = new StreamContent(file.Open());
            part.Headers.ContentType = new MediaTypeHeaderValue(file.MimeType);
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
            {
                Name = "\"attachments\"",
                FileName = "\"" + file.Name.Replace("\"", "'", StringComparison.Ordinal) + "\"",
            };
            content.Add(part);
        }

        return content;
    }

    private static JsonContent Json<T>(T value) =>
        JsonContent.Create(value, new MediaTypeHeaderValue("application/json"), SalesforceJson.Options);

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, Func<HttpContent> createContent,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        SalesforceToken token;
        try
        {
            token = await tokenProvider.GetTokenAsync(cancellationToken);
        }
        catch (SalesforceAuthenticationException ex)
        {
            return Failure<T>(DeliveryOutcome.Retryable(ex.Message), null, null);
        }

        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, new Uri(settings.ScrtUrl!, path)) { Content = createContent() };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
            request.Headers.Add("OrgId", settings.OrgId);
            request.Headers.Add("AuthorizationContext", settings.AuthorizationContext);
            request.Headers.Add("RequestId", Guid.NewGuid().ToString());
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

            using var timeoutCts = new CancellationTokenSource(settings.RequestTimeout, timeProvider);
            using var linkedCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
            HttpResponseMessage response;
            try
            {
                response = await httpClient.SendAsync(request, linkedCts.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Log.CallTimedOut(logger, method.Method, path, settings.RequestTimeout);
                return Failure<T>(DeliveryOutcome.Retryable($"{method} {path} timed out after {settings.RequestTimeout}."), null, null);
            }
            catch (HttpRequestException ex)
            {
                Log.CallFailed(logger, method.Method, path, ex.Message);
                return Failure<T>(DeliveryOutcome.Retryable($"{method} {path} failed: {ex.Message}"), null, null);
            }

            using (response)
            {
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden && attempt == 0)
                {
                    try
                    {
                        token = await tokenProvider.RenewAsync(token, cancellationToken);
                    }
                    catch (SalesforceAuthenticationException ex)
                    {
                        return Failure<T>(DeliveryOutcome.Retryable(ex.Message), (int)response.StatusCode, null);
                    }

                    continue;
                }

                if (response.IsSuccessStatusCode)
                {
                    var value = await ReadBodyAsync<T>(response, linkedCts.Token);
                    return new ApiResult<T> { Outcome = DeliveryOutcome.Succeeded, Value = value, StatusCode = (int)response.StatusCode };
                }

                var error = await ReadBodyAsync<ApiError>(response, linkedCts.Token);
                var status = (int)response.StatusCode;
                var outcome = ApiErrorClassifier.Classify(status, error?.Code,
                    $"{method} {path} answered {status} code {error?.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}: {error?.Message}",
                    TransientFailures.RetryAfter(response.Headers, timeProvider));
                Log.CallRejected(logger, method.Method, path, status, error?.Code, outcome.Kind);
                return Failure<T>(outcome, status, error?.Code);
            }
        }
    }

    private static async Task<TBody?> ReadBodyAsync<TBody>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return string.IsNullOrWhiteSpace(text) ? default : JsonSerializer.Deserialize<TBody>(text, SalesforceJson.Options);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static ApiResult<T> Failure<T>(DeliveryOutcome outcome, int? status, int? code) =>
        new() { Outcome = outcome, StatusCode = status, ErrorCode = code };
}
