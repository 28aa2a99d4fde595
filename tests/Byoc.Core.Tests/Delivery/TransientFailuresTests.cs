using System.Net;
using System.Net.Http.Headers;
using Byoc.Core.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Core.Tests.Delivery;

public sealed class TransientFailuresTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(599, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    [InlineData(409, false)]
    [InlineData(422, false)]
    public void IsTransient_Status_OnlyTimeoutsRateLimitsAndServerErrors(int status, bool expected)
    {
        Assert.Equal(expected, TransientFailures.IsTransient(status));
    }

    [Fact]
    public void Classify_TooManyRequestsWithDelta_IsRetryableWithTheWait()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));

        var outcome = TransientFailures.Classify(response, "slow down", _time);

        Assert.Equal((DeliveryOutcomeKind.Retryable, "slow down", TimeSpan.FromSeconds(7)), (outcome.Kind, outcome.Error, outcome.RetryAfter));
    }

    [Fact]
    public void Classify_UnavailableWithDate_WaitsUntilThatDate()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(_time.GetUtcNow().AddMinutes(2));

        Assert.Equal(TimeSpan.FromMinutes(2), TransientFailures.Classify(response, "down", _time).RetryAfter);
    }

    [Fact]
    public void RetryAfter_DateInThePast_IsNone()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(_time.GetUtcNow().AddMinutes(-1));

        Assert.Null(TransientFailures.RetryAfter(response.Headers, _time));
    }

    [Fact]
    public void Classify_BadRequest_IsPermanentWithoutWait()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));

        var outcome = TransientFailures.Classify(response, "bad", _time);

        Assert.Equal((DeliveryOutcomeKind.Permanent, "bad", (TimeSpan?)null), (outcome.Kind, outcome.Error, outcome.RetryAfter));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Retryable_NonPositiveWait_CarriesNoWait(int seconds)
    {
        Assert.Null(DeliveryOutcome.Retryable("x", TimeSpan.FromSeconds(seconds)).RetryAfter);
    }
}
