using Byoc.Connector.Attachments;
using Byoc.Connector.Channels.WebChat;
using Byoc.Connector.Channels.Webhook;
using Byoc.Connector.Pipeline;
using Byoc.Connector.Salesforce;
using Byoc.Connector.Storage;

namespace Byoc.Connector;

/// <summary>Builds the connector's web application; the <c>byoc</c> CLI and the tests host it.</summary>
public static class ConnectorApplication
{
    /// <summary>Creates the connector application from command-line style configuration arguments.</summary>
    /// <param name="args">Configuration arguments, for example <c>--urls http://127.0.0.1:5080</c>.</param>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddProblemDetails();
        builder.AddConnectorStorage();
        builder.AddSalesforce();
        builder.AddPipeline();
        builder.AddAttachments();
        builder.AddWebhookChannel();
        builder.AddWebChatChannel();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapGet("/healthz", () => TypedResults.Ok(new HealthResponse("Healthy")));
        app.MapWebhookEndpoints();
        app.MapWebChatEndpoints();
        return app;
    }

    private sealed record HealthResponse(string Status);
}
