using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>
/// The fake's REST API under <c>/2010-04-01/Accounts/{AccountSid}/</c>, behind HTTP basic auth with the Account SID and
/// Auth Token or an API key SID and secret (API reference, "Authentication"). This part serves the users' media
/// (inbound media URLs need the same credentials: Messaging, "Media resource"); messages are in the partial files.
/// </summary>
internal sealed partial class TwilioRestApi(TwilioState state, TwilioRecordings recordings, TwilioDelivery delivery, PlatformFaults faults)
{
    private const string AccountPath = "/2010-04-01/Accounts/{accountSid}";

    private readonly RateLimiter? _limiter = state.Options.ApiLimit is { } limit ? new RateLimiter(limit, state.Options.TimeProvider) : null;

    public void Map(IEndpointRouteBuilder app)
    {
        var account = app.MapGroup(AccountPath).AddEndpointFilter(AuthenticateAsync);
        account.MapGet("/Messages/{messageSid}/Media/{mediaSid}", ServeMedia);
        MapMessages(account);
        MapAccount(app);
        app.MapPost("/v2/Indicators/Typing.json", SendTypingAsync).AddEndpointFilter(AuthenticateAsync);
        app.MapPost("/v1/Content", CreateContentAsync).AddEndpointFilter(AuthenticateAsync);
        // Every Twilio path ends in .json, which the default fallback pattern (non-file paths only) would skip.
        app.MapFallback("{**path}", (HttpRequest request) => TwilioError.NotFound(request.Path));
    }

    private async ValueTask<object?> AuthenticateAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!IsAuthorized(request.Headers.Authorization.ToString()))
        {
            return TwilioError.Unauthorized();
        }

        if (request.RouteValues.ContainsKey("accountSid")
            && !string.Equals(request.RouteValues["accountSid"] as string, state.Options.AccountSid, StringComparison.Ordinal))
        {
            return TwilioError.NotFound(request.Path);
        }

        return await next(context);
    }

    private bool IsAuthorized(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        var (user, password) = (decoded[..colon], decoded[(colon + 1)..]);
        var options = state.Options;
        return (user == options.AccountSid && password == options.AuthToken)
            || (user == options.ApiKeySid && password == options.ApiKeySecret);
    }

    private IResult ServeMedia(HttpRequest request, string messageSid, string mediaSid)
    {
        lock (state.Sync)
        {
            return state.Media.TryGetValue(mediaSid, out var media) && media.MessageSid == messageSid
                ? TypedResults.Bytes(media.Content, media.ContentType)
                : TwilioError.NotFound(request.Path);
        }
    }
}
