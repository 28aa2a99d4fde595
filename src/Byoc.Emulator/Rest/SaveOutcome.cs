using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Rest;

/// <summary>What one record operation did: the record (null after a delete or a failure), whether it was created, and the
/// HTTP status and error a single-record request answers with.</summary>
internal sealed record SaveOutcome(SObjectRecord? Record, bool Created, int Status, RestError? Error)
{
    public bool Success => Error is null;

    public static SaveOutcome Failed(int status, string errorCode, string message, IReadOnlyList<string>? fields = null) =>
        new(null, false, status, new RestError(message, errorCode, fields));

    public static SaveOutcome Invalid(RestError error) => new(null, false, StatusCodes.Status400BadRequest, error);
}
