using Orleans;
using System.Text.Json.Nodes;
using OrleansBatch.Api.Compat;
using OrleansBatch.Api.Contracts;
using Microsoft.Extensions.Options;
using OrleansBatch.Api.Hosting;
using OrleansBatch.Api.Http;
using OrleansBatch.Silo.Limits;
using OrleansBatch.Grains;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Domain.Models;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Scoring;
using OrleansBatch.Storage.Local;
using OrleansBatch.Abstractions.Models;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Api.Assets;

/// <summary>
/// Registers a model version from a multipart upload: the files are received into a temporary folder,
/// the ONNX graph is loaded by ONNX Runtime (an unloadable file is 400 <c>ModelInvalid</c>), then a
/// version number is reserved, the files are stored under it and the version is committed.
/// </summary>
internal sealed class ModelRegistration(
    IGrainFactory grains, IArtifactStore artifacts, IModelInspector inspector, TenantQuotas quotas, IOptions<GatewayOptions> options, TimeProvider time)
{
    public Task<ModelVersion> RegisterAsync(string tenant, string name, HttpRequest request, CancellationToken cancellationToken) =>
        RegisterAsync(tenant, name, async receive => (await MultipartBody.ReadAsync(request, receive, cancellationToken).ConfigureAwait(false)).Metadata, cancellationToken, request.ContentLength ?? 0);

    /// <summary>
    /// Registers from parts read elsewhere (the dashboard's upload form): <paramref name="readParts"/> hands each file
    /// (a safe, unique name and its content) to the receiver it is given, and returns the metadata text, if any.
    /// <paramref name="incomingBytes"/> (the request's size, when known) is checked against the tenant's storage quota first.
    /// </summary>
    public async Task<ModelVersion> RegisterAsync(
        string tenant, string name, Func<Func<string, Stream, Task>, Task<string?>> readParts, CancellationToken cancellationToken, long incomingBytes = 0)
    {
        var storedBytes = await quotas.StoredBytesAsync(tenant, cancellationToken).ConfigureAwait(false);
        quotas.RequireStorage(storedBytes, incomingBytes);
        // In the data directory's temp folder, named for this process: a start after a kill removes what it left (FileArtifactStore).
        var folder = Directory.CreateDirectory(Path.Combine(options.Value.DataDirectory, "tmp", FileArtifactStore.TempName("model-")));
        try
        {
            var files = new List<(string Name, string LocalPath, long Length)>();
            var metadataText = await readParts(async (fileName, content) =>
            {
                var local = Path.Combine(folder.FullName, fileName);
                await using var file = File.Create(local);
                await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                files.Add((fileName, local, file.Length));
            }).ConfigureAwait(false);

            var metadata = metadataText is null ? new ModelMetadataRequest() : ParseMetadata(metadataText);

            var errors = new ValidationErrors();
            var type = ModelTypes.Normalize(metadata.Type, errors);
            if (metadata.Name is not null && !string.Equals(metadata.Name, name, StringComparison.OrdinalIgnoreCase))
                errors.Add("metadata.name", $"'{metadata.Name}' differs from the model name '{name}' in the URL.");
            if (metadata.Description is { Length: > 4096 })
                errors.Add("metadata.description", "is longer than 4096 characters.");
            StringMap.Validate(metadata.Tags, "metadata.tags", errors);
            var graph = PickGraph(files.Select(f => f.Name).ToList(), metadata.Path, type == ModelTypes.MlNet ? ".zip" : ".onnx", errors);
            errors.ThrowIfAny();

            var graphFile = files.First(f => f.Name == graph);
            ModelSignature signature;
            try
            {
                signature = inspector.Inspect(graphFile.LocalPath);
            }
            catch (ModelLoadException e)
            {
                var message = $"{(type == ModelTypes.MlNet ? "ML.NET" : "ONNX Runtime")} cannot load '{graph}': {e.Message.Replace(graphFile.LocalPath, graph, StringComparison.Ordinal)}";
                throw new DomainException(400, "ModelInvalid", message + (type == ModelTypes.MlNet ? " Upload the .zip that mlContext.Model.Save wrote." : " Upload a valid ONNX model file."),
                    new Dictionary<string, string[]> { ["file"] = [message] });
            }
            if ((signature.Format == ModelFormats.MlNet) != (type == ModelTypes.MlNet))
            {
                var message = signature.Format == ModelFormats.MlNet
                    ? $"'{graph}' is an ML.NET model; register it with metadata {{\"type\": \"mlnet\"}}."
                    : $"'{graph}' is not an ML.NET model (.zip); register ONNX models with metadata type 'onnx'.";
                throw new DomainException(400, "ModelInvalid", message, new Dictionary<string, string[]> { ["metadata.type"] = [message] });
            }

            quotas.RequireStorage(storedBytes, files.Sum(f => f.Length));
            var version = await grains.Model(tenant, name).ReserveVersionAsync().ConfigureAwait(false);
            var stored = new List<ModelFile>(files.Count);
            foreach (var file in files)
            {
                var path = ArtifactPaths.ModelFile(tenant, name, version, file.Name);
                await using (var content = File.OpenRead(file.LocalPath))
                    await artifacts.WriteAsync(path, content, overwrite: true, cancellationToken).ConfigureAwait(false);
                stored.Add(new ModelFile(file.Name, path, file.Length));
            }
            var model = new ModelVersion(
                name, version, type!, metadata.Description, StringMap.Normalize(metadata.Tags),
                ArtifactPaths.ModelFile(tenant, name, version, graphFile.Name), stored,
                signature.Inputs.Select(Io).ToList(), signature.Outputs.Select(Io).ToList(), time.GetUtcNow());
            return await grains.Model(tenant, model.Name).CommitVersionAsync(model).ConfigureAwait(false);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The <c>metadata</c> part: JSON, or YAML as in <c>model.yml</c>.</summary>
    private static ModelMetadataRequest ParseMetadata(string text)
    {
        var body = YamlToJson.Convert(text) as JsonObject
            ?? throw DomainException.Validation("metadata", "must be a JSON object such as {\"type\": \"onnx\", \"description\": \"...\"}.");
        AzureYaml.NormalizeTags(body);
        return RequestBody.Bind<ModelMetadataRequest>(body, "metadata");
    }

    /// <summary>The file that is the model: metadata <c>path</c>, else the only file, else the only file ending in <paramref name="extension"/>.</summary>
    private static string? PickGraph(IReadOnlyList<string> files, string? path, string extension, ValidationErrors errors)
    {
        if (path is not null)
        {
            var named = UploadFileName.Sanitize(path);
            if (files.Contains(named))
                return named;
            errors.Add("metadata.path", $"'{path}' is not one of the uploaded files ({string.Join(", ", files)}).");
            return null;
        }
        if (files.Count == 1)
            return files[0];
        var models = files.Where(f => f.EndsWith(extension, StringComparison.OrdinalIgnoreCase)).ToList();
        if (models.Count == 1)
            return models[0];
        errors.Add("metadata.path", $"several files were uploaded; name the model file with metadata {{\"path\": \"model{extension}\"}}.");
        return null;
    }

    private static ModelIo Io(ValueSpec spec) => new(spec.Name, spec.ElementType, spec.Shape);
}
