namespace Byoc.Connector.Channels.Meta;

/// <summary>A conversation entry sent to a Messenger end user, for the delivery and read watermarks.</summary>
/// <param name="Entry">Salesforce's entry identifier.</param>
/// <param name="At">The connector's time just before the first send of it.</param>
/// <param name="Mids">The mids the Send API answered with (a long text goes as several messages).</param>
internal sealed record MessengerSentEntry(string Entry, DateTimeOffset At, IReadOnlyList<string> Mids);
