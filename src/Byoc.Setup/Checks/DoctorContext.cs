using System.Text.Json.Nodes;
using Byoc.Setup.Connection;
using Byoc.Setup.Org;
using Byoc.Setup.Package;

namespace Byoc.Setup.Checks;

/// <summary>The org, package and options of one doctor run, with lookups several checks share (each made once).</summary>
public sealed class DoctorContext(OrgClient org, ProviderPackage package, DoctorOptions options, HttpClient http, TimeProvider time)
{
    private Task<JsonObject?>? _channel;
    private Task<OrgConnection>? _connectorLogin;

    /// <summary>The org the checks run against, signed in as the administrator.</summary>
    public OrgClient Org { get; } = org;

    /// <summary>The provider package the org should hold.</summary>
    public ProviderPackage Package { get; } = package;

    /// <summary>What this run checks against.</summary>
    public DoctorOptions Options { get; } = options;

    /// <summary>The client for calls outside the org's APIs (the connector's health endpoint, the connector's login).</summary>
    public HttpClient Http { get; } = http;

    /// <summary>The BYOC channel: by address when given, else by developer name.</summary>
    public Task<JsonObject?> ChannelAsync(CancellationToken cancellationToken) => _channel ??= FindChannelAsync(cancellationToken);

    /// <summary>The connector's login, made once; throws <see cref="OrgLoginException"/> when it fails.</summary>
    public Task<OrgConnection> ConnectorLoginAsync(CancellationToken cancellationToken) =>
        _connectorLogin ??= JwtBearerLogin.LoginAsync(Options.ConnectorLogin!, Http, time, cancellationToken);

    /// <summary>How the BYOC channel is named in messages: by address or by developer name.</summary>
    public string ChannelDescription => Options.ChannelAddress is { } address ? $"address {address}" : $"developer name {Options.Channel}";

    private async Task<JsonObject?> FindChannelAsync(CancellationToken cancellationToken)
    {
        var filter = Options.ChannelAddress is { } address
            ? $"ChannelAddressIdentifier={Soql.Quote(address)}"
            : $"DeveloperName={Soql.Quote(Options.Channel)}";
        var channels = await Org.QueryAsync(
            "SELECT Id, DeveloperName, MessageType, IsActive, ChannelAddressIdentifier, ChannelDefinitionId, SessionHandlerId, FallbackQueueId " +
            $"FROM MessagingChannel WHERE {filter}", cancellationToken: cancellationToken);
        return channels is [var channel, ..] ? channel : null;
    }
}
