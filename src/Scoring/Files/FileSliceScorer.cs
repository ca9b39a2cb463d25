using System.Globalization;
using System.Text;
using OrleansBatch.Scoring.Models;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace OrleansBatch.Scoring.Files;

/// <summary>
/// Scores whole files, one output row per file: images (<c>.png</c>, <c>.jpg</c>, <c>.jpeg</c>, <c>.bmp</c>,
/// <c>.gif</c>, <c>.webp</c>, decoded by SkiaSharp, colour brought to the model's channel count, laid out as the
/// input's shape says (NCHW or NHWC), optionally resized and normalised by <see cref="ImageSettings"/>),
/// <c>.npy</c>, and <c>.csv</c> read as a flat list of numbers. Each file must hold exactly the values of one item of the model's single input (its shape without
/// the dynamic batch dimension); files are batched into one Run, up to <c>BatchFiles</c> at a time.
/// </summary>
internal sealed class FileSliceScorer(OnnxPipeline pipeline, OutputLayout layout, OnnxScoringOptions options, ImageSettings image)
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
        var imageLayout = ImageLayout.Of(ItemShape(pipeline.Inputs[0]));
        var runner = new BatchRunner(pipeline, layout, [tensor]);
        long scored = 0;
        for (var i = 0; i < files.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = files[i];
            if (TryLoad(file, tensor, imageLayout, runner.Count, out var code, out var message))
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
        var item = ItemShape(input).Select(d => d < 0 ? 1 : d).ToArray();
        return new InputTensor(input, item, batched, capacity);
    }

    /// <summary>The input's shape without a dynamic batch dimension (other dynamic dimensions stay -1).</summary>
    private static long[] ItemShape(OnnxValueInfo input)
    {
        var shape = input.Type.Shape;
        return shape.Length > 0 && shape[0] < 0 ? shape[1..] : shape;
    }

    private bool TryLoad(InputSlice file, InputTensor tensor, ImageLayout? imageLayout, int slot, out string? code, out string? message)
    {
        code = null;
        message = null;
        try
        {
            var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
            if (ImageDecoder.Extensions.Contains(extension))
            {
                return TryLoadImage(file.Path, tensor, imageLayout, slot, out code, out message);
            }

            switch (extension)
            {
                case ".npy":
                    return TryLoadArray(NpyReader.ReadFile(file.Path), tensor, slot, out code, out message);
                case ".csv":
                    return TryLoadNumbers(file.Path, tensor, slot, out code, out message);
                default:
                    code = ItemErrorCodes.UnreadableFile;
                    message = $"Unsupported file type '{extension}'; file inputs are images (.png, .jpg, .jpeg, .bmp, .gif, .webp), .npy arrays or .csv (a flat list of numbers).";
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

    private bool TryLoadImage(string path, InputTensor tensor, ImageLayout? modelLayout, int slot, out string? code, out string? message)
    {
        var decoded = ImageDecoder.DecodeFile(path, image.Resize && modelLayout is not null ? (modelLayout.Width, modelLayout.Height) : null);
        var layout = modelLayout ?? ImageLayout.Flat(tensor.Width, decoded);
        if (layout is null)
        {
            return Mismatch($"image is {decoded.Height}x{decoded.Width} pixels, which fills no channel count (1, 3 or 4) of the input", tensor, out code, out message);
        }

        if (decoded.Width != layout.Width || decoded.Height != layout.Height)
        {
            (code, message) = (InvalidImageException.SizeMismatch,
                $"The image is {decoded.Width}x{decoded.Height} (width x height); model input '{tensor.Info.Name}' takes {layout.Width}x{layout.Height}. " +
                "Set the deployment's settings.image.resize to true to resize images to the model's size.");
            return false;
        }

        var pixels = ImageChannels.Convert(decoded, layout.Channels);
        if (tensor.ElementType == TensorElementType.UInt8)
        {
            if (!image.IsIdentity)
            {
                (code, message) = (ItemErrorCodes.InvalidValue,
                    $"Model input '{tensor.Info.Name}' takes uint8 pixels, so settings.image scale, mean and std cannot apply; remove them from the deployment.");
                return false;
            }

            var ordered = new byte[pixels.Length];
            Arrange(layout, (index, c, p) => ordered[index] = p, pixels);
            tensor.SetBytes(slot, ordered);
            (code, message) = (null, null);
            return true;
        }

        var values = new float[tensor.Width];
        Arrange(layout, (index, c, p) => values[index] = ((p * image.Scale) - Channel(image.Mean, c, 0f)) / Channel(image.Std, c, 1f), pixels);
        return Set(tensor, slot, values, out code, out message);
    }

    /// <summary>Calls <paramref name="write"/> with each sample's index in the model's layout, its channel and its value (from height x width x channels bytes).</summary>
    private static void Arrange(ImageLayout layout, Action<int, int, byte> write, byte[] pixels)
    {
        for (int y = 0, source = 0; y < layout.Height; y++)
        {
            for (var x = 0; x < layout.Width; x++)
            {
                for (var c = 0; c < layout.Channels; c++, source++)
                {
                    write(layout.IndexOf(y, x, c), c, pixels[source]);
                }
            }
        }
    }

    private static float Channel(IReadOnlyList<float>? values, int channel, float none) =>
        values is null ? none : values.Count == 1 ? values[0] : values[channel];

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
