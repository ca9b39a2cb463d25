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
            o.IdlePollInterval = TimeSpan.Zero;
            o.LeaseTtl = TimeSpan.FromSeconds(-1);
            o.VisibilityTimeout = TimeSpan.FromMilliseconds(500);
            o.Workers = 0;
        }));

        Assert.Equal(4, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.StartsWith("Jobs__IdlePollInterval is 00:00:00: give a duration above zero", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Jobs__LeaseTtl is -00:00:01", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Jobs__VisibilityTimeout is 00:00:00.5000000: at least 1 second", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Jobs__Workers is 0", StringComparison.Ordinal));
    }

    [Fact]
    public void The_defaults_and_short_test_settings_are_accepted()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), Resolve(_ => { }).IdlePollInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(100), Resolve(o => o.IdlePollInterval = TimeSpan.FromMilliseconds(100)).IdlePollInterval);
    }
}
