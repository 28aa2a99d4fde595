using System.Text;
using Byoc.Connector.Pipeline;
using Byoc.Connector.Salesforce.Wire;
using Byoc.Core.Channels;
using Byoc.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Byoc.Connector.Channels;

/// <summary>
/// The one front door of every channel, behind <c>/channels/{channel}</c> and the older aliases: it holds no platform
/// knowledge. For a request with a body it checks the media type (415) and the size (413, before and while reading)
/// against the adapter's <see cref="InboundLimits"/>, reads the body once, parses a form body once, and hands the adapter
/// an <see cref="InboundRequest"/> with the public URL (<see cref="PublicUrls"/>). It answers the adapter's refusal as a
/// problem; it refuses (422) an end user Salesforce could not know (an <see cref="EndUserIdentifier"/> that does not
/// fit) or a text longer than a Salesforce conversation entry takes, and stores the adapter's messages in the inbox
/// (insert-or-ignore), answering 2xx only after the commit.
/// </summary>
internal sealed partial class InboundDoor(
    InboundIngestor ingestor,
    IInboxStore inbox,
    InboundFiles files,
    PendingChoices choices,
    PublicUrls publicUrls,
    ILogger<InboundDoor> logger)
{
    private const int ReadChunkBytes = 16 * 1024;

    public async Task<IResult> ReceiveAsync(HttpContext http, IChannel channel, string? path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(channel);
        var request = http.Request;
        var limits = channel.Inbound.Limits;
        var body = ReadOnlyMemory<byte>.Empty;
        var mediaType = MediaType(request.ContentType);
        if (HasBody(request.Method))
        {
            if (mediaType is null || !limits.MediaTypes.Contains(mediaType, StringComparer.Ordinal))
            {
                return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                    $"Expected Content-Type {string.Join(" or ", limits.MediaTypes)}, got '{request.ContentType}'.");
            }

            if (request.ContentLength > limits.MaxBodyBytes || await ReadBodyAsync(request, limits.MaxBodyBytes, cancellationToken) is not { } read)
            {
                return Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body exceeds the channel's limit of {limits.MaxBodyBytes} bytes.");
            }

            body = read;
        }

        var form = InboundFields.Empty;
        if (mediaType == InboundLimits.Form && body.Length > 0)
        {
            if (await ReadFormAsync(body) is not { } parsed)
            {
                return Problem(StatusCodes.Status400BadRequest, "Malformed body", "The form body could not be read.");
            }

            form = parsed;
        }

        var inbound = new InboundRequest
        {
            Channel = channel.Name,
            Method = request.Method.ToUpperInvariant(),
            PublicUrl = publicUrls.For(request, channel.PublicBaseUrl),
            Path = path?.Trim('/') ?? string.Empty,
            Query = new InboundFields(Pairs(new QueryStringEnumerable(request.QueryString.Value))),
            Form = form,
            Headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = body,
            ContentType = request.ContentType,
        };
        var context = new InboundContext(channel.Name, inbox, files, choices);
        var result = await channel.Inbound.ReceiveAsync(inbound, context, cancellationToken);
        switch (result.Kind)
        {
            case InboundResultKind.Refuse:
                var refusal = result.Refusal!;
                Log.Refused(logger, channel.Name, refusal.StatusCode, refusal.Title);
                return Problem(refusal.StatusCode, refusal.Title, refusal.Detail);
            case InboundResultKind.Reply:
                return Reply(result.Reply!, 0, 0);
        }

        foreach (var skipped in result.Skipped)
        {
            Log.ItemSkipped(logger, channel.Name, skipped);
        }

        var messages = CheckedMessages(channel, result);
        if (TooLongText(messages) is { } textProblem)
        {
            Log.Refused(logger, channel.Name, StatusCodes.Status422UnprocessableEntity, "Text too long");
            return Problem(StatusCodes.Status422UnprocessableEntity, "Text too long", textProblem);
        }

        if (await ingestor.CheckEndUsersAsync(channel, messages, cancellationToken) is { } endUserProblem)
        {
            Log.Refused(logger, channel.Name, StatusCodes.Status422UnprocessableEntity, "End user id too long");
            return Problem(StatusCodes.Status422UnprocessableEntity, "End user id too long", endUserProblem);
        }

        var ingested = await ingestor.IngestAsync(channel, messages, cancellationToken);
        foreach (var step in context.AfterCommitSteps)
        {
            try
            {
                await step(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.AfterCommitFailed(logger, channel.Name, ex);
            }
        }

        return Reply(result.Reply!, ingested.Stored, ingested.Duplicates + result.AlreadyStored);
    }

    internal static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    private static IReadOnlyList<Core.Messages.InboundMessage> CheckedMessages(IChannel channel, InboundResult result)
    {
        foreach (var message in result.Messages)
        {
            if (!string.Equals(message.Channel, channel.Name, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"The adapter of channel '{channel.Name}' returned a message for channel '{message.Channel}'; use InboundRequest.Channel.");
            }
        }

        return result.Messages;
    }

    /// <summary>Why a message's text cannot reach Salesforce (longer than <see cref="StaticContent.MaxTextLength"/>), or null.</summary>
    private static string? TooLongText(IReadOnlyList<Core.Messages.InboundMessage> messages) =>
        messages.FirstOrDefault(m => m.Text?.Length > StaticContent.MaxTextLength) is { } message
            ? $"A message may have at most {StaticContent.MaxTextLength} characters of text (the length of a Salesforce conversation " +
                $"entry); message '{message.PlatformMessageId}' has {message.Text!.Length}. Nothing of this request was stored."
            : null;

    private static IResult Reply(InboundReply reply, int stored, int duplicates) => reply switch
    {
        { ReportsCounts: true } => TypedResults.Accepted((string?)null, new InboundAcceptedResponse(stored, duplicates)),
        { Body: { } text } => TypedResults.Text(text, reply.ContentType, Encoding.UTF8, reply.StatusCode),
        _ => TypedResults.StatusCode(reply.StatusCode),
    };

    private static bool HasBody(string method) => HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method);

    private static string? MediaType(string? contentType) =>
        contentType?.Split(';')[0].Trim().ToLowerInvariant() is { Length: > 0 } type ? type : null;

    /// <summary>Reads at most <paramref name="max"/> bytes; null when the body is longer.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[ReadChunkBytes];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The form's fields in order, from the bytes the adapter also gets; null when the form is unreadable.</summary>
    private static async Task<InboundFields?> ReadFormAsync(ReadOnlyMemory<byte> body)
    {
        using var stream = new MemoryStream(body.ToArray(), writable: false);
        using var reader = new FormReader(stream, Encoding.UTF8);
        var fields = new List<KeyValuePair<string, string>>();
        try
        {
            while (await reader.ReadNextPairAsync() is { } pair)
            {
                fields.Add(new KeyValuePair<string, string>(pair.Key, pair.Value));
            }
        }
        catch (InvalidDataException)
        {
            return null;
        }

        return new InboundFields(fields);
    }

    private static List<KeyValuePair<string, string>> Pairs(QueryStringEnumerable query)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var pair in query)
        {
            pairs.Add(new KeyValuePair<string, string>(pair.DecodeName().ToString(), pair.DecodeValue().ToString()));
        }

        return pairs;
    }
}
