using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Cli.Tests.Support;

namespace OrleansBatch.Cli.Tests;

/// <summary>
/// Azure ML's batch example scripts with <c>az ml</c> replaced by <c>obatch</c> (samples/azureml), run as they are, by
/// bash with the built <c>obatch</c> on PATH, against a gateway process.
/// </summary>
public sealed class AzureMLSamplesTests
{
    [Theory]
    [InlineData("mnist-classifier", 61)]
    [InlineData("heart-classifier", 1139)]
    public async Task The_deploy_and_run_script_runs_unchanged_but_for_the_command_name(string sample, int predictionLines)
    {
        using var work = new TempDirectory();
        // A copy of the samples the scripts use (they download into their own folder, as Azure's do).
        foreach (var folder in new[] { "azureml", "digits", "breast-cancer" })
            Scripts.CopyFolder(RepositoryPaths.Sample(folder), Path.Combine(work.Path, "samples", folder));
        var data = Directory.CreateDirectory(Path.Combine(work.Path, ".obatch")).FullName;
        await using var gateway = await GatewayProcess.StartAsync(data, adminKey: null);
        var adminKey = File.ReadAllText(Path.Combine(data, "admin.key")).Trim();
        var environment = new Dictionary<string, string>
        {
            ["XDG_CONFIG_HOME"] = Path.Combine(work.Path, "config"),
            ["OBATCH_ENDPOINT"] = gateway.Address.ToString(),
            ["ADMIN"] = adminKey,
        };
        var login = await Scripts.RunBashAsync("-c", work.Path, environment,
            "obatch tenant create --name samples --api-key \"$ADMIN\" -o none && obatch login --endpoint \"$OBATCH_ENDPOINT\" --api-key "
            + "\"$(obatch tenant key create --tenant samples --role contributor --api-key \"$ADMIN\" --query key -o tsv)\"");
        Assert.True(login.ExitCode == 0, login.ToString());
        environment.Remove("OBATCH_ENDPOINT"); // from here on, only the login profile: as a user's shell

        var folderOfScript = Path.Combine(work.Path, "samples", "azureml", sample);
        var run = await Scripts.RunBashAsync(Path.Combine(folderOfScript, "deploy-and-run.sh"), folderOfScript, environment);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(0, run.Output.Split('\n').Count(l => l == "Job failed"));
        Assert.True(run.Output.Split('\n').Count(l => l == "Job completed") >= 2, run.Output);
        Assert.Equal(predictionLines, File.ReadAllLines(Path.Combine(folderOfScript, "named-outputs", "score", "predictions.csv")).Length);
        Assert.Contains("Delete the endpoint", run.Output);
    }
}
