namespace Byoc.Emulator.Metadata;

/// <summary>A component cannot be deployed; the message is the <c>problem</c> the deploy result reports.</summary>
internal sealed class MetadataProblemException(string problem) : Exception(problem);
