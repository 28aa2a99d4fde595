using Microsoft.Extensions.Options;

namespace Byoc.Connector.Salesforce;

/// <summary>Registers capabilities at start-up and then every <see cref="SalesforceOptions.CapabilitiesInterval"/> (daily).</summary>
internal sealed partial class CapabilitiesWorker(
    InteractionServiceClient client,
    IOptions<SalesforceOptions> options,
    TimeProvider timeProvider,
    ILogger<CapabilitiesWorker> logger) : BackgroundService
{
    /// <summary>A failed registration is tried again this soon instead of waiting a day.</summary>
    private static readonly TimeSpan s_retryAfterFailure = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.RegisterCapabilities)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var registered = false;
            try
            {
                var result = await client.RegisterCapabilitiesAsync(
                    CapabilitiesRequestFactory.Create(settings.IntegrationNamespace ?? settings.OrgId!, settings.AuthorizationContext!), stoppingToken);
                registered = result.IsSuccess && result.Value?.Success != false;
                if (registered)
                {
                    Log.Registered(logger);
                }
                else
                {
                    Log.RegistrationFailed(logger, result.Error ?? result.Value?.ErrorDetail?.Message ?? "success=false");
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.RegistrationError(logger, ex);
            }

            try
            {
                await Task.Delay(registered ? settings.CapabilitiesInterval : s_retryAfterFailure, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
