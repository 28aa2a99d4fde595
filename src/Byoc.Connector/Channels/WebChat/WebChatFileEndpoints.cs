using Byoc.Connector.Attachments;
using Byoc.Connector.Pipeline;
using Byoc.Core.Messages;
using Byoc.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Byoc.Connector.Channels.WebChat;

/// <summary>
/// Files in web chat: <c>POST /chat/{channel}/files</c> takes the visitor's upload (multipart: <c>id</c>, optional
/// <c>text</c>, <c>file</c>), refuses a wrong type (415) or size (413) with a message the page shows, stores it and
/// queues it like a message (202 after the commit; a re-sent upload is not stored again); <c>GET
/// /chat/{channel}/files/{id}?key=…</c> serves a file of a visitor's conversation: the key (<see cref="WebChatFileKeys"/>)
/// only goes out on the stream of the visitor whose chat log holds the file, so no other file (another channel's, one never
/// shown) is served here, whatever its id; images are served inline, everything else as a download.
/// </summary>
internal static class WebChatFileEndpoints
{
    public static RouteGroupBuilder MapWebChatFiles(this RouteGroupBuilder group)
    {
        group.MapPost("/{channel}/files", UploadAsync).DisableAntiforgery();
        group.MapGet("/{channel}/files/{id}", DownloadAsync);
        return group;
    }

    internal static async Task<Results<Accepted<InboundAcceptedResponse>, ProblemHttpResult>> UploadAsync(
        string channel, HttpRequest request, ChannelRegistry channels, InboundIngestor ingestor, WebChatHub hub, InboundFileCheck check,
        AttachmentFiles files, IInboxStore inbox, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (channels.Find(channel) is not WebChatChannel chat)
        {
            return WebChatEndpoints.UnknownChannel(channel);
        }

        var session = chat.Tokens.Verify(WebChatInboundAdapter.BearerToken(request.Headers.Authorization.ToString()), out var error);
        if (session is null)
        {
            return WebChatEndpoints.Problem(StatusCodes.Status401Unauthorized, "Invalid session", error!);
        }

        if (!request.HasFormContentType)
        {
            return WebChatEndpoints.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                $"Expected Content-Type multipart/form-data, got '{request.ContentType}'.");
        }

        // The multipart framing and the short fields add a few KiB at most.
        if (request.ContentLength > check.MaxBytes + 64 * 1024)
        {
            return WebChatEndpoints.Problem(StatusCodes.Status413PayloadTooLarge, "File too large", check.TooLarge);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            // A malformed part (a Content-Disposition without a name, a broken boundary) or a section over the form limits.
            return WebChatEndpoints.Problem(StatusCodes.Status400BadRequest, "Malformed body", $"The multipart body could not be read: {ex.Message}");
        }

        var id = form["id"].ToString();
        if (id.Length is 0 or > WebChatInboundAdapter.MaxIdLength || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            return WebChatEndpoints.Problem(StatusCodes.Status400BadRequest, "Malformed body",
                $"'id' is required: 1 to {WebChatInboundAdapter.MaxIdLength} letters, digits, '-', '_', '.' or ':'.");
        }

        if (form.Files is not [var file])
        {
            return WebChatEndpoints.Problem(StatusCodes.Status400BadRequest, "Malformed body", "Send exactly one file, in the part named 'file'.");
        }

        var platformMessageId = WebChatInboundAdapter.PlatformMessageId(session.VisitorId, id);
        if (await inbox.ContainsAsync(chat.Name, platformMessageId, cancellationToken))
        {
            // A re-sent upload: stored before, so the file is not stored again.
            return TypedResults.Accepted((string?)null, new InboundAcceptedResponse(0, 1));
        }

        var mimeType = InboundFileCheck.MimeTypeOf(file.ContentType, file.FileName);
        if (check.RefuseType(mimeType) is { } badType)
        {
            return WebChatEndpoints.Problem(StatusCodes.Status415UnsupportedMediaType, "File type not accepted", badType);
        }

        if (check.RefuseSize(file.Length) is { } badSize)
        {
            return WebChatEndpoints.Problem(file.Length == 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status413PayloadTooLarge,
                "File refused", badSize);
        }

        await using var content = file.OpenReadStream();
        var stored = await files.SaveAsync(file.FileName, mimeType!, content, check.MaxBytes, cancellationToken);
        if (stored is null)
        {
            return WebChatEndpoints.Problem(StatusCodes.Status413PayloadTooLarge, "File too large", check.TooLarge);
        }

        var caption = form["text"].ToString();
        var message = new InboundMessage
        {
            Channel = chat.Name,
            PlatformMessageId = platformMessageId,
            PlatformUserId = session.VisitorId,
            Kind = InboundKind.Attachment,
            Timestamp = timeProvider.GetUtcNow(),
            Text = string.IsNullOrWhiteSpace(caption) ? null : caption,
            Attachment = new InboundAttachment(stored.Id, stored.Name, stored.MimeType, stored.Length),
        };
        // Logged before the inbox commit, like a text message (see WebChatEndpoints.ReceiveAsync).
        await hub.AppendAsync(chat.Name, session.VisitorId, WebChatEvents.FromCustomer(message), cancellationToken);
        var result = await ingestor.IngestAsync(chat, [message], cancellationToken);
        return TypedResults.Accepted((string?)null, new InboundAcceptedResponse(result.Stored, result.Duplicates));
    }

    internal static async Task<IResult> DownloadAsync(string channel, string id, string? key, ChannelRegistry channels, AttachmentFiles files,
        HttpResponse response, CancellationToken cancellationToken)
    {
        // A missing or wrong key answers as an unknown file does: the route does not tell which ids exist.
        if (channels.Find(channel) is not WebChatChannel chat || !chat.FileKeys.IsValid(id, key)
            || await files.FindAsync(id, cancellationToken) is not { } file)
        {
            return TypedResults.NotFound();
        }

        var inline = file.MimeType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) && file.MimeType != "image/svg+xml";
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers[HeaderNames.CacheControl] = "private, max-age=86400";
        response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
        response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue(inline ? "inline" : "attachment")
        {
            FileNameStar = file.Name,
        }.ToString();
        return TypedResults.Stream(files.OpenRead(file), inline ? file.MimeType : "application/octet-stream");
    }
}
