using System.CommandLine;
using OrleansBatch.Cli.Hosting;
using OrleansBatch.Client;
using OrleansBatch.Client.Models;
using OrleansBatch.Client.Yaml;

namespace OrleansBatch.Cli.Commands;

/// <summary><c>obatch model create|show|list</c> and <c>obatch data create|show|list</c>, as <c>az ml model</c> / <c>az ml data</c>.</summary>
internal static class AssetCommands
{
    public static Command Model(CliContext context)
    {
        var name = Verb.Name("The model's name.");
        var path = new Option<string>("--path", "-p") { Description = "The model file (model.onnx, an ML.NET model.zip), or a folder holding it.", Required = true };
        var type = new Option<string>("--type", "-t") { Description = "onnx or mlnet; custom_model (az's default) picks by the file: .onnx or .zip." };
        var description = new Option<string>("--description") { Description = "A description." };
        var version = new Option<string>("--version", "-v") { Description = "The version to show (default: latest)." };

        return Verb.Group("model", "Registered models: each create is a new immutable version.",
            Verb.Create("create", "Register a new version of a model; the gateway loads it and shows its inputs and outputs.", context, [name, path, type, description], async run =>
            {
                var files = ModelFiles(run.Required(path));
                var metadata = new ModelVersionMetadata { Type = ModelType(run.Get(type), files), Description = run.Get(description) };
                run.Write(await run.Client.CreateModelVersionAsync(run.Required(name), files.Select(UploadFile.FromPath).ToList(), metadata, run.CancellationToken));
            }),
            Verb.Create("show", "Show a model version (default: the latest).", context, [name, version], async run =>
                run.Write(run.Get(version) is { } v and not "latest"
                    ? await run.Client.GetModelVersionAsync(run.Required(name), ParseVersion(v), run.CancellationToken)
                    : await run.Client.GetLatestModelVersionAsync(run.Required(name), run.CancellationToken))),
            Verb.Create("list", "List the models (with --name, that model's versions).", context, [Verb.Name("A model's name.", required: false)], async run =>
                run.Write(run.Parse.GetValue<string>("--name") is { } model
                    ? (object)await run.Client.GetModelVersionsAsync(model, run.CancellationToken).ToListAsync(run.CancellationToken)
                    : await run.Client.GetModelsAsync(run.CancellationToken).ToListAsync(run.CancellationToken))));
    }

    public static Command Data(CliContext context)
    {
        var name = Verb.Name("The data asset's name (else the file's 'name').", required: false);
        var path = new Option<string>("--path", "-p") { Description = "A local file or folder (uploaded), an https:// URL, upload://<id>/, or a path under the gateway's data roots." };
        var type = new Option<string>("--type", "-t") { Description = "uri_file or uri_folder." };
        type.AcceptOnlyFromAmong("uri_file", "uri_folder", "mltable");
        var file = Verb.File("A data asset YAML as written for Azure ML (name, type, path, description).");
        var description = new Option<string>("--description") { Description = "A description." };
        var required = Verb.Name("The data asset's name.");
        var version = new Option<string>("--version", "-v") { Description = "The version to show (default: latest)." };

        return Verb.Group("data", "Data assets: named, versioned pointers to input files or folders (azureml:<name>:<version> as an input).",
            Verb.Create("create", "Register a new version of a data asset; a local file or folder is uploaded first.", context,
                [name, path, type, file, description, Verb.Set("key=value changes on top of the file.")], async run =>
                {
                    var overrides = new List<string>(run.Parse.GetValue<string[]>("--set") ?? []);
                    if (run.Get(path) is { } p) overrides.Add($"path={p}");
                    if (run.Get(type) is { } t) overrides.Add($"type={t}");
                    else if (run.Get(file) is null && run.Get(path) is { } local0) overrides.Add(File.Exists(local0) ? "type=uri_file" : "type=uri_folder"); // az's default is uri_folder
                    if (run.Get(description) is { } d) overrides.Add($"description={d}");
                    var yaml = run.Get(file) is { } f
                        ? AzureMLYaml.ReadDataAsset(YamlFile.Read(f), f, overrides)
                        : AzureMLYaml.ReadDataAsset("{}", "the command line", overrides);
                    var dataName = run.Get(name) ?? yaml.Name ?? throw new UsageException("Name the data asset: --name, or 'name:' in the file.");
                    // A path in a YAML file is relative to the file, as az ml data create reads it.
                    var local = yaml.Definition.Path;
                    if (run.Get(file) is { } yamlFile && run.Get(path) is null && !local.Contains("://", StringComparison.Ordinal) && !Path.IsPathRooted(local))
                        local = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(yamlFile))!, local);
                    var typeName = yaml.Definition.Type == DataAssetType.UriFile ? "uri_file" : "uri_folder";
                    var uploaded = local.Contains("://", StringComparison.Ordinal) ? null : await LocalUpload.UploadAsync(run, local, typeName);
                    var definition = yaml.Definition with { Path = uploaded?.Path ?? local };
                    run.Write(await run.Client.CreateDataVersionAsync(dataName, definition, run.CancellationToken));
                }),
            Verb.Create("show", "Show a data asset version (default: the latest).", context, [required, version], async run =>
                run.Write(run.Get(version) is { } v and not "latest"
                    ? await run.Client.GetDataVersionAsync(run.Required(required), ParseVersion(v), run.CancellationToken)
                    : await run.Client.GetLatestDataVersionAsync(run.Required(required), run.CancellationToken))),
            Verb.Create("list", "List the data assets.", context, [], async run =>
                run.Write(await run.Client.GetDataAssetsAsync(run.CancellationToken).ToListAsync(run.CancellationToken))));
    }

    private static List<string> ModelFiles(string path)
    {
        if (File.Exists(path))
            return [path];
        if (!Directory.Exists(path))
            throw new UsageException($"--path {path}: there is no such file or folder.");
        var files = LocalUpload.FilesIn(path);
        return files.Count > 0 ? files : throw new UsageException($"--path {path}: the folder holds no model file.");
    }

    /// <summary>onnx or mlnet; az's custom_model (and no type) is decided by the files; MLflow and Triton models cannot be scored here.</summary>
    private static string? ModelType(string? type, List<string> files) => type?.ToLowerInvariant() switch
    {
        null or "custom_model" => files.Any(f => f.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase)) ? "onnx"
            : files.Any(f => f.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) ? "mlnet" : null,
        "onnx" or "mlnet" => type.ToLowerInvariant(),
        "mlflow_model" or "triton_model" => throw new UsageException(
            $"--type {type}: this platform scores ONNX and ML.NET models, not {type}s. Export the model to ONNX (e.g. skl2onnx, tf2onnx, torch.onnx.export) and register model.onnx with --type onnx."),
        _ => throw new UsageException($"--type {type}: use onnx or mlnet (or custom_model to decide by the file)."),
    };

    private static int ParseVersion(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) && version > 0
            ? version
            : throw new UsageException($"--version {text}: use a version number or latest.");
}
