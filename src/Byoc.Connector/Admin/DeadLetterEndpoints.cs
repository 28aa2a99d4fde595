using Byoc.Connector.Pipeline;
using Byoc.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byoc.Connector.Admin;

/// <summary>
/// <c>/admin/deadletters</c>: list (paged, newest first), show, replay one or all (back to their queue with attempts
/// reset; the workers are woken), purge one, all, or those older than a time.
/// </summary>
internal static class DeadLetterEndpoints
{
    public const int MaxPageSize = 500;

    public static RouteGroupBuilder MapDeadLetterEndpoints(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/deadletters");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:long}", ShowAsync);
        group.MapPost("/{id:long}/replay", ReplayAsync);
        group.MapPost("/replay", ReplayAllAsync);
        group.MapDelete("/{id:long}", PurgeAsync);
        group.MapDelete("/", PurgeAllAsync);
        return group;
    }

    internal static async Task<Results<Ok<DeadLetterPage>, ProblemHttpResult>> ListAsync(IDeadLetterStore store, int? limit, long? before,
        CancellationToken cancellationToken)
    {
        var size = limit ?? 50;
        if (size is < 1 or > MaxPageSize)
        {
            return BadRequest($"limit must be between 1 and {MaxPageSize}, got {size}.");
        }

        var items = await store.ListAsync(size, before, cancellationToken);
        var total = await store.CountAsync(cancellationToken);
        var next = items.Count == size ? items[^1].Id : (long?)null;
        return TypedResults.Ok(new DeadLetterPage(total, [.. items.Select(DeadLetterSummary.From)], next));
    }

    internal static async Task<Results<Ok<DeadLetterDetail>, ProblemHttpResult>> ShowAsync(long id, IDeadLetterStore store,
        CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } found ? TypedResults.Ok(DeadLetterDetail.From(found)) : NotFound(id);

    internal static async Task<Results<Ok<DeadLetterCount>, ProblemHttpResult>> ReplayAsync(long id, IDeadLetterStore store,
        InboxSignal inbox, OutboxSignal outbox, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is null)
        {
            return NotFound(id);
        }

        if (!await store.ReplayAsync(id, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not replayed",
                detail: $"Dead letter {id} was not replayed: it is gone, or its queue already holds a live row with the same key.");
        }

        Wake(inbox, outbox);
        return TypedResults.Ok(new DeadLetterCount(1));
    }

    internal static async Task<Ok<DeadLetterCount>> ReplayAllAsync(IDeadLetterStore store, InboxSignal inbox, OutboxSignal outbox,
        CancellationToken cancellationToken)
    {
        var replayed = await store.ReplayAllAsync(cancellationToken);
        Wake(inbox, outbox);
        return TypedResults.Ok(new DeadLetterCount(replayed));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> PurgeAsync(long id, IDeadLetterStore store,
        CancellationToken cancellationToken) =>
        await store.PurgeAsync(id, cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    internal static async Task<Results<Ok<DeadLetterCount>, ProblemHttpResult>> PurgeAllAsync(IDeadLetterStore store, bool? all,
        DateTimeOffset? olderThan, CancellationToken cancellationToken)
    {
        if (all is true == olderThan.HasValue)
        {
            return BadRequest("Pass exactly one of all=true or olderThan=<ISO 8601 time>.");
        }

        return TypedResults.Ok(new DeadLetterCount(await store.PurgeAllAsync(olderThan, cancellationToken)));
    }

    private static void Wake(InboxSignal inbox, OutboxSignal outbox)
    {
        inbox.Signal.Notify();
        outbox.Signal.Notify();
    }

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such dead letter", detail: $"There is no dead letter {id}.");

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request", detail: detail);
}
