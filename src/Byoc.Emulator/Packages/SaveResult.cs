namespace Byoc.Emulator.Packages;

/// <summary>The REST create result: <c>{"id":"0Hf...","success":true,"errors":[]}</c>.</summary>
internal sealed record SaveResult(string Id, bool Success, IReadOnlyList<ApiError> Errors);
