using System.Globalization;
using Spectre.Console;

namespace Byoc.Cli;

/// <summary>
/// The consoles <c>byoc</c> prints through: tables fit the terminal (or <c>COLUMNS</c>), <c>NO_COLOR</c> turns colour off,
/// and lines that carry URLs, keys or commands to copy are never wrapped.
/// </summary>
internal static class CliConsole
{
    /// <summary>The width assumed when the output is not a terminal and <c>COLUMNS</c> is not set (a pipe, a file, a CI log).</summary>
    public const int PipedWidth = 200;

    /// <summary>A console whose tables and wrapped text fit <see cref="Width(TextWriter)"/>.</summary>
    public static IAnsiConsole Create(TextWriter output) => Create(output, Width(output, Environment.GetEnvironmentVariable));

    /// <summary>A console that never breaks a line: the terminal soft-wraps, so a URL or key stays one string to copy.</summary>
    public static IAnsiConsole CreateUnwrapped(TextWriter output) => Create(output, width: 4096);

    /// <summary>
    /// How wide the output is: <c>COLUMNS</c> when set, the terminal's width when the output is the terminal, otherwise
    /// <see cref="PipedWidth"/> (Spectre would assume 80 there and fold every URL).
    /// </summary>
    public static int Width(TextWriter output) => Width(output, Environment.GetEnvironmentVariable);

    /// <summary><see cref="Width(TextWriter)"/> with the environment given (tests).</summary>
    internal static int Width(TextWriter output, Func<string, string?> environment)
    {
        if (int.TryParse(environment("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns > 0)
        {
            return columns;
        }

        if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
        {
            try
            {
                return Console.WindowWidth is > 0 and var width ? width : PipedWidth;
            }
            catch (IOException)
            {
                // No terminal after all.
            }
        }

        return PipedWidth;
    }

    internal static IAnsiConsole Create(TextWriter output, int width)
    {
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = noColor ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = noColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        console.Profile.Width = width;
        return console;
    }
}
