using Microsoft.ML.OnnxRuntime.Tensors;

namespace OrleansBatch.Scoring.Models;

/// <summary>
/// How one model output becomes output columns: a tensor of <see cref="Width"/> values per row
/// ([N] or [N,1]: one column named as the output; [N,K]: <c>name_0..name_{K-1}</c>), or a sequence of maps
/// (ZipMap) with one column <c>name_key</c> per key, in the maps' key order.
/// </summary>
internal sealed record OutputSpec(string Name, bool IsMapSequence, TensorElementType ElementType, int Width, string[] Columns);
