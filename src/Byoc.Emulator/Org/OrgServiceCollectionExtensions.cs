using Byoc.Emulator.Hosting;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;
using Byoc.Emulator.Org.Seed;

namespace Byoc.Emulator.Org;

/// <summary>Registers the emulated org's record store (SQLite in the state folder, or memory), seeded on first start.</summary>
internal static class OrgServiceCollectionExtensions
{
    public static IServiceCollection AddEmulatedOrg(this IServiceCollection services)
    {
        services.AddSingleton(_ => new OrgSchema());
        services.AddSingleton(sp =>
        {
            var state = sp.GetRequiredService<StateFolder>();
            var options = sp.GetRequiredService<EmulatorOptions>();
            var store = new OrgStore(
                sp.GetRequiredService<OrgSchema>(),
                new OrgStoreOptions { DatabasePath = state.InMemory ? null : state.OrgDatabasePath },
                sp.GetRequiredService<TimeProvider>());
            OrgSeeder.SeedIfEmpty(store, options.Seed);
            return store;
        });
        services.AddSingleton(sp => OrgIdentity.From(sp.GetRequiredService<OrgStore>()));
        return services;
    }
}
