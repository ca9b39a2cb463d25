using System.Globalization;
using System.Text;
using OrleansBatch.Scoring.Models;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace OrleansBatch.Scoring.Files;

/// <summary>
/// Scores whole files, one output row per file: <c>.png</c> (pixels 0-255 as float, or as bytes for a uint8
/// input; colour brought to the model's channel count), <c>.npy</c>, and <c>.csv</c> read as a flat list of
/// numbers. Each file must hold exactly the values of one item of the model's single input (its shape without
/// the dynamic batch dimension); files are batched into one Run, up to <c>BatchFiles</c> at a time.
/// </summary>
internal sealed class FileSliceScorer(OnnxPipeline pipeline, OutputLayout layout, OnnxScoringOptions options)
{
    public ScoreResult Score(IReadOnlyList<InputSlice> files, IPredictionSink sink, CancellationToken cancellationToken)
    {
        var errors = new SliceErrors(files.Count == 1 ? files[0].FileName : string.Empty);
        if (pipeline.Inputs.Count != 1)
        {
            foreach (var file in files)
            {
                errors.AddFor(file.FileName, 0, null, null, ItemErrorCodes.ShapeMismatch,
                    $"File inputs need a model with one input; this model has {pipeline.Inputs.Count}: {string.Join(", ", pipeline.Inputs.Select(i => i.Name))}.");
            }

            return new ScoreResult(0, errors.Count, errors.ToList());
        }

        var tensor = CreateTensor(pipeline.Inputs[0], options.BatchFiles);
        var runner = new BatchRunner(pipeline, layout, [tensor]);
        long scored = 0;
        for (var i = 0; i < files.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = files[i];
            if (TryLoad(file, tensor, runner.Count, out var code, out var message))
            {
                runner.Commit(i);
                if (runner.IsFull)
                {
                    scored += runner.Flush(sink, cancellationToken);
                }
            }
            else
            {
                errors.AddFor(file.FileName, 0, null, null, code!, message!);
            }
        }

        scored += runner.Flush(sink, cancellationToken);
        return new ScoreResult(scored, errors.Count, errors.ToList());
    }

    /// <summary>The buffer for file items: the input's shape without a dynamic batch dimension (other dynamic dimensions count as 1).</summary>
    public static InputTensor CreateTensor(OnnxValueInfo input, int capacity)
    {
        var shape = input.Type.Shape;
        var batched = shape.Length > 0 && shape[0] < 0;
        var item = (batched ? shape[1..] : shape).Select(d => d < 0 ? 1 : d).ToArray();
        return new InputTensor(input, item, batched, capacity);
    }

    private static bool TryLoad(InputSlice file, InputTensor tensor, int slot, out string? code, out string? message)
    {
        code = null;
        message = null;
        try
        {
            var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
            switch (extension)
            {
                case ".png":
                    return TryLoadImage(PngDecoder.DecodeFile(file.Path), tensor, slot, out code, out message);
                case ".npy":
                    return TryLoadArray(NpyReader.ReadFile(file.Path), tensor, slot, out code, out message);
                case ".csv":
                    return TryLoadNumbers(file.Path, tensor, slot, out code, out message);
                default:
                    code = ItemErrorCodes.UnreadableFile;
                    message = $"Unsupported file type '{extension}'; file inputs are .png, .npy or .csv (a flat list of numbers).";
                    return false;
            }
        }
        catch (InvalidFileException e)
        {
            (code, message) = (e.Code, e.Message);
        }
        catch (IOException e)
        {
            (code, message) = (ItemErrorCodes.UnreadableFile, $"The file cannot be read: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            (code, message) = (ItemErrorCodes.UnreadableFile, $"The file cannot be read: {e.Message}");
        }

        return false;
    }

    private static bool TryLoadImage(RasterImage image, InputTensor tensor, int slot, out string? code, out string? message)
    {
        var plane = image.Width * image.Height;
        var channels = tensor.Width == plane ? 1 : tensor.Width == plane * 3 ? 3 : tensor.Width == plane * 4 ? 4 : 0;
        if (channels == 0)
        {
            return Mismatch($"image is {image.Height}x{image.Width}x{image.Channels} = {image.SampleCount} values", tensor, out code, out message);
        }

        var pixels = ImageChannels.Convert(image, channels);
        var shape = tensor.ItemShape;
        var channelsLast = channels > 1 && shape.Length >= 3 && shape[^1] == channels && shape[^2] == image.Width && shape[^3] == image.Height;
        if (!channelsLast && channels > 1)
        {
            // Models take images channel-first ([C,H,W]): one plane per channel.
            var planar = new byte[pixels.Length];
            for (var c = 0; c < channels; c++)
            {
                for (var p = 0; p < plane; p++)
                {
                    planar[(c * plane) + p] = pixels[(p * channels) + c];
                }
            }

            pixels = planar;
        }

        tensor.SetBytes(slot, pixels);
        (code, message) = (null, null);
        return true;
    }

    private static bool TryLoadArray(NpyArray array, InputTensor tensor, int slot, out string? code, out string? message)
    {
        if (array.ElementCount != tensor.Width)
        {
            return Mismatch($"array is [{string.Join(",", array.Shape)}] = {array.ElementCount} values", tensor, out code, out message);
        }

        if (tensor.ElementType == TensorElementType.UInt8)
        {
            tensor.SetBytes(slot, array.ToByteArray());
            (code, message) = (null, null);
            return true;
        }

        return Set(tensor, slot, array.ToSingleArray(), out code, out message);
    }

    private static bool TryLoadNumbers(string path, InputTensor tensor, int slot, out string? code, out string? message)
    {
        var values = new List<float>(tensor.Width);
        var first = true;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            var fields = line.Split([',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var numbers = new List<float>(fields.Length);
            var numeric = true;
            foreach (var field in fields)
            {
                if (!float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                {
                    numeric = false;
                    break;
                }

                numbers.Add(v);
            }

            if (!numeric && first)
            {
                first = false;
                continue; // a header line
            }

            if (!numeric)
            {
                (code, message) = (ItemErrorCodes.InvalidValue, $"Line {values.Count} has a value that is not a number; a .csv file input is a flat list of numbers.");
                return false;
            }

            first = false;
            values.AddRange(numbers);
        }

        if (values.Count != tensor.Width)
        {
            return Mismatch($"file has {values.Count} values", tensor, out code, out message);
        }

        return Set(tensor, slot, values.ToArray(), out code, out message);
    }

    private static bool Set(InputTensor tensor, int slot, float[] values, out string? code, out string? message)
    {
        if (tensor.TrySetItem(slot, values, out var reason))
        {
            (code, message) = (null, null);
            return true;
        }

        (code, message) = (ItemErrorCodes.InvalidValue, $"Model input '{tensor.Info.Name}': {reason}.");
        return false;
    }

    private static bool Mismatch(string what, InputTensor tensor, out string? code, out string? message)
    {
        code = ItemErrorCodes.ShapeMismatch;
        message = $"The {what}, model input '{tensor.Info.Name}' expects [{string.Join(",", tensor.ItemShape)}] = {tensor.Width}.";
        return false;
    }
}
