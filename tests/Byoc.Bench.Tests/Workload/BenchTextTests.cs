using System.Net;
using Byoc.Bench.Workload;
using Byoc.Core.Delivery;

namespace Byoc.Bench.Tests.Workload;

public sealed class BenchTextTests
{
    [Fact]
    public void TryParseReply_EchoOfAMessage_ReadsUserAndSequence()
    {
        Assert.True(BenchText.TryParseReply("echo " + BenchText.Message(17, 42), out var user, out var sequence));
        Assert.Equal((17, 42), (user, sequence));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Benchmark echo agent.")]
    [InlineData("echo bench u1 s2 and more")]
    [InlineData("bench u1 s2")]
    public void TryParseReply_OtherText_IsFalse(string? text) => Assert.False(BenchText.TryParseReply(text, out _, out _));

    [Theory]
    [InlineData(HttpStatusCode.Accepted, DeliveryOutcomeKind.Succeeded)]
    [InlineData(HttpStatusCode.ServiceUnavailable, DeliveryOutcomeKind.Retryable)]
    [InlineData(HttpStatusCode.TooManyRequests, DeliveryOutcomeKind.Retryable)]
    [InlineData(HttpStatusCode.RequestTimeout, DeliveryOutcomeKind.Retryable)]
    [InlineData(HttpStatusCode.Unauthorized, DeliveryOutcomeKind.Permanent)]
    [InlineData(HttpStatusCode.BadRequest, DeliveryOutcomeKind.Permanent)]
    public void Classify_Status_RetriesOnlyTransientAnswers(HttpStatusCode status, DeliveryOutcomeKind expected) =>
        Assert.Equal(expected, WebhookSender.Classify(status));
}
