namespace Byoc.Cli.Hosting;

/// <summary>A host could not start for a reason its command explains in a few lines, with the exit code to return.</summary>
internal sealed class HostStartException(int exitCode, IReadOnlyList<string> lines, Exception innerException)
    : Exception(string.Join(Environment.NewLine, lines), innerException)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>What to print, one line each, after the command's name.</summary>
    public IReadOnlyList<string> Lines { get; } = lines;

    /// <summary>Writes the lines to <paramref name="error"/>, the first after <c>byoc {command}: </c>, and returns the exit code.</summary>
    public async Task<int> WriteAsync(TextWriter error, string command)
    {
        await error.WriteLineAsync($"byoc {command}: {Lines[0]}");
        foreach (var line in Lines.Skip(1))
        {
            await error.WriteLineAsync(line);
        }

        return ExitCode;
    }
}
