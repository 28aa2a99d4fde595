using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Byoc.TestUtilities.Platforms.Line;

/// <summary>
/// The fake's data host (in place of <c>https://api-data.line.me</c>), a separate origin as on LINE:
/// <c>GET /v2/bot/message/{messageId}/content</c> behind the same bearer token, the file as binary with its
/// <c>Content-Type</c>; 404 for a message with no content (or one LINE no longer keeps). Faults: operation <c>content</c>.
/// </summary>
internal sealed class LineDataApi(LineState state, PlatformFaults faults, Recording<LineApiRequest> requests)
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v2/bot/message/{messageId}/content", Content);
        app.MapFallback("{**path}", (HttpRequest request) => Record(request, LineError.Create(404, "Not found")));
    }

    private IResult Content(HttpRequest request, string messageId)
    {
        if (request.Headers.Authorization.ToString() != "Bearer " + state.Options.ChannelAccessToken)
        {
            return Record(request, LineError.Create(401, "Authentication failed. Confirm that the access token in the authorization header is valid."));
        }

        if (faults.TryTake("content", out var fault))
        {
            return Record(request, LineError.Create(fault.StatusCode, "An error occurred in the LINE Platform."));
        }

        lock (state.Sync)
        {
            return Record(request, state.Content.TryGetValue(messageId, out var file)
                ? Results.Bytes(file.Content, file.MimeType)
                : LineError.Create(404, "Not found"));
        }
    }

    private IResult Record(HttpRequest request, IResult result)
    {
        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : 200;
        requests.Add(new LineApiRequest(request.Method, request.Path.Value ?? "", status,
            request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null, null));
        return result;
    }
}
