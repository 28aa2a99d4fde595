namespace Byoc.Emulator.Soql;

/// <summary>
/// Raised inside the lexer, parser and binder to unwind to <see cref="SoqlEngine"/>, which turns it into a
/// <see cref="SoqlError"/> value; it never leaves the engine.
/// </summary>
internal sealed class SoqlException(string errorCode, int position, string detail) : Exception(detail)
{
    public string ErrorCode { get; } = errorCode;

    /// <summary>0-based offset in the query text the caret points at.</summary>
    public int Position { get; } = position;

    public string Detail { get; } = detail;
}
