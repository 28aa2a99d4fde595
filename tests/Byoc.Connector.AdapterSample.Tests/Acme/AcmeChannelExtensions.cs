using Byoc.Core.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.AdapterSample.Tests.Acme;

/// <summary>The one registration call of the Acme platform.</summary>
internal static class AcmeChannelExtensions
{
    /// <summary>Registers Acme's options, their validation and its channel source.</summary>
    public static IHostApplicationBuilder AddAcmeChannel(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<AcmeChannelOptions>().BindConfiguration(AcmeChannelOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AcmeChannelOptions>, AcmeChannelOptionsValidator>();
        builder.Services.AddSingleton<IChannelSource, AcmeChannelSource>();
        return builder;
    }
}
