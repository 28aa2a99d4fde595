using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Byoc.Hosting;

/// <summary>
/// How both web hosts (the connector and the emulated org) start their builder: no configuration file watcher, and the
/// console log format that <c>Logging:Console:FormatterName</c> asks for. Compiled into both as linked source.
/// </summary>
internal static class HostBuilderDefaults
{
    /// <summary>The console log formats the hosts accept for <c>Logging:Console:FormatterName</c>.</summary>
    public static readonly IReadOnlyList<string> ConsoleFormatters = [ConsoleFormatterNames.Simple, ConsoleFormatterNames.Json, ConsoleFormatterNames.Systemd];

    /// <summary>
    /// Turns off the default reload-on-change of <c>appsettings*.json</c>. That reload watches the whole content root (the
    /// working directory) recursively, one inotify watch per folder, and is woken by every write beneath it, the SQLite
    /// database under <c>.byoc/</c> included: a quarter of the connector's CPU under load (issue 23). Placed first so the
    /// host reads it before it adds the JSON files; nothing the hosts read at run time changes live anyway.
    /// </summary>
    public const string NoFileWatcherArgument = "--hostBuilder:reloadConfigOnChange=false";

    /// <summary>A slim web application builder with no file watcher and the configured console log format.</summary>
    public static WebApplicationBuilder CreateSlimBuilder(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder([NoFileWatcherArgument, .. args]);
        builder.UseConfiguredConsoleFormatter();
        return builder;
    }

    /// <summary>
    /// Honours <c>Logging:Console:FormatterName</c> (<c>json</c>, <c>systemd</c> or <c>simple</c>): the slim builder
    /// registers the simple formatter after the configuration is bound, which would otherwise win. An unknown name fails
    /// the start, naming the key, instead of falling back to the simple format without a word.
    /// </summary>
    public static void UseConfiguredConsoleFormatter(this WebApplicationBuilder builder)
    {
        const string Key = "Logging:Console:FormatterName";
        if (builder.Configuration[Key] is not { Length: > 0 } name)
        {
            return;
        }

        var known = ConsoleFormatters.FirstOrDefault(f => string.Equals(f, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new OptionsValidationException(Key, typeof(ConsoleLoggerOptions),
                [$"{Key} must be one of {string.Join(", ", ConsoleFormatters)} (got '{name}')."]);
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.FormatterName = known);
    }
}
