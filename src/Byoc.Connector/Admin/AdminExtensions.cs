using Byoc.Connector.Channels.Meta;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Admin;

/// <summary>Registers and maps the admin API under <c>/admin</c>, guarded by <see cref="AdminApiKeyFilter"/>.</summary>
internal static partial class AdminExtensions
{
    public static IHostApplicationBuilder AddAdminApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        builder.Services.AddSingleton<AdminApiKeyFilter>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminExtensions).FullName!);
        if (string.IsNullOrEmpty(services.GetRequiredService<IOptions<AdminOptions>>().Value.ApiKey))
        {
            Log.AdminApiDisabled(logger);
        }

        var admin = endpoints.MapGroup("/admin");
        admin.AddEndpointFilter(services.GetRequiredService<AdminApiKeyFilter>());
        admin.MapDeadLetterEndpoints();
        admin.MapWhatsAppWindowEndpoints();
        return endpoints;
    }
}
