namespace Byoc.Emulator.Rest;

/// <summary>Runs the rewrite ahead of the whole application pipeline, including the routing WebApplication adds implicitly.</summary>
internal sealed class CollapsedSlashesStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            CollapsedSlashes.Rewrite(context);
            return nextMiddleware(context);
        });
        next(app);
    };
}
