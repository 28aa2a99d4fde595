using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Emulator.Conversations;
using Byoc.Emulator.Faults;
using Byoc.Emulator.Org.Ids;
using Byoc.Emulator.Org.Records;
using static Byoc.Emulator.Interactions.InteractionJson;

namespace Byoc.Emulator.Interactions;

/// <summary>
/// The Interaction Service API (SCRT2) under <c>/api/v1</c>: the BYOC-for-Messaging endpoints (interactions, conversation,
/// acknowledgement, capabilities), and the CCaaS / Bring Your Own Bot endpoints answering that this org does not have them (§11).
/// </summary>
internal static partial class InteractionEndpoints
{
    public static IEndpointRouteBuilder MapInteractionService(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").DisableAntiforgery().AddEndpointFilter(FaultInjector.InteractionFilterAsync);
        api.MapPost("/interactions", PostInteractionsAsync);
        api.MapPost("/conversation", PostConversationAsync);
        api.MapPost("/acknowledgement", PostAcknowledgementAsync);
        api.MapPatch("/capabilities", PatchCapabilitiesAsync);
        foreach (var (method, path) in s_contactCenterOnly)
        {
            api.MapMethods(path, [method], ContactCenterOnly);
        }

        api.MapPost("/conversationHistory", ConversationHistory);
        api.MapMethods("/conversationEntry", ["GET", "POST"], BringYourOwnBot);
        api.MapPost("/attachment", BringYourOwnBot);
        return endpoints;
    }

    private static readonly (string Method, string Path)[] s_contactCenterOnly =
    [
        ("PATCH", "/consent"), ("POST", "/route"), ("DELETE", "/route"), ("POST", "/routingResult"), ("POST", "/agentWork"),
        ("PATCH", "/agentWork"), ("POST", "/participant"), ("POST", "/messagingSession"),
    ];

    private static async Task<IResult> PostInteractionsAsync(
        HttpContext context, ScrtRequestValidator validator, ChannelResolver channels, OrgStore store, AttachmentStore attachments,
        InboundDispatcher dispatcher, IConversationEvents events, RoutingAttributes routing, FaultInjector faults, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        if (!validator.TryValidate(context.Request, out var caller, out var error))
        {
            return error.ToResult();
        }

        var (json, files, formError) = await ReadMultipartAsync(context.Request, cancellationToken);
        if (formError is not null)
        {
            return formError.ToResult();
        }

        if (!InteractionParser.TryParse(json!, files!, out var interaction, out error) ||
            !channels.TryResolve(interaction.To, caller, 10027, 10001, out var channel, out error))
        {
            return error.ToResult();
        }

        if (!RoutingAttributes.TryRead(json!, out var attributes))
        {
            return InteractionError.Of(10089).With("routingAttributes must map channel variable names to strings.").ToResult();
        }

        if (interaction.TranscriptEntryType is not null && store.Lookup("ConversationEntry", "MessageIdentifier", interaction.Id).Count > 0)
        {
            return InteractionError.Of(10073).ToResult();
        }

        OutboundAttachment? stored = null;
        if (interaction.File is { } file)
        {
            await using var content = file.OpenReadStream();
            stored = await attachments.SaveAsync(file.FileName, interaction.MimeType!, content, cancellationToken);
        }

        var receivedAt = timeProvider.GetUtcNow();
        // The entry and its pending mark commit together: a crash after the 202 cannot lose the entry's answer.
        var (entry, pendingId) = store.Write(writer =>
        {
            var (joined, sessionCreated) = Record(writer, channel, interaction);
            var accepted = new InboundEntry(
                joined, interaction.EntryType, interaction.Id, interaction.Text, interaction.Payload, sessionCreated, receivedAt);
            return (accepted, interaction.TranscriptEntryType is not null && PendingEntries.IsDurable(accepted.EntryType)
                ? PendingEntries.Mark(writer, accepted)
                : null);
        });
        var address = entry.Address;
        routing.Record(address.MessagingSessionId, attributes);
        dispatcher.Dispatch(entry, pendingId, stored is null ? null : async cancellationToken =>
        {
            var sender = new EventSender("custom", address.EndUserClientIdentifier, "EndUser", address.EndUserClientIdentifier);
            await events.PublishAsync(new AttachmentUploadedEvent(address, sender, interaction.Id, stored, faults.Current.AttachmentUploadError),
                cancellationToken);
        });
        return TypedResults.Json(
            new PostInteractionResponse(address.ConversationIdentifier, [ConversationRegistry.WireId(address.MessagingSessionId)], true, interaction.Id),
            statusCode: StatusCodes.Status202Accepted);
    }

    private static (ConversationAddress, bool) Record(OrgWriter writer, SObjectRecord channel, ParsedInteraction interaction)
    {
        var (address, sessionCreated) = ConversationRegistry.Join(writer, channel, interaction.From);
        if (interaction.TranscriptEntryType is null)
        {
            return (address, sessionCreated);
        }

        var sessionId = address.MessagingSessionId;
        var endUser = writer.Get(address.MessagingEndUserId)!;
        writer.Insert("ConversationEntry", new Dictionary<string, object?>
        {
            ["ConversationId"] = sessionId,
            ["ActorType"] = "EndUser",
            ["ActorName"] = endUser.GetString("Name"),
            ["ActorId"] = endUser.Id,
            ["Message"] = interaction.Text,
            ["EntryType"] = interaction.TranscriptEntryType,
            ["EntryTime"] = writer.Now,
            ["EntryTimeMilliSecs"] = (double)writer.Now.ToUnixTimeMilliseconds(),
            ["Seq"] = (long)(writer.Lookup("ConversationEntry", "ConversationId", sessionId).Count + 1),
            ["MessageStatus"] = interaction.EntryType == "MessageDeliveryFailed" ? null : "Sent",
            ["MessageIdentifier"] = interaction.Id,
            ["HasAttachments"] = interaction.File is not null,
            ["ServerReceivedTimestamp"] = writer.Now,
            ["ClientTimestamp"] = DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(interaction.Timestamp, 0, 253402300799999)),
        });
        if (interaction.EntryType is "Message" or "AttachmentInteraction")
        {
            var session = writer.Get(sessionId)!;
            writer.Update(sessionId, new Dictionary<string, object?> { ["EndUserMessageCount"] = (session.GetLong("EndUserMessageCount") ?? 0) + 1 });
        }

        if (interaction.FailedEntryIdentifier is { } failedId)
        {
            foreach (var failed in writer.Lookup("ConversationEntry", "MessageIdentifier", failedId))
            {
                writer.Update(failed.Id, new Dictionary<string, object?> { ["MessageStatus"] = "Error" });
            }
        }

        return (address, sessionCreated);
    }

    private static async Task<(JsonObject? Json, IReadOnlyList<IFormFile>? Files, InteractionError? Error)> ReadMultipartAsync(
        HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, null, InteractionError.Of(10100).With("Send multipart/form-data with a 'json' part."));
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, null, InteractionError.Of(10100).With("The multipart body could not be read."));
        }

        var jsonText = form["json"].ToString();
        if (jsonText.Length == 0 && form.Files.GetFile("json") is { } jsonFile)
        {
            using var reader = new StreamReader(jsonFile.OpenReadStream());
            jsonText = await reader.ReadToEndAsync(cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(jsonText))
        {
            return (null, null, InteractionError.Of(10100).With("The 'json' part is missing."));
        }

        if (form.Files.Any(f => f.Name is not ("json" or "attachments")))
        {
            return (null, null, InteractionError.Of(10011).With("Files go in the 'attachments' part."));
        }

        var json = ParseObject(jsonText);
        return json is null
            ? (null, null, InteractionError.Of(10100).With("The 'json' part is not a JSON object."))
            : (json, form.Files.GetFiles("attachments"), null);
    }

    private static async Task<JsonObject?> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        return ParseObject(await reader.ReadToEndAsync(cancellationToken));
    }

    private static JsonObject? ParseObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult ContactCenterOnly(HttpContext context, ScrtRequestValidator validator) =>
        validator.TryValidate(context.Request, out _, out var error) ? InteractionError.Of(15102).ToResult() : error.ToResult();

    private static IResult ConversationHistory(HttpContext context, ScrtRequestValidator validator) =>
        validator.TryValidate(context.Request, out _, out var error) ? InteractionError.Of(10057).ToResult() : error.ToResult();

    private static IResult BringYourOwnBot(HttpContext context, ScrtRequestValidator validator) =>
        validator.TryValidateToken(context.Request, out _, out var error)
            ? InteractionError.Of(10093).With("No Bring Your Own Bot integration is configured in this org.").ToResult()
            : error.ToResult();

    private static bool IsEndUser(JsonObject? participant) =>
        String(participant, "appType") == "custom" && String(participant, "role") == "EndUser" &&
        !string.IsNullOrEmpty(String(participant, "subject"));

    private static string WireSessionId(ConversationAddress address) => SalesforceId.To15(address.MessagingSessionId);
}
