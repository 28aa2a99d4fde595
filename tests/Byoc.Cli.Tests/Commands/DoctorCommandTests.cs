using System.Text.RegularExpressions;
using Byoc.Cli.Commands;
using Byoc.Setup.Checks;

namespace Byoc.Cli.Tests.Commands;

/// <summary>How <c>byoc doctor</c> shows its results at different terminal widths.</summary>
public sealed class DoctorCommandTests
{
    private const string Key = "Connector:Twilio:Channels:sms:AuthToken";

    private static readonly CheckResult[] s_results =
    [
        new("agent-active", "Agent exists with an active BotVersion", CheckStatus.Pass, "Reservation_Agent: BotVersion v1 (0X95g0000000008CAA) is Active."),
        new("twilio-sms", "Twilio channel sms: credentials valid, webhook at the connector", CheckStatus.Fail,
            "Reading the account AC00000000000000000000000000000000: Twilio answered 401 (error 20003: Authenticate).",
            $"Check Connector:Twilio:Channels:sms:AccountSid and {Key} (or ApiKeySid/ApiKeySecret) and that https://api.twilio.com/ is reachable."),
    ];

    [Fact]
    public void Write_80Columns_OneBlockPerCheckWithKeysAndUrlsWhole()
    {
        var lines = Render(80);

        Assert.All(lines, l => Assert.True(l.Length <= 80, $"{l.Length} columns: {l}"));
        Assert.DoesNotContain(lines, l => l.Contains('│'));
        Assert.Contains("FAIL twilio-sms", lines);
        Assert.Contains(lines, l => l.StartsWith("     Fix: Check ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(Key, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("https://api.twilio.com/", StringComparison.Ordinal));
        Assert.Equal("1 check(s) failed. Apply the fixes above, then run byoc doctor again.", lines[^1]);
    }

    [Fact]
    public void Write_WideTerminal_Table()
    {
        var lines = Render(DoctorCommand.TableMinWidth);

        Assert.Contains(lines, l => l.Contains("│ twilio-sms", StringComparison.Ordinal) && l.Contains("FAIL", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(Key, StringComparison.Ordinal));
    }

    [Fact]
    public void WriteConfigResult_80Columns_TheFixStaysIndentedWhereItWraps()
    {
        var lines = Render(80, console => DoctorCommand.WriteConfigResult(console, s_results[1]));

        Assert.StartsWith("FAIL Twilio channel sms: credentials valid, webhook at the connector: Reading", lines[0], StringComparison.Ordinal);
        var fix = lines.FindIndex(l => l.StartsWith("     Fix: Check ", StringComparison.Ordinal));
        Assert.True(fix > 0, string.Join('\n', lines));
        Assert.True(lines.Count > fix + 1, "The fix fits one line at 80 columns; make it longer.");
        Assert.All(lines[fix..], l => Assert.StartsWith("     ", l, StringComparison.Ordinal));
        Assert.All(lines, l => Assert.True(l.Length <= 80, $"{l.Length} columns: {l}"));
    }

    private static List<string> Render(int width) => Render(width, console => DoctorCommand.Write(console, s_results, failed: 1));

    private static List<string> Render(int width, Action<Spectre.Console.IAnsiConsole> write)
    {
        using var output = new StringWriter();
        var console = CliConsole.Create(output, width);

        write(console);

        // Colour codes take no columns.
        return [.. Regex.Replace(output.ToString(), "\u001b\\[[0-9;]*m", "").Split('\n').Select(l => l.TrimEnd('\r', ' ')).Where(l => l.Length > 0)];
    }
}
