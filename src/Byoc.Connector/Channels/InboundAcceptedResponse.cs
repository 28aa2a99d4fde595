namespace Byoc.Connector.Channels;

/// <summary>The 202 body of the front door: how many messages were stored now, and how many had been stored before.</summary>
internal sealed record InboundAcceptedResponse(int Stored, int Duplicates);
