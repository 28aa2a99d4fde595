namespace Byoc.Bench.Hosting;

/// <summary>How to start the connector: the <c>byoc</c> executable (or <c>byoc.dll</c>), its arguments after <c>connector</c>, its port and log file.</summary>
internal sealed record ConnectorLaunch(string Executable, IReadOnlyList<string> Arguments, int Port, string LogPath)
{
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}");
}
