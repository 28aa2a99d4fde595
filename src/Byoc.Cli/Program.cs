using Byoc.Cli;

return await ByocCommandLine.InvokeAsync(args, Console.Out, Console.Error, CancellationToken.None);
