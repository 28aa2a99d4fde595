namespace Byoc.Emulator.Apex;

/// <summary>
/// The rows of an inline query, or the error a real org would raise (<see cref="ErrorMessage"/> becomes the text of a
/// <c>System.QueryException</c>).
/// </summary>
internal sealed record ApexQueryResult(IReadOnlyList<ApexQueryRow> Rows, string? ErrorMessage = null)
{
    public static ApexQueryResult Failure(string message) => new([], message);
}
