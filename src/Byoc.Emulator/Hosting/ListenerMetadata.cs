namespace Byoc.Emulator.Hosting;

/// <summary>Endpoint metadata naming the only listener an endpoint answers on; other listeners answer 404.</summary>
internal sealed record ListenerMetadata(EmulatorListener Listener);
