using Byoc.Emulator.Auth;
using Byoc.Emulator.Console;
using Byoc.Emulator.Events;
using Byoc.Emulator.Faults;
using Byoc.Emulator.Hosting;
using Byoc.Emulator.Interactions;
using Byoc.Emulator.Org;
using Byoc.Emulator.Packages;
using Byoc.Emulator.PubSub;
using Byoc.Emulator.Rest;
using Byoc.Emulator.Soap;
using Byoc.Hosting;

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
    /// <param name="configure">Optional changes to the builder after the features registered, before it is built (tests replace
    /// the TimeProvider or remove features here).</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = HostBuilderDefaults.CreateSlimBuilder(args);
        builder.AddEmulatorHosting();
        builder.Services.AddBadRequestProblems();
        builder.Services.AddEmulatedOrg();
        builder.Services.AddOAuth();
        builder.Services.AddConversationEvents();
        builder.Services.AddInteractionService();
        builder.Services.AddPubSub();
        builder.Services.AddFaultInjection();
        builder.Services.AddOrgRestApi();
        builder.Services.AddSoapApis();
        builder.Services.AddRepConsole();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseEmulatorListeners();

        var instance = app.MapListener(EmulatorListener.Instance);
        instance.MapIndexPage();
        instance.MapOAuth();
        instance.MapOrgRestApi();
        instance.MapSoapApis();
        instance.MapPackageApis();
        instance.MapRepConsole();
        instance.MapAttachmentDownloads();
        instance.MapFaultAdmin();

        var scrt = app.MapListener(EmulatorListener.Scrt);
        scrt.MapInteractionService();

        var pubSub = app.MapListener(EmulatorListener.PubSub);
        pubSub.MapPubSub();

        app.Lifetime.ApplicationStarted.Register(() => File.WriteAllText(
            app.Services.GetRequiredService<StateFolder>().CredentialsPath, GetCredentials(app).ToJson()));
        return app;
    }

    /// <summary>The credentials of a started emulator, with the addresses it bound.</summary>
    public static EmulatorCredentials GetCredentials(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<EmulatorAddresses>();
        return EmulatorCredentials.From(app.Services, addresses.InstanceUrl, addresses.ScrtUrl, addresses.PubSubUrl, addresses.PubSubTls);
    }

    /// <summary>
    /// The credentials for <c>byoc emulator credentials</c>: those a running emulator wrote to its state folder, otherwise
    /// computed from the persisted state (seeding and generating keys on first use) with the configured ports.
    /// </summary>
    public static EmulatorCredentials ReadCredentials(string[] args)
    {
        var builder = HostBuilderDefaults.CreateSlimBuilder(args);
        var options = builder.AddEmulatorHosting();
        var state = new StateFolder(options);
        if (File.Exists(state.CredentialsPath) && EmulatorCredentials.FromJson(File.ReadAllText(state.CredentialsPath)) is { } written)
        {
            return written;
        }

        builder.Services.AddEmulatedOrg();
        builder.Services.AddOAuth();
        using var app = builder.Build();
        if (options.PubSubTls)
        {
            LocalCertificateAuthority.LoadOrCreateServerCertificate(state, TimeProvider.System).Dispose();
        }

        var scheme = options.PubSubTls ? "https" : "http";
        return EmulatorCredentials.From(app.Services, new Uri($"http://{options.Host}:{options.InstancePort}"),
            new Uri($"http://{options.Host}:{options.ScrtPort}"), new Uri($"{scheme}://{options.Host}:{options.PubSubPort}"), options.PubSubTls);
    }
}
