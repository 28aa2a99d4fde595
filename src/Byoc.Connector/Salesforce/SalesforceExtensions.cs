using Byoc.Connector.Diagnostics;
using Byoc.Connector.Salesforce.PubSub;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Salesforce;

/// <summary>Registers the token provider, the Interaction Service API client, capabilities registration and the Pub/Sub subscriber.</summary>
internal static class SalesforceExtensions
{
    private const string OAuthClient = "salesforce-oauth";
    private const string InteractionClient = "salesforce-interaction";

    public static IHostApplicationBuilder AddSalesforce(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SalesforceOptions>().BindConfiguration(SalesforceOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SalesforceOptions>, SalesforceOptionsValidator>();
        services.AddHttpClient(OAuthClient);
        services.AddHttpClient(InteractionClient);
        services.AddSingleton<ISalesforceTokenProvider>(sp => ActivatorUtilities.CreateInstance<JwtBearerTokenProvider>(sp,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(OAuthClient)));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<InteractionServiceClient>(sp,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(InteractionClient)));
        services.AddHostedService<CapabilitiesWorker>();
        services.AddHealthChecks()
            .AddCheck<SalesforceTokenHealthCheck>("salesforce-token", tags: [TelemetryExtensions.ReadyTag])
            .AddCheck<PubSubHealthCheck>("pubsub", tags: [TelemetryExtensions.ReadyTag]);

        services.AddSingleton<AvroEventDecoder>();
        services.AddSingleton<PubSubClientFactory>();
        services.AddSingleton<PubSubSubscriber>();
        services.AddHostedService(sp => sp.GetRequiredService<PubSubSubscriber>());
        return builder;
    }
}
