namespace Byoc.Emulator.Rest.Search;

/// <summary>A search that cannot run, with the REST error code it answers (MALFORMED_SEARCH, INVALID_SEARCH, INVALID_TYPE…).</summary>
internal sealed class SearchException(string errorCode, string message) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;
}
