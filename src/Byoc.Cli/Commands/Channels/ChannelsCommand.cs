using System.CommandLine;

namespace Byoc.Cli.Commands.Channels;

/// <summary><c>byoc channels</c>: helpers that register the connector with a messaging platform.</summary>
internal static class ChannelsCommand
{
    public static Command Create()
    {
        var telegram = new Command("telegram", "Telegram bot channels.");
        telegram.Subcommands.Add(TelegramSetWebhookCommand.Create());
        var command = new Command("channels", "Register the connector's channels with their messaging platforms.");
        command.Subcommands.Add(telegram);
        return command;
    }
}
