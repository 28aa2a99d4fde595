using Spectre.Console;

namespace Byoc.Cli.Tests;

public sealed class CliConsoleTests
{
    [Fact]
    public void Width_ColumnsSet_FollowsIt()
    {
        using var output = new StringWriter();

        Assert.Equal(60, CliConsole.Width(output, name => name == "COLUMNS" ? "60" : null));
    }

    [Fact]
    public void Width_PipedWithoutColumns_IsWideEnoughForUrls()
    {
        using var output = new StringWriter();

        Assert.Equal(CliConsole.PipedWidth, CliConsole.Width(output, _ => null));
    }

    [Fact]
    public void Create_NarrowWidth_TableFitsIt()
    {
        using var output = new StringWriter();
        var console = CliConsole.Create(output, 60);
        var table = new Table().AddColumn("Check").AddColumn("Evidence");
        table.AddRow("Agent's reply delivered back through the channel", new string('x', 150));

        console.Write(table);

        Assert.All(output.ToString().Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 60, $"Too wide: {line}"));
    }
}
