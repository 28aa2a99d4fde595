namespace Byoc.Emulator;

/// <summary>Builds the emulated org's web application; the <c>byoc</c> CLI and the tests host it.</summary>
public static class EmulatorApplication
{
    /// <summary>Creates the emulated org application from command-line style configuration arguments.</summary>
    /// <param name="args">Configuration arguments, for example <c>--urls http://127.0.0.1:6100</c>.</param>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var app = builder.Build();
        // The Salesforce CLI discovers the API version from this list and picks the highest (org-emulation.md §2.5, §4.2).
        app.MapGet("/services/data", () => TypedResults.Json(ApiVersions.All));
        return app;
    }
}
