namespace OrleansBatch.Scoring;

/// <summary>
/// How a tabular input's columns are used, by name: <see cref="InputColumns"/> (<c>settings.input_columns</c>)
/// lists, in the model's feature order, the columns that feed a model input of one wide tensor;
/// <see cref="PassthroughColumns"/> (<c>settings.passthrough_columns</c>) are copied into the output after
/// <c>file_name,row</c>. Both empty: columns map to model inputs of the same name.
/// </summary>
public sealed record TabularColumns(IReadOnlyList<string> InputColumns, IReadOnlyList<string> PassthroughColumns)
{
    public static readonly TabularColumns None = new([], []);

    /// <summary>The columns of both settings, or <see cref="None"/> when both are null or empty.</summary>
    public static TabularColumns Of(IReadOnlyList<string>? inputColumns, IReadOnlyList<string>? passthroughColumns) =>
        inputColumns is not { Count: > 0 } && passthroughColumns is not { Count: > 0 } ? None : new(inputColumns ?? [], passthroughColumns ?? []);

    /// <summary>A stable text of the settings for cache keys: empty for <see cref="None"/>.</summary>
    public string Fingerprint => InputColumns.Count == 0 && PassthroughColumns.Count == 0
        ? string.Empty
        : $"in={string.Join('\u001f', InputColumns)};pass={string.Join('\u001f', PassthroughColumns)}";

    /// <summary>Columns the settings name that <paramref name="columns"/> (a file's header) lacks, each with the setting that names it.</summary>
    public IEnumerable<(string Setting, string Column)> MissingFrom(IReadOnlyCollection<string> columns) =>
        InputColumns.Where(c => !columns.Contains(c)).Select(c => ("settings.input_columns", c))
            .Concat(PassthroughColumns.Where(c => !columns.Contains(c)).Select(c => ("settings.passthrough_columns", c)));
}
