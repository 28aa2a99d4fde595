using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Byoc.Cli.Commands;

/// <summary>Shared output of <c>byoc setup</c>, <c>doctor</c> and <c>verify</c>: a console that respects <c>NO_COLOR</c>, JSON and markup escaping.</summary>
internal static class SetupConsole
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>An absolute-URL option (System.CommandLine has no built-in Uri parser).</summary>
    public static Option<Uri?> UrlOption(string name, string description, Uri? defaultValue = null)
    {
        var option = new Option<Uri?>(name)
        {
            Description = description,
            CustomParser = result =>
            {
                if (Uri.TryCreate(result.Tokens[0].Value, UriKind.Absolute, out var url))
                {
                    return url;
                }

                result.AddError($"{name} must be an absolute URL, not '{result.Tokens[0].Value}'.");
                return null;
            },
        };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }

        return option;
    }

    public static IAnsiConsole Open(TextWriter output) => CliConsole.Create(output);

    public static string Escape(string? text) => Markup.Escape(text ?? "");

    /// <summary>Writes a connection or usage problem and returns its exit code.</summary>
    public static async Task<int> FailAsync(TextWriter error, string command, Exception ex)
    {
        await error.WriteLineAsync($"byoc {command}: {ex.Message}");
        return ex is ArgumentException ? ExitCodes.InvalidUsage : ExitCodes.NotAvailable;
    }
}
