using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process (no generated project to build), short runs: the figures are for comparing hot paths on a shared machine.
// Pass BenchmarkDotNet's own arguments, for example --filter '*Signature*'.
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(Byoc.Benchmarks.SignatureBenchmarks).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
