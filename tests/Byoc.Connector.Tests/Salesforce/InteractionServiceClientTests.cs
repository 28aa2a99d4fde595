using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Connector.Salesforce;
using Byoc.Connector.Salesforce.Translation;
using Byoc.Connector.Salesforce.Wire;
using Byoc.Core.Delivery;
using Byoc.Core.Messages;
using Byoc.TestUtilities.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Tests.Salesforce;

public sealed class InteractionServiceClientTests : IAsyncLifetime
{
    private readonly FakeTokenProvider _tokens = new();
    private readonly HttpClient _http = new();
    private FakeInteractionServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeInteractionServer.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task SendInteractionAsync_TextMessage_PostsMultipartWithUnquotedBoundaryAndJsonPart()
    {
        var sut = CreateSut();

        var result = await sut.SendInteractionAsync(TextRequest("hello"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcomeKind.Succeeded, result.Outcome.Kind);
        Assert.Equal("conv-1", result.Value?.ConversationIdentifier);
        var request = Assert.Single(_server.Requests);
        Assert.Equal(("POST", "/api/v1/interactions"), (request.Method, request.Path));
        var contentType = request.Header("Content-Type")!;
        Assert.Matches("^multipart/form-data; boundary=[^\"; ]+$", contentType);
        var part = Assert.Single(MultipartReader.Parse(contentType, request.BodyText));
        Assert.Contains(part.Headers, h => h.StartsWith("Content-Disposition: form-data", StringComparison.Ordinal) && h.Contains("name=\"json\"", StringComparison.Ordinal));
        Assert.Contains("Content-Type: application/json", part.Headers);
        var json = JsonNode.Parse(part.Body);
        ContractValidator.InboundWhenPresent?.AssertValid(json, "InteractionRequestJson");
        Assert.Equal("hello", json!["interactions"]![0]!["payload"]!["abstractMessage"]!["staticContent"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendInteractionAsync_EveryRequest_CarriesHeadersAndAFreshRequestId()
    {
        var sut = CreateSut();
        var ct = TestContext.Current.CancellationToken;

        await sut.SendInteractionAsync(TextRequest("one"), ct);
        await sut.AcknowledgeAsync(new AcknowledgementRequest(Participant.EndUser("u"), "conv-1",
            [new Acknowledgement(1, "Delivered", "e1", "a1")]), ct);

        var requests = _server.Requests.ToArray();
        Assert.All(requests, r =>
        {
            Assert.Equal("Bearer token-1", r.Header("Authorization"));
            Assert.Equal("00Dxx0000001gEH", r.Header("OrgId"));
            Assert.Equal("Partner1_ChannelDefinition1", r.Header("AuthorizationContext"));
            Assert.True(Guid.TryParse(r.Header("RequestId"), out _));
        });
        Assert.NotEqual(requests[0].Header("RequestId"), requests[1].Header("RequestId"));
        Assert.Equal("application/json", requests[1].Header("Content-Type")!.Split(';')[0]);
    }

    [Fact]
    public async Task SendInteractionAsync_Unauthorized_RemintsOnceAndRetriesWithNewRequestId()
    {
        _server.Answers.Enqueue(_ => Results.Json(new { code = 10004, message = "invalid token" }, statusCode: 401));
        var sut = CreateSut();

        var result = await sut.SendInteractionAsync(TextRequest("hi"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcomeKind.Succeeded, result.Outcome.Kind);
        Assert.Equal(1, _tokens.Renewals);
        var requests = _server.Requests.ToArray();
        Assert.Equal(["Bearer token-1", "Bearer token-2"], requests.Select(r => r.Header("Authorization")));
        Assert.NotEqual(requests[0].Header("RequestId"), requests[1].Header("RequestId"));
    }

    [Fact]
    public async Task SendInteractionAsync_ForbiddenTwice_RemintsOnlyOnceAndFailsPermanently()
    {
        _server.DefaultAnswer = _ => Results.Json(new { code = 10005, message = "bad context" }, statusCode: 403);
        var sut = CreateSut();

        var result = await sut.SendInteractionAsync(TextRequest("hi"), TestContext.Current.CancellationToken);

        Assert.Equal((DeliveryOutcomeKind.Permanent, 403, 10005), (result.Outcome.Kind, result.StatusCode, result.ErrorCode));
        Assert.Equal(1, _tokens.Renewals);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Theory]
    [InlineData(429, 0, "Retryable")]
    [InlineData(500, 500, "Retryable")]
    [InlineData(503, 0, "Retryable")]
    [InlineData(400, 10019, "Retryable")]
    [InlineData(409, 10055, "Retryable")]
    [InlineData(400, 10056, "Retryable")]
    [InlineData(400, 10094, "Retryable")]
    [InlineData(400, 10028, "Permanent")]
    [InlineData(404, 10017, "Permanent")]
    // A documented client error fails the same way on every retry, whatever status carries it.
    [InlineData(500, 10045, "Permanent")]
    [InlineData(503, 10028, "Permanent")]
    [InlineData(500, 20003, "Permanent")]
    [InlineData(500, 20002, "Retryable")]
    [InlineData(502, 0, "Retryable")]
    public async Task SendInteractionAsync_ErrorAnswer_IsClassified(int status, int code, string expected)
    {
        _server.DefaultAnswer = _ => code == 0 ? Results.StatusCode(status) : Results.Json(new { code, message = "m" }, statusCode: status);
        var sut = CreateSut();

        var result = await sut.SendInteractionAsync(TextRequest("hi"), TestContext.Current.CancellationToken);

        Assert.Equal(Enum.Parse<DeliveryOutcomeKind>(expected), result.Outcome.Kind);
        Assert.Equal(status, result.StatusCode);
        Assert.Equal(code == 0 ? null : code, result.ErrorCode);
    }

    [Fact]
    public async Task SendInteractionAsync_ServerTooSlow_ReturnsRetryableTimeout()
    {
        _server.DefaultAnswer = _ => new NeverAnswered();
        var sut = CreateSut(TimeSpan.FromMilliseconds(200));

        var result = await sut.SendInteractionAsync(TextRequest("hi"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcomeKind.Retryable, result.Outcome.Kind);
        Assert.Contains("timed out", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendInteractionAsync_CallerCancels_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSut().SendInteractionAsync(TextRequest("hi"), cts.Token));
    }

    [Fact]
    [Trait("Category", "Contract")]
    public async Task EstablishConversationAsync_Request_MatchesContract()
    {
        var result = await CreateSut().EstablishConversationAsync(
            new ConversationRequest("addr-1", [Participant.EndUser("webhook:u1")]), TestContext.Current.CancellationToken);

        Assert.Equal("0Mw000000000001", result.Value?.MessagingSessionId);
        var request = Assert.Single(_server.Requests);
        Assert.Empty(OpenApiContract.Inbound.Validate("PostConversationRequest", JsonNode.Parse(request.BodyText)));
    }

    [Fact]
    [Trait("Category", "Contract")]
    public async Task AcknowledgeAsync_Request_MatchesContractExceptTheDocumentedNumericTimestamp()
    {
        var status = Status(DeliveryStatus.Read);

        await CreateSut().AcknowledgeAsync(InteractionMapper.ToAcknowledgement(status, "conv-1", "webhook:u1"), TestContext.Current.CancellationToken);

        var body = JsonNode.Parse(Assert.Single(_server.Requests).BodyText);
        // The schema types acknowledgementTimestamp as a string; samples and the docs (§5.3) send epoch milliseconds.
        Assert.Equal(["$.acknowledgements[0].acknowledgementTimestamp: expected a string"], OpenApiContract.Inbound.Validate("AcknowledgementRequest", body));
        Assert.Equal("Read", body!["acknowledgements"]![0]!["acknowledgementType"]!.GetValue<string>());
        Assert.Equal("entry-1", body["acknowledgements"]![0]!["acknowledgedConversationEntryIdentifier"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Text")]
    [InlineData("TypingStarted")]
    [InlineData("TypingStopped")]
    [InlineData("ChoiceResponse")]
    [Trait("Category", "Contract")]
    public void ToInteraction_EachKind_MatchesContract(string kind)
    {
        var message = new InboundMessage
        {
            Channel = "webhook",
            PlatformMessageId = "m1",
            PlatformUserId = "u1",
            Kind = Enum.Parse<InboundKind>(kind),
            Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(1718000000000),
            Text = "Yes",
            ChoiceOptionIdentifier = "opt-1",
        };

        var json = JsonSerializer.SerializeToNode(InteractionMapper.ToInteraction(message, "addr-1", "webhook:u1"), SalesforceJson.Options);

        Assert.Empty(OpenApiContract.Inbound.Validate("InteractionRequestJson", json));
    }

    [Fact]
    [Trait("Category", "Contract")]
    public void ToDeliveryFailed_Status_MatchesContractAndNamesTheFailedEntry()
    {
        var json = JsonSerializer.SerializeToNode(
            InteractionMapper.ToDeliveryFailed(Status(DeliveryStatus.Failed), "addr-1", "webhook:u1"), SalesforceJson.Options);

        Assert.Empty(OpenApiContract.Inbound.Validate("InteractionRequestJson", json));
        var payload = json!["interactions"]![0]!["payload"]!;
        Assert.Equal("entry-1", payload["failedConversationEntryIdentifier"]!.GetValue<string>());
        Assert.Equal("EndUser", payload["recipient"]!["role"]!.GetValue<string>());
    }

    [Fact]
    public void ToInteraction_SameMessageTwice_UsesTheSameEntryId()
    {
        var message = Status(DeliveryStatus.Read) with { Kind = InboundKind.Text, Text = "hi" };

        var first = InteractionMapper.ToInteraction(message, "a", "u").Interactions[0].Payload!;
        var second = InteractionMapper.ToInteraction(message, "a", "u").Interactions[0].Payload!;

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Id, first.AbstractMessage!.Id);
        Assert.True(Guid.TryParse(first.Id, out _));
    }

    private static InboundMessage Status(DeliveryStatus status) => new()
    {
        Channel = "webhook",
        PlatformMessageId = "s1",
        PlatformUserId = "u1",
        Kind = InboundKind.Status,
        Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(1718000000000),
        Status = status,
        StatusOfEntryIdentifier = "entry-1",
        StatusError = status == DeliveryStatus.Failed ? "unreachable" : null,
    };

    private static InteractionRequest TextRequest(string text) => InteractionMapper.ToInteraction(new InboundMessage
    {
        Channel = "webhook",
        PlatformMessageId = Guid.NewGuid().ToString(),
        PlatformUserId = "u1",
        Kind = InboundKind.Text,
        Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(1718000000000),
        Text = text,
    }, "addr-1", "webhook:u1");

    private InteractionServiceClient CreateSut(TimeSpan? timeout = null) => new(
        _http,
        _tokens,
        Options.Create(new SalesforceOptions
        {
            ScrtUrl = _server.BaseAddress,
            OrgId = "00Dxx0000001gEH",
            AuthorizationContext = "Partner1_ChannelDefinition1",
            RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
        }),
        TimeProvider.System,
        NullLogger<InteractionServiceClient>.Instance);

    /// <summary>A server that holds the request until the caller gives up.</summary>
    private sealed class NeverAnswered : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => new TaskCompletionSource().Task.WaitAsync(httpContext.RequestAborted);
    }
}
