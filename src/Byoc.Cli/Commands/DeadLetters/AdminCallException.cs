namespace Byoc.Cli.Commands.DeadLetters;

/// <summary>An admin API call that failed, with the exit code it maps to and a message for the user.</summary>
internal sealed class AdminCallException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
