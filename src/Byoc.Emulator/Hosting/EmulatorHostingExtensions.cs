using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Byoc.Emulator.Hosting;

/// <summary>Kestrel with the three listeners, the state folder and the per-listener endpoint guard.</summary>
internal static class EmulatorHostingExtensions
{
    /// <summary>Binds <see cref="EmulatorOptions"/>, prepares the state folder and configures the three Kestrel listeners.</summary>
    public static EmulatorOptions AddEmulatorHosting(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(EmulatorOptions.SectionName).Get<EmulatorOptions>() ?? new EmulatorOptions();
        // Validated here rather than on start: Kestrel's listeners and the state folder are configured from these values now.
        if (new ValidateEmulatorOptions().Validate(null, options) is { Failed: true } invalid)
        {
            throw new OptionsValidationException(EmulatorOptions.SectionName, typeof(EmulatorOptions), invalid.Failures);
        }

        var state = new StateFolder(options);
        var addresses = new EmulatorAddresses();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(addresses);

        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var address = IPAddress.Parse(options.Host);
            // Attachments of up to 25 MB plus the JSON part (interaction-service-api.md §5.1); the API answers 10008 above that.
            kestrel.Limits.MaxRequestBodySize = 64L * 1024 * 1024;
            kestrel.Listen(address, options.InstancePort, listen =>
                addresses.Register(EmulatorListener.Instance, () => listen.IPEndPoint!, tls: false));
            kestrel.Listen(address, options.ScrtPort, listen =>
                addresses.Register(EmulatorListener.Scrt, () => listen.IPEndPoint!, tls: false));
            kestrel.Listen(address, options.PubSubPort, listen =>
            {
                if (options.PubSubTls)
                {
                    var timeProvider = kestrel.ApplicationServices.GetRequiredService<TimeProvider>();
                    listen.Protocols = HttpProtocols.Http1AndHttp2;
                    listen.UseHttps(LocalCertificateAuthority.LoadOrCreateServerCertificate(state, timeProvider));
                }
                else
                {
                    listen.Protocols = HttpProtocols.Http2;
                }

                addresses.Register(EmulatorListener.PubSub, () => listen.IPEndPoint!, options.PubSubTls);
            });
        });
        return options;
    }

    /// <summary>
    /// A route group whose endpoints answer only on one listener: <c>app.MapListener(EmulatorListener.Instance).MapXxx()</c>.
    /// </summary>
    public static RouteGroupBuilder MapListener(this IEndpointRouteBuilder endpoints, EmulatorListener listener) =>
        endpoints.MapGroup(string.Empty).WithMetadata(new ListenerMetadata(listener));

    /// <summary>Routing plus the guard that answers 404 when an endpoint is reached on another listener than its own.</summary>
    public static WebApplication UseEmulatorListeners(this WebApplication app)
    {
        app.UseRouting();
        app.Use((context, next) =>
        {
            var required = context.GetEndpoint()?.Metadata.GetMetadata<ListenerMetadata>();
            if (required is not null)
            {
                var addresses = context.RequestServices.GetRequiredService<EmulatorAddresses>();
                if (context.Connection.LocalPort != addresses.PortOf(required.Listener))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }
            }

            return next(context);
        });
        return app;
    }
}
