namespace Byoc.Emulator.Console;

/// <summary>Serves the console's static files, embedded in the assembly (<c>Console/wwwroot</c>).</summary>
internal static class ConsoleAssets
{
    private static readonly Dictionary<string, string> s_contentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    };

    public static IResult Serve(HttpContext context, string file)
    {
        var extension = Path.GetExtension(file);
        var stream = s_contentTypes.TryGetValue(extension, out var contentType)
            ? typeof(ConsoleAssets).Assembly.GetManifestResourceStream($"Byoc.Emulator.Console.wwwroot.{file}")
            : null;
        if (stream is null)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Stream(stream, contentType);
    }
}
