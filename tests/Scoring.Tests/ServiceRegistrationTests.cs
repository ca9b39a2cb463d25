using Microsoft.Extensions.DependencyInjection;

namespace OrleansBatch.Scoring.Tests;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public void AddOnnxScoring_registers_runtime_inspector_and_factory_as_singletons()
    {
        using var provider = new ServiceCollection()
            .AddOnnxScoring(o => o.ConcurrentWorkers = 2)
            .BuildServiceProvider();

        var factory = Assert.IsType<OnnxScorerFactory>(provider.GetRequiredService<IScorerFactory>());
        Assert.Same(factory, provider.GetRequiredService<IScorerFactory>());
        Assert.IsType<OnnxModelInspector>(provider.GetRequiredService<IModelInspector>());
        Assert.Equal("1.31.1", provider.GetRequiredService<OnnxRuntime>().Version);
        Assert.Equal(Math.Max(1, Environment.ProcessorCount / 2), factory.IntraOpThreads);
    }
}
