using System.Net;
using Byoc.Bench.Workload;

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
    [InlineData(HttpStatusCode.Accepted, SendOutcome.Accepted)]
    [InlineData(HttpStatusCode.ServiceUnavailable, SendOutcome.Transient)]
    [InlineData(HttpStatusCode.TooManyRequests, SendOutcome.Transient)]
    [InlineData(HttpStatusCode.RequestTimeout, SendOutcome.Transient)]
    [InlineData(HttpStatusCode.Unauthorized, SendOutcome.Rejected)]
    [InlineData(HttpStatusCode.BadRequest, SendOutcome.Rejected)]
    internal void Classify_Status_RetriesOnlyTransientAnswers(HttpStatusCode status, SendOutcome expected) =>
        Assert.Equal(expected, WebhookSender.Classify(status));
}
