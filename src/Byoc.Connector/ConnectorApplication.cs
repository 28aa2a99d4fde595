using Byoc.Connector.Admin;
using Byoc.Connector.Attachments;
using Byoc.Connector.Channels;
using Byoc.Connector.Channels.Telegram;
using Byoc.Connector.Channels.WebChat;
using Byoc.Connector.Channels.Webhook;
using Byoc.Connector.Diagnostics;
using Byoc.Connector.Pipeline;
using Byoc.Connector.Salesforce;
using Byoc.Connector.Salesforce.PubSub;
using Byoc.Connector.Storage;
using Byoc.Hosting;

namespace Byoc.Connector;

/// <summary>Builds the connector's web application; the <c>byoc</c> CLI and the tests host it.</summary>
public static class ConnectorApplication
{
    /// <summary>Creates the connector application from command-line style configuration arguments.</summary>
    /// <param name="args">Configuration arguments, for example <c>--urls http://127.0.0.1:5080</c>.</param>
    public static WebApplication Create(string[] args) => Create(args, configure: null);

    /// <summary>
    /// Creates the connector application; <paramref name="configure"/> adjusts the builder last: a channel adapter that
    /// lives in its own assembly registers itself here with its <c>Add…Channel</c> call (and tests add log capture).
    /// </summary>
    /// <param name="args">Configuration arguments, for example <c>--urls http://127.0.0.1:5080</c>.</param>
    /// <param name="configure">Called with the builder after the connector's own registrations, before it is built.</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddBadRequestProblems();
        builder.AddConnectorTelemetry();
        builder.AddConnectorStorage();
        builder.AddSalesforce();
        builder.AddPipeline();
        builder.AddAttachments();
        builder.AddChannelDoor();
        builder.AddWebhookChannel();
        builder.AddWebChatChannel();
        builder.AddTelegramChannel();
        builder.AddAdminApi();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapConnectorDiagnostics();
        app.MapAdminApi();
        app.MapChannelEndpoints();
        app.MapWebhookEndpoints();
        app.MapWebChatEndpoints();
        return app;
    }

    /// <summary>
    /// Whether the connector's Pub/Sub subscriber has had a subscription confirmed by Salesforce since it started, so
    /// that agent replies published from now on reach the channels; false while it connects, stands by for another
    /// instance, or is turned off.
    /// </summary>
    /// <param name="connector">An application made by <see cref="Create(string[])"/>.</param>
    public static bool IsSubscribed(WebApplication connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        return connector.Services.GetService<PubSubSubscriber>() is { Connects: > 0 };
    }
}
