using Byoc.Emulator.Auth;
using Byoc.Emulator.Hosting;
using Byoc.Emulator.Org;

namespace Byoc.Emulator;

/// <summary>
/// Builds the emulated org's web application; the <c>byoc</c> CLI and the tests host it. One process, three listeners:
/// the org instance, the Interaction Service API (SCRT) and Pub/Sub gRPC. Features plug in with one line each: an
/// <c>AddXxx(this IServiceCollection)</c> below <c>AddEmulatedOrg()</c>, and a <c>MapXxx(this IEndpointRouteBuilder)</c> on the
/// route group of the listener they belong to (see src/Byoc.Emulator/README.md).
/// </summary>
public static class EmulatorApplication
{
    /// <summary>Creates the emulated org application from command-line style configuration arguments.</summary>
    /// <param name="args">Configuration arguments, for example <c>--Emulator:InstancePort=0 --Emulator:InMemory=true</c>.</param>
    /// <param name="configure">Optional changes to the builder before it is built (tests replace the TimeProvider here).</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        configure?.Invoke(builder);
        builder.AddEmulatorHosting();
        builder.Services.AddEmulatedOrg();
        builder.Services.AddOAuth();

        var app = builder.Build();
        app.UseEmulatorListeners();

        var instance = app.MapListener(EmulatorListener.Instance);
        // The Salesforce CLI discovers the API version from this list and picks the highest (org-emulation.md §2.5, §4.2).
        instance.MapGet("/services/data", () => TypedResults.Json(ApiVersions.All));
        instance.MapOAuth();

        return app;
    }
}
