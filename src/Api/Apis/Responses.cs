using OrleansBatch.Silo.Hosting;
using OrleansBatch.Api.Contracts;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Domain.Data;
using OrleansBatch.Grains.Domain.Deployments;
using OrleansBatch.Grains.Domain.Endpoints;
using OrleansBatch.Grains.Domain.Models;
using OrleansBatch.Grains.Domain.Tenants;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Abstractions.Data;
using OrleansBatch.Abstractions.Deployments;
using OrleansBatch.Abstractions.Endpoints;
using OrleansBatch.Abstractions.Models;
using OrleansBatch.Abstractions.Tenants;
using OrleansBatch.Abstractions;
using OrleansBatch.Silo.Inputs;

namespace OrleansBatch.Api.Apis;

/// <summary>Maps domain state to the response contracts.</summary>
internal static class Responses
{
    public static TenantResponse Tenant(Snapshot<TenantState> tenant) => new(tenant.State.Name, tenant.Version, tenant.State.CreatedAt);

    public static ApiKeyResponse Key(string tenant, ApiKeyRecord key, string? plaintext = null) =>
        new(key.Id, tenant, key.Role.ToString().ToLowerInvariant(), plaintext, key.CreatedAt, key.RevokedAt);

    public static SiloResponse Silo(ClusterSilo silo) =>
        new(silo.Name, silo.Address, silo.Status, silo.StartedAt, silo.LastHeartbeat, silo.ActiveMiniBatches);

    public static ModelVersionResponse Model(ModelVersion model) => new(
        model.Name, model.Version, model.Type, model.Description, model.Tags,
        model.Files.FirstOrDefault(f => f.Path == model.Path)?.Name ?? model.Path,
        model.Files.Select(f => new FileResponse(f.Name, f.Length)).ToList(),
        model.Inputs.Select(Io).ToList(),
        model.Outputs.Select(Io).ToList(),
        model.CreatedAt);

    public static AssetSummaryResponse Summary(AssetSummary asset) => new(asset.Name, asset.LatestVersion, asset.CreatedAt, asset.UpdatedAt);

    public static DataVersionResponse Data(DataVersion data) =>
        new(data.Name, data.Version, data.Type, SasRedaction.Url(data.Path), data.Description, data.Tags, data.CreatedAt);

    public static EndpointResponse Endpoint(Snapshot<EndpointState> endpoint, HttpRequest request)
    {
        var state = endpoint.State;
        return new EndpointResponse(
            state.Name, state.Description, state.Tags, state.AuthMode, new EndpointDefaults(state.DefaultDeployment), state.Deployments,
            $"{request.Scheme}://{request.Host}{request.PathBase}/v1/endpoints/{state.Name}/jobs",
            endpoint.Version, state.CreatedAt, state.UpdatedAt);
    }

    /// <summary>A deployment at <paramref name="version"/> (its current version when null).</summary>
    public static DeploymentResponse Deployment(DeploymentState state, DeploymentVersion? version = null)
    {
        version ??= state.Current;
        var spec = version.Spec;
        var settings = spec.Settings;
        return new DeploymentResponse(
            state.Name, state.Endpoint, spec.Type,
            spec.Model is { } model ? Reference(model) : null,
            spec.Steps.Select(s => new PipelineStepResponse(Reference(s))).ToList(),
            spec.Description, spec.Tags, spec.Compute,
            new DeploymentResourcesResponse(spec.InstanceCount),
            new DeploymentSettingsResponse(
                settings.MaxConcurrencyPerInstance, settings.MiniBatchSize.ToYamlValue(),
                new RetrySettingsResponse(settings.RetrySettings.MaxRetries, settings.RetrySettings.Timeout),
                settings.ErrorThreshold, settings.LoggingLevel, settings.OutputAction, settings.OutputFileName, settings.EnvironmentVariables,
                settings.InputColumns, settings.PassthroughColumns, settings.OutputFormat ?? "csv",
                settings.Image is { } image ? new ImageSettingsResponse(image.Resize, image.Scale, image.Mean, image.Std) : null),
            version.Version, state.Current.Version, state.CreatedAt, version.CreatedAt, spec.IgnoredSettings ?? []);
    }

    public static ListResponse<TResponse> List<TItem, TResponse>(Page<TItem> page, Func<TItem, TResponse> map, Http.ListQuery query, HttpRequest request) =>
        new(page.Items.Select(map).ToList(), query.NextLink(request, page.Continuation));

    private static ModelIoResponse Io(ModelIo io) => new(io.Name, io.Type, io.Shape);

    private static ModelReferenceResponse Reference(ModelBinding model) => new(model.Name, model.Version);
}
