using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace OrleansBatch.Scoring.MlNet;

/// <summary>
/// An ML.NET model loaded from its zip: the transformer, the input columns of the schema saved with it, and the
/// output columns written per row (<c>PredictedLabel</c>, <c>Score</c>, <c>Probability</c>, those the model has).
/// The trainers' assemblies (FastTree, FastForest, GAM, LightGbm) are registered so their models load.
/// </summary>
internal sealed class MlNetModel
{
    /// <summary>The output columns written, in this order, when the model has them.</summary>
    public static readonly string[] OutputNames = ["PredictedLabel", "Score", "Probability"];

    /// <exception cref="ModelLoadException">ML.NET cannot load the file, or its columns cannot be read from text or written out.</exception>
    public MlNetModel(string path)
    {
        Context = new MLContext(seed: 0);
        Context.ComponentCatalog.RegisterAssembly(typeof(FastTreeBinaryModelParameters).Assembly);
        Context.ComponentCatalog.RegisterAssembly(typeof(LightGbmBinaryModelParameters).Assembly);
        DataViewSchema schema;
        try
        {
            Transformer = Context.Model.Load(path, out schema);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ModelLoadException($"ML.NET cannot load the model: {e.Message}", e);
        }

        Inputs = schema.Where(c => !c.IsHidden).Select(Input).ToArray();
        DataViewSchema output;
        try
        {
            output = Transformer.GetOutputSchema(schema);
            Outputs = OutputNames.Select(n => output.GetColumnOrNull(n)).OfType<DataViewSchema.Column>().Where(c => !c.IsHidden)
                .Select(MlNetOutputColumn.Create).ToArray();
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new ModelLoadException($"ML.NET loaded the model, but its outputs cannot be read: {e.Message}", e);
        }

        if (Outputs.Count == 0)
        {
            throw new ModelLoadException(
                $"The ML.NET model has none of the output columns {string.Join(", ", OutputNames)}; its columns are {string.Join(", ", output.Where(c => !c.IsHidden).Select(c => c.Name))}.");
        }
    }

    public MLContext Context { get; }

    public ITransformer Transformer { get; }

    public IReadOnlyList<MlNetInput> Inputs { get; }

    public IReadOnlyList<MlNetOutputColumn> Outputs { get; }

    public ModelSignature Signature => new(
        Inputs.Select(i => new ValueSpec(i.Name, i.TypeName, i.Width == 1 ? [-1] : [-1, i.Width])).ToArray(),
        Outputs.Select(o => new ValueSpec(o.Name, o.TypeName, o.Shape)).ToArray(),
        ModelFormats.MlNet);

    private static MlNetInput Input(DataViewSchema.Column column)
    {
        var (item, width) = column.Type is VectorDataViewType vector ? (vector.ItemType, vector.Size) : (column.Type, 1);
        if (width == 0)
        {
            throw new ModelLoadException($"The model's input column '{column.Name}' is a vector of variable size; only fixed-size columns can be read from files.");
        }

        var raw = item.RawType;
        var kind = raw == typeof(float) ? DataKind.Single
            : raw == typeof(double) ? DataKind.Double
            : raw == typeof(bool) ? DataKind.Boolean
            : raw == typeof(ReadOnlyMemory<char>) ? DataKind.String
            : raw == typeof(int) ? DataKind.Int32
            : raw == typeof(long) ? DataKind.Int64
            : throw new ModelLoadException($"The model's input column '{column.Name}' has type {column.Type}; supported: float, double, bool, text, int32, int64.");
        return new MlNetInput(column.Name, kind, width);
    }
}
