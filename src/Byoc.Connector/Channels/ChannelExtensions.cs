using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels;

/// <summary>Registers the front door and the platform-independent steps it offers adapters (files, typed choices).</summary>
internal static class ChannelExtensions
{
    public static IHostApplicationBuilder AddChannelDoor(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ChannelDoorOptions>().BindConfiguration(ChannelDoorOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ChannelDoorOptions>, ChannelDoorOptionsValidator>();
        services.AddSingleton<PublicUrls>();
        services.AddSingleton<PendingChoices>();
        services.AddSingleton<InboundFiles>();
        services.AddSingleton<InboundDoor>();
        return builder;
    }
}
