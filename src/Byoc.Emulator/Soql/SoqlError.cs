namespace Byoc.Emulator.Soql;

/// <summary>A query the org refuses, as the REST API reports it: <c>[{"message","errorCode"}]</c> with HTTP 400.</summary>
internal sealed record SoqlError(string ErrorCode, string Message);
