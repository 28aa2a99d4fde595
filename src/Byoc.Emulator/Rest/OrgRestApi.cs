using Byoc.Emulator.Soql;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Byoc.Emulator.Rest;

/// <summary>
/// The emulated org's REST surface for the sf CLI and setup tools: login/identity, <c>/services/data</c>, SOQL query
/// (data and Tooling) and sObject CRUD/describe. Needs an <see cref="Org.Records.OrgStore"/> and an
/// <see cref="Auth.IAccessTokens"/> in the container.
/// </summary>
internal static class OrgRestApi
{
    /// <summary>Registers the SOQL engine, query cursors, OAuth grants and the double-slash rewrite (as a startup filter).</summary>
    public static IServiceCollection AddOrgRestApi(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<OrgRestOptions>().BindConfiguration("Org:Rest");
        services.TryAddSingleton<SoqlEngine>();
        services.TryAddSingleton<QueryCursorStore>();
        services.TryAddSingleton<OAuthCodes>();
        services.TryAddSingleton<DeletedRecordLog>();
        services.TryAddSingleton<OrgLimits>();
        services.TryAddSingleton<Composite.SubrequestRunner>();
        services.TryAddSingleton<Search.SearchExecutor>();
        services.TryAddSingleton<Bulk.BulkJobStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Auth.IOAuthGrant, AuthorizationCodeGrant>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Auth.IOAuthGrant, RefreshTokenGrant>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, CollapsedSlashesStartupFilter>());
        return services;
    }

    /// <summary>Maps the REST endpoints; every <c>/services/data/vNN.0/…</c> route needs a valid bearer token.</summary>
    public static IEndpointRouteBuilder MapOrgRestApi(this IEndpointRouteBuilder endpoints)
    {
        // Created now, so that it hears every deletion from the start.
        endpoints.ServiceProvider.GetRequiredService<DeletedRecordLog>();
        IdentityEndpoints.Map(endpoints);
        var data = endpoints.MapGroup("/services/data/v{version}")
            .AddEndpointFilter(RestAuthentication.Filter)
            .AddEndpointFilter(CheckVersion)
            .AddEndpointFilter(LimitsEndpoints.CountCall);
        var tooling = data.MapGroup("/tooling");
        ResourceEndpoints.Map(data, tooling);
        QueryEndpoints.Map(data, tooling);
        SObjectEndpoints.Map(data, tooling);
        LimitsEndpoints.Map(data);
        Composite.CompositeEndpoints.Map(data);
        Search.SearchEndpoints.Map(data);
        Bulk.BulkIngestEndpoints.Map(data);
        Bulk.BulkQueryEndpoints.Map(data);
        // Unknown REST resources answer Salesforce's JSON NOT_FOUND, never an empty or HTML body (org-emulation.md §4.4).
        endpoints.MapFallback("/services/data/{**path}", RestErrors.NotFound);
        return endpoints;
    }

    /// <summary>Collapses repeated slashes for pipelines built by hand (the startup filter already does it for hosted apps).</summary>
    public static IApplicationBuilder UseCollapsedSlashes(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            CollapsedSlashes.Rewrite(context);
            return next(context);
        });

    private static async ValueTask<object?> CheckVersion(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        RestContext.IsValidVersion(context.HttpContext.GetRouteValue("version") as string) ? await next(context) : RestErrors.NotFound();
}
