using OrleansBatch.Cli;
using OrleansBatch.Cli.Hosting;

// obatch: Azure ML's batch verbs (az ml batch-endpoint / batch-deployment / job) against an OrleansBatch gateway.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await ObatchCli.RunAsync(args, CliContext.FromProcess(), cancel.Token);
