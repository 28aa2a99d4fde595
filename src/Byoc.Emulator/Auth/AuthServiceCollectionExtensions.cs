using Byoc.Emulator.Hosting;

namespace Byoc.Emulator.Auth;

/// <summary>Access tokens, the dev connected app and the JWT bearer grant. Other grants: <c>services.AddSingleton&lt;IOAuthGrant, X&gt;()</c>.</summary>
internal static class AuthServiceCollectionExtensions
{
    public static IServiceCollection AddOAuth(this IServiceCollection services)
    {
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<IAccessTokens>(sp => sp.GetRequiredService<AccessTokens>());
        services.AddSingleton(sp => DevConnectedApp.LoadOrCreate(sp.GetRequiredService<StateFolder>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TokenResponses>();
        services.AddSingleton(sp => UserPasswords.LoadOrCreate(sp.GetRequiredService<StateFolder>()));
        services.AddSingleton<IOAuthGrant, JwtBearerGrant>();
        return services;
    }
}
