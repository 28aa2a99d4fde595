using System.Globalization;

namespace Byoc.Benchmarks;

/// <summary>The sample inputs the benchmarks share: one webhook text message and one agent reply event.</summary>
internal static class Samples
{
    public const string MessageId = "msg-1001";
    public const long Timestamp = 1767225600;

    public const string WebhookBody =
        """{"type":"message","id":"msg-1001","userId":"user-42","text":"Can I book a table for two tonight?","timestamp":"2026-01-01T00:00:00Z"}""";

    public const string InteractionEvent = """
        {"conversationIdentifier":"9bc16b48-0c6e-4b3e-8e8e-1f2f3a4b5c6d","channelAddressIdentifier":"72a6a4ec-acbc-44f6-b2b9-e444248ca843",
         "recipient":{"appType":"custom","subject":"webhook:user-42","role":"EndUser"},
         "payload":{"senderDisplayName":"Reservation Agent","identifier":"80bb78b1-4d0c-4c7e-9b7a-6f0c3f2d1e55","entryType":"Message",
           "entryPayload":{"entryType":"Message","abstractMessage":{"messageType":"StaticContentMessage","id":"80bb78b1-4d0c-4c7e-9b7a-6f0c3f2d1e55",
             "staticContent":{"formatType":"Text","text":"Of course! For what time?"}}},
           "sender":{"appType":"agent","subject":"0Xx000000000001","role":"Agent"},
           "transcriptedTimestamp":1767225602000,"clientTimestamp":1767225602000,"clientDuration":0}}
        """;

    public static string TimestampText => Timestamp.ToString(CultureInfo.InvariantCulture);
}
