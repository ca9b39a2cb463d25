using OrleansBatch.Abstractions.Jobs;
using Orleans;
using System.Text.RegularExpressions;
using OrleansBatch.Grains;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Domain.Data;
using OrleansBatch.Grains.Domain.Deployments;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Silo.Inputs;
using OrleansBatch.Silo.Limits;
using OrleansBatch.Silo.Outputs;
using OrleansBatch.Abstractions.Data;
using OrleansBatch.Abstractions.Deployments;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Silo.Jobs;

/// <summary>
/// Invokes an endpoint: picks the deployment (named, or the endpoint's default) and pins its current
/// version, resolves inputs (uploads, data assets, paths under the data roots) and the output
/// (<c>OutputExists</c> now, not as a failed job later), applies per-job settings, and creates the job.
/// </summary>
public sealed partial class JobInvoker(
    IGrainFactory grains, JobService jobs, JobInputResolver inputs, OutputStores outputs, TenantQuotas quotas, TimeProvider time, TabularInputCheck tabular)
{
    /// <summary>
    /// Creates the job, or returns the one <paramref name="idempotencyKey"/> created; <paramref name="requestFingerprint"/> (of the
    /// body and headers that shape the job) tells a repeated request from another one under the same key (422).
    /// </summary>
    public async Task<(JobState Job, bool Created)> InvokeAsync(
        string tenant, string endpoint, InvokeBody body, string? idempotencyKey, CancellationToken cancellationToken, string? requestFingerprint = null)
    {
        if (await jobs.FindByIdempotencyKeyAsync(tenant, idempotencyKey, cancellationToken, requestFingerprint).ConfigureAwait(false) is { } earlier)
            return (earlier, false);
        await quotas.RequireJobSlotAsync(tenant, cancellationToken).ConfigureAwait(false);

        var deploymentName = body.DeploymentName is null ? null : ResourceName.Normalize(body.DeploymentName, "deployment_name");
        var resolved = await grains.Endpoint(tenant, endpoint).ResolveAsync(deploymentName).ConfigureAwait(false);
        var spec = resolved.Version.Spec;
        var d = spec.Settings;
        var settings = new JobSettings(
            Grains.Domain.Jobs.MiniBatchSize.Parse(d.MiniBatchSize.ToString()), spec.InstanceCount, d.MaxConcurrencyPerInstance, d.RetrySettings.MaxRetries, d.RetrySettings.Timeout,
            d.ErrorThreshold, d.LoggingLevel, d.OutputAction == DeploymentSettings.SummaryOnly ? OutputAction.SummaryOnly : OutputAction.AppendRow, d.OutputFileName,
            d.InputColumns, d.PassthroughColumns, d.OutputFormat ?? "csv", d.Image)
            .With(body.Settings);
        if (PipelineFit.ColumnsProblem(spec.Graphs[0], settings.InputColumns) is { } columns)
            throw DomainException.Validation("settings.input_columns", columns);

        var resolvedInputs = new List<JobInput>();
        foreach (var input in body.Inputs)
            resolvedInputs.Add(await ResolveInputAsync(tenant, input.Name, input.Type, input.Path, input.Field, cancellationToken).ConfigureAwait(false));
        tabular.Check(resolvedInputs, settings, spec.Graphs[0]);

        var name = JobKeys.NewJobName(time.GetUtcNow());
        var output = OutputOf(tenant, name, body, settings);
        if (BlobInputs.IsBlobUrl(output.Path))
        {
            // A container path: the folder URL becomes the output blob's URL (its SAS kept for the silos, not shown).
            var (path, uri) = await outputs.ResolveBlobFolderAsync(tenant, output.Path, body.OutputFileName ?? settings.OutputFileName, cancellationToken).ConfigureAwait(false);
            output = output with { Path = path, Uri = uri };
        }
        var (outputStore, pathInStore) = outputs.Resolve(output.Path);
        if (settings.OutputAction == OutputAction.AppendRow && output.Policy == OutputPolicy.Fail
            && await outputStore.GetInfoAsync(pathInStore, cancellationToken).ConfigureAwait(false) is not null)
            throw DomainException.Invalid("OutputExists", $"The output {output.Uri} exists already. Choose another output path or file_name, or send \"output_policy\": \"overwrite\".");

        var jobSpec = new JobSpec(resolved.Endpoint, resolved.Deployment, resolved.Version.Version, spec.Type,
            spec.Graphs.Select(g => new JobModelStep(g.Name, g.Version, g.Path)).ToList(), resolvedInputs, output, settings);
        return await jobs.CreateAsync(tenant, name, jobSpec, idempotencyKey, cancellationToken, requestFingerprint).ConfigureAwait(false);
    }

    private async Task<JobInput> ResolveInputAsync(string tenant, string name, string type, string path, string field, CancellationToken cancellationToken, int depth = 0)
    {
        if (path.StartsWith(ArtifactPaths.UploadScheme, StringComparison.OrdinalIgnoreCase))
        {
            if (!ArtifactPaths.TryResolveUpload(tenant, path, out var artifactPath))
                throw DomainException.Invalid("InputNotAllowed", $"{field}: '{path}' is not a valid upload path; use the path POST /v1/uploads returned (upload://<id>/).");
            return await inputs.ResolveArtifactsAsync(name, type, path, artifactPath, field, cancellationToken).ConfigureAwait(false);
        }
        if (DataReference().Match(path) is { Success: true } asset && depth == 0)
        {
            var assetName = ResourceName.Normalize(asset.Groups["name"].Value, field);
            int? version = null;
            if (asset.Groups["version"].Success)
                version = int.TryParse(asset.Groups["version"].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) && v >= 1
                    ? v
                    : throw DomainException.Validation(field, $"'{path}': the version must be a whole number from 1 to {int.MaxValue}, or @latest.");
            DataVersion found;
            try
            {
                found = await grains.Data(tenant, assetName).GetVersionAsync(version).ConfigureAwait(false);
            }
            catch (DomainException e) when (e.Status == 404)
            {
                throw DomainException.Invalid("InputNotFound", $"{field}: {e.Message}");
            }
            var resolved = await ResolveInputAsync(tenant, name, found.Type, found.Path, field, cancellationToken, depth + 1).ConfigureAwait(false);
            return resolved with { Uri = path };
        }
        if (BlobInputs.IsBlobUrl(path))
        {
            var resolved = await inputs.ResolveBlobAsync(tenant, name, type, path, field, cancellationToken).ConfigureAwait(false);
            return depth == 0 ? resolved : resolved with { Uri = BlobInputs.Redact(path) };
        }
        if (path.StartsWith("azureml:", StringComparison.OrdinalIgnoreCase))
            throw DomainException.Invalid("InputNotAllowed", $"{field}: '{path}' is not readable by this installation; use upload://, azureml:<data>:<version>, an https:// blob URL, or a path under the data roots.");
        return inputs.ResolveLocal(tenant, name, type, path, field);
    }

    /// <summary>
    /// The output file's path: the job's own folder by default, a folder of the tenant's outputs (<c>azureml://datastores/x/paths/p</c>
    /// or <c>p</c>), a blob URL, or an absolute local folder under the tenant's data roots.
    /// </summary>
    private JobOutput OutputOf(string tenant, string job, InvokeBody body, JobSettings settings)
    {
        var fileName = body.OutputFileName ?? settings.OutputFileName;
        if (!PlainFileName.IsValid(fileName))
            throw DomainException.Validation("output.file_name", PlainFileName.Rule + ".");
        if (settings.OutputAction == OutputAction.SummaryOnly && body.OutputPath is null)
            return new JobOutput(JobKeys.SummaryPath(tenant, job), $"jobs/{job}/summary.json", body.OutputPolicy);
        if (body.OutputPath is null)
            return new JobOutput(JobKeys.DefaultOutput(tenant, job, fileName), $"jobs/{job}/score/{fileName}", body.OutputPolicy);
        if (BlobInputs.IsBlobUrl(body.OutputPath))
            return new JobOutput(body.OutputPath, BlobInputs.Redact(body.OutputPath), body.OutputPolicy);
        if (body.OutputPath.Any(char.IsControl))
            throw DomainException.Validation("output.path", "must not contain control characters (NUL, CR, LF, ...); use a relative folder such as 'scores/run-1'.");
        if (OutputStores.IsLocalPath(body.OutputPath))
            return new JobOutput(outputs.ResolveLocalFile(tenant, body.OutputPath, fileName), $"{body.OutputPath.TrimEnd('/')}/{fileName}", body.OutputPolicy);
        var folder = DatastorePath().Match(body.OutputPath) is { Success: true } m ? m.Groups["path"].Value : body.OutputPath;
        folder = folder.Trim('/');
        if (folder.Split('/').Any(p => p is ".." or "." || p.Length == 0) || folder.Contains('\\') || folder.Contains(':'))
            throw DomainException.Validation("output.path", $"'{body.OutputPath}' is not an output folder; use a relative folder such as 'scores/run-1' or azureml://datastores/<store>/paths/<folder>.");
        return new JobOutput($"tenants/{tenant}/outputs/{folder}/{fileName}", $"{body.OutputPath.TrimEnd('/')}/{fileName}", body.OutputPolicy);
    }

    [GeneratedRegex(@"^azureml:(?<name>[A-Za-z][-A-Za-z0-9]*)(?::(?<version>\d+)|@latest)$")]
    private static partial Regex DataReference();

    [GeneratedRegex(@"^azureml://datastores/[^/]+/paths/(?<path>.+)$")]
    private static partial Regex DatastorePath();
}
