using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Portal.Benchmarks;

if (args.FirstOrDefault() == "ingest")
    return await IngestionLoad.RunAsync(args[1..]);
if (args.FirstOrDefault() == "circuits")
    return await CircuitCapacity.RunAsync(args[1..]);
if (args.FirstOrDefault() == "health")
    return await HealthQueryTiming.RunAsync(args[1..]);
if (args.FirstOrDefault() == "pdf")
    return await PortfolioPdfTiming.RunAsync(args[1..]);

// In-process: the benchmarks need the seeded database from GlobalSetup and the app's assemblies as built, and
// BenchmarkDotNet 0.14 does not generate projects for net10.0. Arguments pass through (e.g. --filter *Map*).
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(20))
    .AddColumn(StatisticColumn.Median, StatisticColumn.P95)
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(StakeholderMapBenchmarks).Assembly).Run(args, config);
return 0;
