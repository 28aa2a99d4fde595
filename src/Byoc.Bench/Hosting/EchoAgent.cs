namespace Byoc.Bench.Hosting;

/// <summary>
/// The agent definition the benchmark gives the seeded agent (<c>Reservation_Agent</c>): it answers <c>bench u{n} s{m}</c>
/// with <c>echo bench u{n} s{m}</c> in one message, with no progress indicator, so each reply names its message.
/// </summary>
internal static class EchoAgent
{
    public const string DeveloperName = "Reservation_Agent";

    private const string Yaml = """
        developerName: Reservation_Agent
        description: "Benchmark echo agent: repeats each message once."
        greeting:
          text: "Benchmark echo agent."
        fallback: "unmatched"
        topics:
          - name: echo
            patterns: ['^bench u\d+ s\d+$']
            slots:
              - name: tag
                fromUtterance: true
                ask: { text: "tag?" }
            reply: { text: "echo {tag}" }
        """;

    /// <summary>Writes the definition into <paramref name="folder"/> (for <c>Agents:DefinitionsPath</c>).</summary>
    public static string WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, DeveloperName + ".yaml"), Yaml);
        return folder;
    }
}
