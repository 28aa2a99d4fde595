using Byoc.Connector.Pipeline;
using Byoc.Connector.Salesforce;
using Byoc.Connector.Salesforce.Wire;
using Byoc.Core.Delivery;

namespace Byoc.Connector.Tests.Pipeline;

/// <summary>How the inbox worker reads the org's answers: a repeated message id is an earlier attempt that got through.</summary>
public sealed class InboundForwarderOutcomeTests
{
    [Fact]
    public void ToOutcome_DuplicateMessageIdOnARowWithNoRecordedAttempt_Accepted()
    {
        // A SIGKILL during the first attempt leaves Attempts at 0; the org stored the entry, so the restart's send gets 10073.
        var answer = new ApiResult<PostInteractionResponse> { Outcome = DeliveryOutcome.Permanent("400 code 10073"), StatusCode = 400, ErrorCode = 10073 };

        var outcome = InboundForwarderWorker.ToOutcome(answer);

        Assert.Equal(DeliveryOutcomeKind.Succeeded, outcome.Kind);
    }

    [Fact]
    public void ToOutcome_OtherClientError_StaysPermanent()
    {
        var answer = new ApiResult<PostInteractionResponse> { Outcome = DeliveryOutcome.Permanent("400 code 10045"), StatusCode = 400, ErrorCode = 10045 };

        Assert.Equal(DeliveryOutcomeKind.Permanent, InboundForwarderWorker.ToOutcome(answer).Kind);
    }
}
