using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using OrleansBatch.Scoring.Tests.Files;

namespace OrleansBatch.Scoring.Tests.MlNet;

/// <summary>
/// Trains small ML.NET models in-process on the samples' rows (labels: the sample models' expected predictions),
/// saves them as a user would (<c>mlContext.Model.Save</c> with the training schema) and gives the data to score.
/// </summary>
public static class TinyModels
{
    public static readonly string[] BinaryTrainers = ["FastTree", "FastForest", "LightGbm", "Sdca", "Lbfgs", "Gam"];
    public static readonly string[] MulticlassTrainers = ["SdcaMaximumEntropy", "LbfgsMaximumEntropy", "LightGbm"];

    /// <summary>The breast-cancer features (30 named float columns, no label): the file a user scores.</summary>
    public static string CancerCsv => SampleDirectory.Path("breast-cancer", "data", "breast_cancer.csv");

    /// <summary>The wine features (13 named float columns).</summary>
    public static string WineCsv => SampleDirectory.Path("tree-ensemble", "data", "wine.csv");

    /// <summary>A binary classifier over the cancer features with a bool <c>Label</c>; returns the model path.</summary>
    public static string TrainBinary(string trainer, TempDirectory dir)
    {
        var ml = new MLContext(seed: 1);
        var (data, features) = Load(ml, CancerCsv, SampleDirectory.Path("breast-cancer", "expected.csv"), dir, DataKind.Boolean, l => l == "1" ? "true" : "false");
        IEstimator<ITransformer> estimator = trainer switch
        {
            "FastTree" => ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 4, numberOfTrees: 5, minimumExampleCountPerLeaf: 5),
            "FastForest" => ml.BinaryClassification.Trainers.FastForest(numberOfLeaves: 4, numberOfTrees: 5, minimumExampleCountPerLeaf: 5),
            "LightGbm" => ml.BinaryClassification.Trainers.LightGbm(numberOfLeaves: 4, numberOfIterations: 5, minimumExampleCountPerLeaf: 5),
            "Sdca" => ml.BinaryClassification.Trainers.SdcaLogisticRegression(maximumNumberOfIterations: 5),
            "Lbfgs" => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(),
            "Gam" => ml.BinaryClassification.Trainers.Gam(numberOfIterations: 5),
            _ => throw new ArgumentException(trainer),
        };
        var pipeline = ml.Transforms.Concatenate("Features", features).Append(ml.Transforms.NormalizeMinMax("Features")).Append(estimator);
        return Save(ml, pipeline.Fit(data), data, dir, $"binary-{trainer}.zip");
    }

    /// <summary>A multiclass classifier over the wine features with a text <c>Label</c> (<c>class_0..class_2</c>), label values mapped back.</summary>
    public static string TrainMulticlass(string trainer, TempDirectory dir)
    {
        var ml = new MLContext(seed: 1);
        var (data, features) = Load(ml, WineCsv, SampleDirectory.Path("tree-ensemble", "expected.csv"), dir, DataKind.String, l => "class_" + l);
        IEstimator<ITransformer> estimator = trainer switch
        {
            "SdcaMaximumEntropy" => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(maximumNumberOfIterations: 5),
            "LbfgsMaximumEntropy" => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(),
            "LightGbm" => ml.MulticlassClassification.Trainers.LightGbm(numberOfLeaves: 4, numberOfIterations: 5, minimumExampleCountPerLeaf: 5),
            _ => throw new ArgumentException(trainer),
        };
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Concatenate("Features", features))
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(estimator)
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        return Save(ml, pipeline.Fit(data), data, dir, $"multiclass-{trainer}.zip");
    }

    /// <summary>What ML.NET itself predicts for <paramref name="csv"/> (features only) with the saved model: column name to per-row values.</summary>
    public static IDataView Reference(string modelPath, string csv)
    {
        var ml = new MLContext(seed: 1);
        var model = ml.Model.Load(modelPath, out var schema);
        var header = File.ReadLines(csv).First().Split(',');
        var columns = schema.Where(c => header.Contains(c.Name)).Select(c => new TextLoader.Column(c.Name, DataKind.Single, Array.IndexOf(header, c.Name))).ToList();
        if (schema.GetColumnOrNull("Label") is { } label)
        {
            // The label is not in the file: an extra empty column, read as missing.
            columns.Add(new TextLoader.Column("Label", label.Type is TextDataViewType ? DataKind.String : DataKind.Boolean, header.Length));
        }

        var data = ml.Data.LoadFromTextFile(csv, [.. columns], separatorChar: ',', hasHeader: true);
        return model.Transform(data);
    }

    private static (IDataView Data, string[] Features) Load(MLContext ml, string csv, string expected, TempDirectory dir, DataKind labelKind, Func<string, string> label)
    {
        var labels = File.ReadLines(expected).Skip(1).Select(l => label(l.Split(',')[2])).ToArray();
        var lines = File.ReadLines(csv).ToArray();
        var training = dir.File(Path.GetFileNameWithoutExtension(csv) + "-train.csv");
        File.WriteAllLines(training, lines.Select((l, i) => i == 0 ? l + ",Label" : l + "," + labels[i - 1]));
        var features = lines[0].Split(',');
        var columns = features.Select((f, i) => new TextLoader.Column(f, DataKind.Single, i)).Append(new TextLoader.Column("Label", labelKind, features.Length)).ToArray();
        return (ml.Data.LoadFromTextFile(training, columns, separatorChar: ',', hasHeader: true), features);
    }

    private static string Save(MLContext ml, ITransformer model, IDataView data, TempDirectory dir, string name)
    {
        var path = dir.File(name);
        ml.Model.Save(model, data.Schema, path);
        return path;
    }

    internal static float Parse(string text) => float.Parse(text, CultureInfo.InvariantCulture);
}
