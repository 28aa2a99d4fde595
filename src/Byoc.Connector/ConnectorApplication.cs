using Byoc.Connector.Admin;
using Byoc.Connector.Attachments;
using Byoc.Connector.Channels;
using Byoc.Connector.Channels.Line;
using Byoc.Connector.Channels.Meta;
using Byoc.Connector.Channels.Slack;
using Byoc.Connector.Channels.Telegram;
using Byoc.Connector.Channels.Twilio;
using Byoc.Connector.Channels.WebChat;
using Byoc.Connector.Channels.Webhook;
using Byoc.Connector.Diagnostics;
using Byoc.Connector.Hosting;
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
    public static WebApplication Create(string[] args) => Create(new ConnectorHostSettings { Args = args }, configure: null);

    /// <summary>Creates the connector application with a configuration file or reload-on-change (see <see cref="ConnectorHostSettings"/>).</summary>
    /// <param name="settings">Where the configuration comes from.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The configuration file or a <c>_FILE</c> reference cannot be used.</exception>
    public static WebApplication Create(ConnectorHostSettings settings) => Create(settings, configure: null);

    /// <summary>
    /// Creates the connector application; <paramref name="configure"/> adjusts the builder last: a channel adapter that
    /// lives in its own assembly registers itself here with its <c>Add…Channel</c> call (and tests add log capture).
    /// </summary>
    /// <param name="args">Configuration arguments, for example <c>--urls http://127.0.0.1:5080</c>.</param>
    /// <param name="configure">Called with the builder after the connector's own registrations, before it is built.</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure) =>
        Create(new ConnectorHostSettings { Args = args }, configure);

    /// <summary>Creates the connector application from <paramref name="settings"/>; <paramref name="configure"/> adjusts the builder last.</summary>
    /// <param name="settings">Where the configuration comes from.</param>
    /// <param name="configure">Called with the builder after the connector's own registrations, before it is built.</param>
    public static WebApplication Create(ConnectorHostSettings settings, Action<WebApplicationBuilder>? configure)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = HostBuilderDefaults.CreateSlimBuilder([.. settings.Args]);
        if (ConnectorConfiguration.Apply(builder, settings) is { } watch)
        {
            builder.Services.AddSingleton(_ => watch);
        }

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
        builder.AddTwilioChannel();
        builder.AddWhatsAppChannel();
        builder.AddMessengerChannel();
        builder.AddSlackChannel();
        builder.AddLineChannel();
        builder.AddAdminApi();
        configure?.Invoke(builder);

        var app = builder.Build();
        // Resolved so that the container owns the polled file providers and disposes them with the host.
        app.Services.GetService<ConfigurationFileWatch>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapConnectorIndex();
        app.MapConnectorDiagnostics();
        app.MapAdminApi();
        app.MapChannelEndpoints();
        app.MapWebhookEndpoints();
        app.MapWebChatEndpoints();
        app.MapTwilioFiles();
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
