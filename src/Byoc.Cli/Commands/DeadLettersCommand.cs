using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Byoc.Cli.Commands.DeadLetters;
using Spectre.Console;

namespace Byoc.Cli.Commands;

/// <summary>
/// <c>byoc deadletters list | show | replay | purge</c>: inspects and acts on a running connector's dead letters through
/// its admin API (<c>/admin/deadletters</c>, header <c>X-Byoc-Admin-Key</c>).
/// </summary>
internal static class DeadLettersCommand
{
    private const string ExitCodeHelp =
        "Exit codes: 0 done, 1 refused or failed (wrong key, conflict, server error), 2 invalid usage or no admin key, " +
        "3 connector unreachable or admin API off, 5 no such dead letter.";

    public static Command Create()
    {
        var command = new Command("deadletters", "List, show, replay or purge the dead letters of a running connector. " + ExitCodeHelp);
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Replay());
        command.Subcommands.Add(Purge());
        return command;
    }

    private static Command List()
    {
        var options = new AdminConnectionOptions();
        var limit = new Option<int>("--limit") { Description = "How many to list (1-500).", DefaultValueFactory = _ => 50 };
        var before = new Option<long?>("--before") { Description = "List those with an id below this one (the next page)." };
        var command = new Command("list", "List dead letters, newest first, with the reason and the last error of each. " + ExitCodeHelp);
        options.AddTo(command);
        command.Options.Add(limit);
        command.Options.Add(before);
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, options, async (client, console) =>
        {
            var query = $"/admin/deadletters?limit={parseResult.GetValue(limit)}" +
                (parseResult.GetValue(before) is { } id ? $"&before={id}" : string.Empty);
            var page = await client.SendAsync(HttpMethod.Get, query, cancellationToken);
            Write(parseResult, options, console, page, () => DeadLetterTables.WritePage(console, page));
        }, cancellationToken));
        return command;
    }

    private static Command Show()
    {
        var options = new AdminConnectionOptions();
        var id = new Argument<long>("id") { Description = "The dead letter's id (from list)." };
        var command = new Command("show", "Show one dead letter with its payload. " + ExitCodeHelp);
        options.AddTo(command);
        command.Arguments.Add(id);
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, options, async (client, console) =>
        {
            var item = await client.SendAsync(HttpMethod.Get, $"/admin/deadletters/{parseResult.GetValue(id)}", cancellationToken);
            Write(parseResult, options, console, item, () => DeadLetterTables.WriteDetail(console, item));
        }, cancellationToken));
        return command;
    }

    private static Command Replay()
    {
        var options = new AdminConnectionOptions();
        var id = new Argument<long?>("id") { Description = "The dead letter to replay.", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Replay every dead letter." };
        var command = new Command("replay", "Put dead letters back on their queue with attempts reset; the connector retries them at once. " + ExitCodeHelp);
        options.AddTo(command);
        command.Arguments.Add(id);
        command.Options.Add(all);
        command.Validators.Add(result =>
        {
            if (result.GetValue(id).HasValue == result.GetValue(all))
            {
                result.AddError("Give either a dead letter id or --all.");
            }
        });
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, options, async (client, console) =>
        {
            var path = parseResult.GetValue(id) is { } one ? $"/admin/deadletters/{one}/replay" : "/admin/deadletters/replay";
            var result = await client.SendAsync(HttpMethod.Post, path, cancellationToken);
            Write(parseResult, options, console, result,
                () => console.MarkupLineInterpolated($"Replayed {result.GetProperty("count").GetInt32()} dead letter(s)."));
        }, cancellationToken));
        return command;
    }

    private static Command Purge()
    {
        var options = new AdminConnectionOptions();
        var id = new Argument<long?>("id") { Description = "The dead letter to delete.", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Delete every dead letter." };
        var olderThan = new Option<string?>("--older-than") { Description = "Delete those dead-lettered before an age (30m, 12h, 7d) or an ISO 8601 time." };
        var command = new Command("purge", "Delete dead letters for good. " + ExitCodeHelp);
        options.AddTo(command);
        command.Arguments.Add(id);
        command.Options.Add(all);
        command.Options.Add(olderThan);
        command.Validators.Add(result =>
        {
            var given = (result.GetValue(id).HasValue ? 1 : 0) + (result.GetValue(all) ? 1 : 0) + (result.GetValue(olderThan) is null ? 0 : 1);
            if (given != 1)
            {
                result.AddError("Give exactly one of a dead letter id, --all or --older-than.");
            }
            else if (result.GetValue(olderThan) is { } text && !OlderThan.TryParse(text, TimeProvider.System.GetUtcNow(), out _))
            {
                result.AddError($"--older-than '{text}' is neither an age such as 7d, 12h or 30m nor an ISO 8601 time.");
            }
        });
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, options, async (client, console) =>
        {
            if (parseResult.GetValue(id) is { } one)
            {
                await client.SendAsync(HttpMethod.Delete, $"/admin/deadletters/{one}", cancellationToken);
                Write(parseResult, options, console, JsonSerializer.SerializeToElement(new { count = 1 }, AdminClient.Json),
                    () => console.MarkupLineInterpolated($"Purged dead letter {one}."));
                return;
            }

            var query = parseResult.GetValue(olderThan) is { } text && OlderThan.TryParse(text, TimeProvider.System.GetUtcNow(), out var cutoff)
                ? "olderThan=" + Uri.EscapeDataString(cutoff.ToString("O", CultureInfo.InvariantCulture))
                : "all=true";
            var result = await client.SendAsync(HttpMethod.Delete, "/admin/deadletters?" + query, cancellationToken);
            Write(parseResult, options, console, result,
                () => console.MarkupLineInterpolated($"Purged {result.GetProperty("count").GetInt32()} dead letter(s)."));
        }, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, AdminConnectionOptions options, Func<AdminClient, IAnsiConsole, Task> action,
        CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        if (options.ResolveApiKey(parseResult) is not { } apiKey)
        {
            await error.WriteLineAsync($"No admin key: pass --api-key or set {AdminConnectionOptions.ApiKeyVariable}.");
            return ExitCodes.InvalidUsage;
        }

        using var client = AdminClient.Create(parseResult.GetValue(options.Url)!, apiKey);
        try
        {
            await action(client, CliConsole.Create(output));
            return ExitCodes.Success;
        }
        catch (AdminCallException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return ex.ExitCode;
        }
    }

    private static void Write(ParseResult parseResult, AdminConnectionOptions options, IAnsiConsole console, JsonElement json, Action table)
    {
        if (parseResult.GetValue(options.Json))
        {
            parseResult.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(json, AdminClient.Json));
            return;
        }

        table();
    }
}
