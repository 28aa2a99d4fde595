using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Byoc.Cli.Commands.DeadLetters;

/// <summary>Renders admin API answers as Spectre tables.</summary>
internal static class DeadLetterTables
{
    public static void WritePage(IAnsiConsole console, JsonElement page)
    {
        var table = new Table().AddColumns("Id", "Queue", "Source", "Key", "Reason", "Attempts", "Dead at (UTC)", "Last error");
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            table.AddRow(Cells(item.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture), Text(item, "queue"), Text(item, "source"),
                Text(item, "key"), Text(item, "reason"), item.GetProperty("attempts").GetInt32().ToString(CultureInfo.InvariantCulture),
                Time(item), Text(item, "lastError")));
        }

        console.Write(table);
        var total = page.GetProperty("total").GetInt32();
        console.MarkupLineInterpolated($"{total} dead letter(s) in all.");
        if (page.TryGetProperty("nextBefore", out var next) && next.ValueKind == JsonValueKind.Number)
        {
            console.MarkupLineInterpolated($"More: byoc deadletters list --before {next.GetInt64()}");
        }
    }

    public static void WriteDetail(IAnsiConsole console, JsonElement item)
    {
        var grid = new Grid().AddColumn().AddColumn();
        foreach (var (label, value) in new[]
        {
            ("Id", item.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture)),
            ("Queue", Text(item, "queue")),
            ("Source", Text(item, "source")),
            ("Key", Text(item, "key")),
            ("Reason", Text(item, "reason")),
            ("Attempts", item.GetProperty("attempts").GetInt32().ToString(CultureInfo.InvariantCulture)),
            ("Dead at (UTC)", Time(item)),
            ("Last error", Text(item, "lastError")),
            ("Payload", Text(item, "payload")),
        })
        {
            grid.AddRow(new Markup($"[bold]{Markup.Escape(label)}[/]"), new Text(value));
        }

        console.Write(grid);
    }

    private static Text[] Cells(params string[] values) => [.. values.Select(v => new Text(v))];

    private static string Text(JsonElement item, string name) => item.GetProperty(name).GetString() ?? string.Empty;

    private static string Time(JsonElement item) =>
        item.GetProperty("deadAt").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
