using OrleansBatch.Grains.Domain.Jobs;

namespace OrleansBatch.Security.Tests.Jobs;

/// <summary>The honest-job rules of the pure domain, which the job grain applies.</summary>
public sealed class JobRulesTests
{
    private static readonly JobSpec Spec = new("e", "d", 1, "model", [], [], new JobOutput("p", "u", OutputPolicy.Fail), JobSettings.Default);

    [Theory]
    [InlineData(-1)]
    [InlineData(1000)]
    public void No_item_succeeded_fails_whatever_the_threshold(long threshold)
    {
        var progress = new JobProgress(Total: 2, Dispatched: 2, Failed: 1, Succeeded: 1, ItemsFailed: 20);

        Assert.Equal("NoItemSucceeded", progress.Failure(threshold, "j")?.Code);
    }

    [Fact]
    public void A_job_with_one_item_scored_is_not_failed_by_the_rule()
    {
        Assert.Null(new JobProgress(Total: 1, Dispatched: 1, Succeeded: 1, ItemsSucceeded: 1, ItemsFailed: 99).Failure(-1, "j"));
        Assert.Null(new JobProgress(Total: 2, Dispatched: 1, Failed: 1, ItemsFailed: 5).Failure(-1, "j")); // not done yet
    }

    [Theory]
    [InlineData(JobStatus.Canceled)]
    [InlineData(JobStatus.Failed)]
    public void An_ended_job_shows_nothing_running(JobStatus status)
    {
        var job = new JobState("j", "t", Spec, status, DateTimeOffset.UnixEpoch, Progress: new JobProgress(Total: 10, Dispatched: 6, Succeeded: 2));

        Assert.Equal((0, 8), (job.Counters.Running, job.Counters.Pending));
    }

    [Theory]
    [InlineData("warning", "info", false)]
    [InlineData("warning", "warning", true)]
    [InlineData("info", "debug", false)]
    [InlineData("debug", "debug", true)]
    [InlineData("info", "error", true)]
    public void Logging_level_decides_which_lines_show(string setting, string line, bool shown)
    {
        Assert.Equal(shown, (JobSettings.Default with { LoggingLevel = setting }).Logs(line));
    }

    [Fact]
    public void Identical_errors_are_one_line_with_count_and_row_range_and_distinct_ones_beyond_the_limit_are_counted()
    {
        var groups = new JobItemErrorGroups(maxGroups: 2);
        for (var row = 0; row < 1000; row++)
            groups.Add(new JobItemError(0, "a.csv", row, null, 1, "InvalidValue", "not a number", "x", row.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        groups.Add(new JobItemError(1, "a.csv", 5, null, 1, "InvalidValue", "empty", "y"));
        groups.Add(new JobItemError(1, "a.csv", 6, null, 1, "Other", "third kind", "y"));

        var first = groups.Errors[0];
        Assert.Equal(2, groups.Errors.Count);
        Assert.Equal((1000L, 0L, 999L, (string?)null), (first.Count, first.Row!.Value, first.LastRowCovered!.Value, first.Value));
        Assert.Equal(1, groups.Omitted);
    }
}
