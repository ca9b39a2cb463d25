using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrleansBatch.Scoring;

/// <summary>Dependency-injection registration of ONNX scoring.</summary>
public static class ScoringServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="OnnxScoringOptions"/>, the process's <see cref="OnnxRuntime"/> (singleton, loaded on
    /// first use), <see cref="IModelInspector"/> (<see cref="OnnxModelInspector"/>) and
    /// <see cref="IScorerFactory"/> (<see cref="OnnxScorerFactory"/>, which caches scorers per cache key).
    /// </summary>
    public static IServiceCollection AddOnnxScoring(this IServiceCollection services, Action<OnnxScoringOptions>? configure = null)
    {
        var options = new OnnxScoringOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => new OnnxRuntime(sp.GetRequiredService<OnnxScoringOptions>().MaxMemoryMegabytes));
        services.TryAddSingleton<IModelInspector, OnnxModelInspector>();
        services.TryAddSingleton<OnnxScorerFactory>();
        services.TryAddSingleton<IScorerFactory>(sp => sp.GetRequiredService<OnnxScorerFactory>());
        return services;
    }
}
