using System.CommandLine;
using Byoc.Bench;

// The standalone harness: the same command as 'byoc bench', measuring the byoc executable built in this repository.
var command = BenchCommandFactory.Create("Byoc.Bench", ByocLocator.FromRepository);
var root = new RootCommand(command.Description!);
foreach (var option in command.Options)
{
    root.Options.Add(option);
}

root.Action = command.Action;
return await root.Parse(args).InvokeAsync();
