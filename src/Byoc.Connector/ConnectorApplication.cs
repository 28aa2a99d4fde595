using Byoc.Connector.Admin;
using Byoc.Connector.Attachments;
using Byoc.Connector.Channels;
using Byoc.Connector.Channels.WebChat;
using Byoc.Connector.Channels.Webhook;
using Byoc.Connector.Diagnostics;
using Byoc.Connector.Pipeline;
using Byoc.Connector.Salesforce;
using Byoc.Connector.Storage;
using Byoc.Hosting;

namespace Byoc.Connector;

/// <summary>Builds the connector's web application; the <c>byoc</c> CLI and the tests host it.</summary>
public static class ConnectorApplication
{
    /// <summary>Creates the connector application from command-line style configuration arguments.</summary>
    /// <param name="args">Configuration arguments, for example <c>--urls http://127.0.0.1:5080</c>.</param>
    public static WebApplication Create(string[] args) => Create(args, configure: null);

    /// <summary>Creates the connector application; <paramref name="configure"/> may adjust the builder last (tests add log capture).</summary>
    internal static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure)
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
}
