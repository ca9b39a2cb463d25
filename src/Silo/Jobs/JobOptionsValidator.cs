using Microsoft.Extensions.Options;

namespace OrleansBatch.Silo.Jobs;

/// <summary>Fails the silo's start with a message that says which <c>Jobs__</c> setting to fix.</summary>
internal sealed class JobOptionsValidator : IValidateOptions<JobOptions>
{
    public ValidateOptionsResult Validate(string? name, JobOptions options)
    {
        var failures = new List<string>();
        foreach (var (key, value) in new (string, TimeSpan)[]
        {
            (nameof(JobOptions.ResultPollInterval), options.ResultPollInterval),
            (nameof(JobOptions.ProgressInterval), options.ProgressInterval),
            (nameof(JobOptions.RetryBackoff), options.RetryBackoff),
        })
        {
            if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(1))
                failures.Add($"{JobOptions.SectionName}__{key} is {value}: give a duration above zero and at most a day, such as 00:00:01.");
        }
        if (options.Workers is < 1 or > 1024)
            failures.Add($"{JobOptions.SectionName}__{nameof(JobOptions.Workers)} is {options.Workers}: give 1 to 1024 scoring slots.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
