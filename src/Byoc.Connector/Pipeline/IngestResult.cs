namespace Byoc.Connector.Pipeline;

/// <summary>How many messages of one request were stored, and how many were repeats.</summary>
internal readonly record struct IngestResult(int Stored, int Duplicates);
