namespace Byoc.Bench.Hosting;

/// <summary>How to start the connector: the <c>byoc</c> executable (or <c>byoc.dll</c>), its arguments after <c>connector</c> and its log file.</summary>
internal sealed record ConnectorLaunch(string Executable, IReadOnlyList<string> Arguments, string LogPath);
