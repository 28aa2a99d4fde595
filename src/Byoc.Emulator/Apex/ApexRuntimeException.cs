namespace Byoc.Emulator.Apex;

/// <summary>
/// An uncaught Apex exception, for example <c>System.QueryException</c>; <see cref="Exception.Message"/> is the text after
/// the type name, as <c>exceptionMessage</c> shows it (<c>System.QueryException: List has no rows ...</c>).
/// </summary>
internal sealed class ApexRuntimeException(string typeName, string message, int line, int column) : Exception(message)
{
    public string TypeName { get; } = typeName;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public string FullMessage => $"{TypeName}: {Message}";
}
