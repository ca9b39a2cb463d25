namespace OrleansBatch.Scoring;

/// <summary>
/// A piece of input to score: a whole file (<see cref="Length"/> -1), or a byte range of a tabular file.
/// A range owns the lines that start inside it: unless <see cref="Offset"/> is 0 it skips the partial
/// line it starts in, and it reads past its end to finish the last line it started. So consecutive
/// ranges cover every line exactly once without any pre-scan of the file.
/// </summary>
/// <param name="Path">Where to read the file (local path).</param>
/// <param name="FileName">The input's identity in the output (file name relative to the input folder).</param>
/// <param name="Offset">First byte of the range (0 for a whole file).</param>
/// <param name="Length">Bytes in the range, or -1 for the whole file.</param>
public sealed record InputSlice(string Path, string FileName, long Offset = 0, long Length = -1);
