using OrleansBatch.Abstractions;
using OrleansBatch.Abstractions.Deployments;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Scoring;
using OrleansBatch.Scoring.Tabular;

namespace OrleansBatch.Silo.Inputs;

/// <summary>
/// Checks at invoke time that the columns a job names (<c>settings.input_columns</c>,
/// <c>settings.passthrough_columns</c>), or without input_columns the inputs of a model of several inputs (which
/// take the columns of their names), are in its tabular inputs, and that a CSV or JSON-lines file feeding an ONNX
/// model's one wide input by position (no input_columns) has as many columns as the input takes values. It reads
/// only the header of each file that is on this machine (local paths, uploads); remote files are checked by the
/// scorer (an item error per row). A problem is 400 <c>ValidationFailed</c> naming the column, the setting and the file.
/// </summary>
public sealed class TabularInputCheck(IArtifactStore artifacts)
{
    /// <summary>Headers read per invoke at most: invoke stays fast whatever the folder holds; the scorer checks the rest.</summary>
    public const int MaxFilesChecked = 100;

    /// <param name="inputs">The job's resolved inputs.</param>
    /// <param name="settings">The job's effective settings.</param>
    /// <param name="model">The deployment's (first) model.</param>
    public void Check(IReadOnlyList<JobInput> inputs, JobSettings settings, ModelBinding model)
    {
        var modelInputs = model.Inputs.Select(i => i.Name).ToList();
        var columns = TabularColumns.Of(settings.InputColumns, settings.PassthroughColumns);
        // An ONNX model's one input of [N, F] takes a file's columns in header order when input_columns is not set.
        var wide = settings.InputColumns is not { Count: > 0 } && model.Inputs is [{ Shape: [_, > 0] } only]
            && model.Path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) ? only : null;
        // A single wide input may take the header's columns in order (the scorer decides and logs it); several take their names.
        // An ML.NET model's Label input is fed as missing when the data lacks it, so it is never required here.
        var byName = settings.InputColumns is null && modelInputs.Count > 1 ? modelInputs.Where(i => i != ModelFormats.MlNetLabel).ToList() : [];
        if (columns == TabularColumns.None && byName.Count == 0 && wide is null)
            return;
        var files = inputs.SelectMany(i => i.Files).ToList();
        if (columns.PassthroughColumns.Count > 0 && files.FirstOrDefault(f => !TabularFiles.IsTabular(f.FileName)) is { } notTabular)
            throw DomainException.Validation("settings.passthrough_columns",
                $"copies columns of tabular inputs (.csv, .jsonl); '{notTabular.FileName}' has no columns. Leave passthrough_columns unset for this input.");

        foreach (var file in files.Where(f => TabularFiles.IsTabular(f.FileName)).Take(MaxFilesChecked))
        {
            var local = file.InArtifactStore ? artifacts.TryGetLocalPath(file.Path) : BlobInputs.IsBlobUrl(file.Path) ? null : file.Path;
            // A file listed empty has no header to check, and reading a pipe or device (listed with no length) would block the invoke.
            if (local is null || file.Length <= 0 || TabularHeader.TryRead(local, file.FileName) is not { } header)
                continue;
            var names = header.ToHashSet(StringComparer.Ordinal);
            var missing = columns.MissingFrom(names).Concat(byName.Where(i => !names.Contains(i)).Select(i => (Setting: "input", Column: i))).ToList();
            if (missing.Count > 0)
                throw DomainException.Validation(missing.GroupBy(m => m.Setting).ToDictionary(
                    g => g.Key,
                    g => new[] { $"{string.Join(", ", g.Select(m => $"'{m.Column}'"))} {(g.Count() > 1 ? "are not columns" : "is not a column")} of '{file.FileName}'"
                        + (g.Key == "input" ? ", but the model takes its inputs from the columns of those names" : "") + $"; its columns: {Describe(header)}." }));
            if (wide is not null && !ParquetSlices.IsParquet(file.FileName) && !names.Contains(wide.Name) && header.Count != wide.Shape[1])
                throw DomainException.Validation("settings.input_columns",
                    $"'{file.FileName}' has {header.Count} columns ({Describe(header)}), but model input '{wide.Name}' takes {wide.Shape[1]} values per row, "
                    + $"which come from the file's columns in header order while settings.input_columns is not set. Set settings.input_columns to the model's {wide.Shape[1]} feature columns, in the model's order.");
        }
    }

    private static string Describe(IReadOnlyList<string> names) =>
        names.Count <= 40 ? string.Join(", ", names) : string.Join(", ", names.Take(40)) + $", ... ({names.Count} in all)";
}
