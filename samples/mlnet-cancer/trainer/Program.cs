using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

// Trains the sample ML.NET model: FastTree on the breast-cancer features, labelled with the ONNX sample's
// predictions (samples/breast-cancer/expected.csv, label 1 = benign), and writes its references.
// Usage: dotnet run --project samples/mlnet-cancer/trainer -- <repository root>
var root = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
var features = Path.Combine(root, "samples", "breast-cancer", "data", "breast_cancer.csv");
var labels = File.ReadLines(Path.Combine(root, "samples", "breast-cancer", "expected.csv")).Skip(1).Select(l => l.Split(',')[2] == "1" ? "true" : "false").ToArray();
var output = Path.Combine(root, "samples", "mlnet-cancer");

var lines = File.ReadAllLines(features);
var names = lines[0].Split(',');
var training = Path.Combine(Path.GetTempPath(), $"mlnet-cancer-{Environment.ProcessId}.csv");
File.WriteAllLines(training, lines.Select((l, i) => i == 0 ? l + ",Label" : l + "," + labels[i - 1]));
try
{
    var ml = new MLContext(seed: 0);
    var columns = names.Select((n, i) => new TextLoader.Column(n, DataKind.Single, i)).Append(new TextLoader.Column("Label", DataKind.Boolean, names.Length)).ToArray();
    var data = ml.Data.LoadFromTextFile(training, columns, separatorChar: ',', hasHeader: true);
    var pipeline = ml.Transforms.Concatenate("Features", names)
        .Append(ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 8, numberOfTrees: 20, minimumExampleCountPerLeaf: 10));
    var model = pipeline.Fit(data);
    ml.Model.Save(model, data.Schema, Path.Combine(output, "model.zip"));

    // References: what ML.NET itself predicts for the feature file (no label column), in the scorer's output format.
    var scored = model.Transform(data);
    var predicted = scored.GetColumn<bool>("PredictedLabel").ToArray();
    var score = scored.GetColumn<float>("Score").ToArray();
    var probability = scored.GetColumn<float>("Probability").ToArray();
    var inv = CultureInfo.InvariantCulture;
    File.WriteAllLines(Path.Combine(output, "expected.csv"),
        Enumerable.Range(0, predicted.Length)
            .Select(i => $"breast_cancer.csv,{i},{(predicted[i] ? "true" : "false")},{score[i].ToString(inv)},{probability[i].ToString(inv)}")
            .Prepend("file_name,row,PredictedLabel,Score,Probability"));
    Console.WriteLine($"wrote {output}/model.zip and expected.csv ({predicted.Length} rows)");
}
finally
{
    File.Delete(training);
}
