using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansBatch.Silo.Jobs;

namespace OrleansBatch.Silo.Tests.Jobs;

public class JobOptionsTests
{
    private static JobOptions Resolve(Action<JobOptions> configure)
    {
        using var services = new ServiceCollection().AddJobs(configure, runsWork: false).BuildServiceProvider();
        return services.GetRequiredService<IOptions<JobOptions>>().Value;
    }

    [Fact]
    public void Bad_settings_are_refused_naming_each_setting_to_fix()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(o =>
        {
            o.ResultPollInterval = TimeSpan.Zero;
            o.ProgressInterval = TimeSpan.FromSeconds(-1);
            o.RetryBackoff = TimeSpan.FromDays(2);
            o.Workers = 0;
        }));

        Assert.Equal(4, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.StartsWith("Jobs__ResultPollInterval is 00:00:00: give a duration above zero", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Jobs__ProgressInterval is -00:00:01", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Jobs__RetryBackoff is 2.00:00:00", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Jobs__Workers is 0", StringComparison.Ordinal));
    }

    [Fact]
    public void The_defaults_and_short_test_settings_are_accepted()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(250), Resolve(_ => { }).ResultPollInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(50), Resolve(o => o.ResultPollInterval = TimeSpan.FromMilliseconds(50)).ResultPollInterval);
    }
}
