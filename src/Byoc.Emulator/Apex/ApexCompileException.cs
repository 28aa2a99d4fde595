namespace Byoc.Emulator.Apex;

/// <summary>A compile problem at a 1-based line and column; the message is what <c>compileProblem</c> reports.</summary>
internal sealed class ApexCompileException(string message, int line, int column) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
