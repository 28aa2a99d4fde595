using Byoc.Emulator.Hosting;
using Byoc.Emulator.Interactions;
using Byoc.Emulator.Org.Ids;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Routing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Byoc.Emulator.Console;

/// <summary>
/// The rep console on the org instance: the page at <c>/console</c> and the JSON rep API under <c>/console/api</c>
/// (sign-in, presence, work, accept, transcript, reply, send a file, typing, transfer, end, and an SSE stream of changes).
/// </summary>
internal static class RepConsoleEndpoints
{
    public static IEndpointRouteBuilder MapRepConsole(this IEndpointRouteBuilder endpoints)
    {
        var page = endpoints.MapGroup("/console").ExcludeFromDescription();
        page.MapGet("/", (HttpContext context) => ConsoleAssets.Serve(context, "index.html"));
        page.MapGet("/{file}", (HttpContext context, string file) => ConsoleAssets.Serve(context, file));

        // Reps sign in by name (cookie or X-Byoc-Rep header), without a password.
        var api = endpoints.MapGroup("/console/api").RequireLoopback("The rep console API");
        api.MapGet("/reps", ListReps);
        api.MapPost("/signin", SignIn);
        api.MapPost("/signout", SignOut);
        api.MapGet("/me", Me);
        api.MapPut("/presence", SetPresence);
        api.MapGet("/work", ListWork);
        api.MapPost("/work/{sessionId}/accept", Accept);
        api.MapGet("/sessions/{sessionId}/transcript", Transcript);
        api.MapPost("/sessions/{sessionId}/messages", Reply);
        api.MapPost("/sessions/{sessionId}/attachments", SendFile).DisableAntiforgery();
        api.MapPost("/sessions/{sessionId}/typing", Typing);
        api.MapPost("/sessions/{sessionId}/transfer", Transfer);
        api.MapPost("/sessions/{sessionId}/end", End);
        api.MapGet("/events", (RepConsoleEvents events, CancellationToken cancellationToken) =>
            TypedResults.ServerSentEvents(events.StreamAsync(cancellationToken)));
        return endpoints;
    }

    private static Ok<RepView[]> ListReps(OrgStore store, RepConsole console) =>
        TypedResults.Ok(RepIdentity.All(store).Select(console.View).ToArray());

    private static Results<Ok<RepView>, ProblemHttpResult> SignIn(RepRequests.SignIn request, HttpContext context, OrgStore store, RepConsole console)
    {
        if (RepIdentity.Find(store, request.Username) is not { } rep)
        {
            return Problem(StatusCodes.Status400BadRequest, "Unknown rep", $"No active rep with username '{request.Username}'.");
        }

        context.Response.Cookies.Append(RepIdentity.CookieName, rep.Id,
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/console", IsEssential = true });
        return TypedResults.Ok(console.View(rep));
    }

    private static NoContent SignOut(HttpContext context)
    {
        context.Response.Cookies.Delete(RepIdentity.CookieName, new CookieOptions { Path = "/console" });
        return TypedResults.NoContent();
    }

    private static Results<Ok<RepView>, ProblemHttpResult> Me(HttpContext context, OrgStore store, RepConsole console) =>
        RepIdentity.Current(context, store) is { } rep ? TypedResults.Ok(console.View(rep)) : NotSignedIn();

    private static Results<Ok<RepView>, ProblemHttpResult> SetPresence(
        RepRequests.Presence request, HttpContext context, OrgStore store, OmniChannel omniChannel, RepConsole console)
    {
        if (RepIdentity.Current(context, store) is not { } rep)
        {
            return NotSignedIn();
        }

        if (!OmniChannel.PresenceValues.Contains(request.Status) || !omniChannel.SetPresence(rep.Id, request.Status).Succeeded)
        {
            return Problem(StatusCodes.Status400BadRequest, "Unknown presence status", $"Use one of {string.Join(", ", OmniChannel.PresenceValues)}.");
        }

        return TypedResults.Ok(console.View(rep));
    }

    private static Results<Ok<WorkListView>, ProblemHttpResult> ListWork(HttpContext context, OrgStore store, RepConsole console) =>
        RepIdentity.Current(context, store) is { } rep ? TypedResults.Ok(console.Work(rep)) : NotSignedIn();

    private static async Task<Results<Ok<TranscriptView>, ProblemHttpResult>> Accept(
        string sessionId, HttpContext context, OrgStore store, RepConsole console, CancellationToken cancellationToken)
    {
        if (RepIdentity.Current(context, store) is not { } rep)
        {
            return NotSignedIn();
        }

        sessionId = SessionId(sessionId);

        var result = await console.AcceptAsync(rep, sessionId, cancellationToken);
        return result.Succeeded && await console.TranscriptAsync(rep, sessionId, cancellationToken) is { } transcript
            ? TypedResults.Ok(transcript)
            : Failure(result.Status);
    }

    private static async Task<Results<Ok<TranscriptView>, ProblemHttpResult>> Transcript(
        string sessionId, HttpContext context, OrgStore store, RepConsole console, CancellationToken cancellationToken)
    {
        if (RepIdentity.Current(context, store) is not { } rep)
        {
            return NotSignedIn();
        }

        sessionId = SessionId(sessionId);

        return await console.TranscriptAsync(rep, sessionId, cancellationToken) is { } transcript
            ? TypedResults.Ok(transcript)
            : Failure(RoutingStatus.NotFound);
    }

    private static async Task<Results<Ok<RepRequests.Sent>, ProblemHttpResult>> Reply(
        string sessionId, RepRequests.Reply request, HttpContext context, OrgStore store, RepConsole console, CancellationToken cancellationToken)
    {
        if (RepIdentity.Current(context, store) is not { } rep)
        {
            return NotSignedIn();
        }

        sessionId = SessionId(sessionId);

        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return Problem(StatusCodes.Status400BadRequest, "Empty message", "The message text is required.");
        }

        return await console.ReplyAsync(rep, sessionId, request.Text, cancellationToken) is { } identifier
            ? TypedResults.Ok(new RepRequests.Sent(identifier))
            : Failure(RoutingStatus.NotOwner);
    }

    private static async Task<Results<Ok<RepRequests.Sent>, ProblemHttpResult>> SendFile(
        string sessionId, HttpRequest request, HttpContext context, OrgStore store, RepConsole console, [FromServices] AttachmentStore attachments,
        CancellationToken cancellationToken)
    {
        if (RepIdentity.Current(context, store) is not { } rep)
        {
            return NotSignedIn();
        }

        sessionId = SessionId(sessionId);
        if (!request.HasFormContentType || (await request.ReadFormAsync(cancellationToken)) is not { Files: [var file] } form)
        {
            return Problem(StatusCodes.Status400BadRequest, "No file", "Send multipart/form-data with exactly one file (part 'file') and an optional 'text'.");
        }

        if (file.Length == 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "Empty file", "The file is empty.");
        }

        var mimeType = string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType.Split(';')[0].Trim();
        var text = form["text"].ToString();
        return await console.SendFileAsync(rep, sessionId, async ct =>
            {
                await using var content = file.OpenReadStream();
                return await attachments.SaveAsync(Path.GetFileName(file.FileName), mimeType, content, ct);
            }, string.IsNullOrWhiteSpace(text) ? null : text, cancellationToken) is { } identifier
            ? TypedResults.Ok(new RepRequests.Sent(identifier))
            : Failure(RoutingStatus.NotOwner);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Typing(
        string sessionId, RepRequests.Typing request, HttpContext context, OrgStore store, RepConsole console, CancellationToken cancellationToken)
    {
        if (RepIdentity.Current(context, store) is not { } rep)
        {
            return NotSignedIn();
        }

        sessionId = SessionId(sessionId);

        return await console.TypingAsync(rep, sessionId, request.Started, cancellationToken) ? TypedResults.NoContent() : Failure(RoutingStatus.NotOwner);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Transfer(
        string sessionId, HttpContext context, OrgStore store, RepConsole console, CancellationToken cancellationToken)
    {
        if (RepIdentity.Current(context, store) is not { } rep)
        {
            return NotSignedIn();
        }

        sessionId = SessionId(sessionId);

        var result = await console.TransferAsync(rep, sessionId, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : Failure(result.Status);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> End(
        string sessionId, HttpContext context, OrgStore store, RepConsole console, CancellationToken cancellationToken)
    {
        if (RepIdentity.Current(context, store) is not { } rep)
        {
            return NotSignedIn();
        }

        sessionId = SessionId(sessionId);

        var result = await console.EndAsync(rep, sessionId, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : Failure(result.Status);
    }

    /// <summary>The canonical 18-character id, so that the 15-character id the Interaction Service API hands out works too.</summary>
    private static string SessionId(string sessionId) => SalesforceId.TryNormalize(sessionId, out var id) ? id : sessionId;

    private static ProblemHttpResult NotSignedIn() =>
        Problem(StatusCodes.Status401Unauthorized, "Not signed in", $"Sign in at /console or send the {RepIdentity.HeaderName} header.");

    private static ProblemHttpResult Failure(RoutingStatus status) => status switch
    {
        RoutingStatus.NotFound => Problem(StatusCodes.Status404NotFound, "Not found", "No such messaging session or work."),
        RoutingStatus.AlreadyTaken => Problem(StatusCodes.Status409Conflict, "Already accepted", "Another rep accepted this work first."),
        RoutingStatus.AlreadyEnded => Problem(StatusCodes.Status409Conflict, "Session ended", "The messaging session has ended."),
        RoutingStatus.NotAvailable => Problem(StatusCodes.Status409Conflict, "Not available", "Set your presence to Available to accept work."),
        RoutingStatus.AtCapacity => Problem(StatusCodes.Status409Conflict, "At capacity", "You already have as many sessions as your capacity allows."),
        RoutingStatus.NotOwner => Problem(StatusCodes.Status409Conflict, "Not your session", "The session is not open for you."),
        RoutingStatus.NoEscalationPath => Problem(StatusCodes.Status409Conflict, "No queue", "The channel has no valid queue to transfer to."),
        _ => Problem(StatusCodes.Status500InternalServerError, "Routing failed", status.ToString()),
    };

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
