namespace OrleansBatch.Cli.Output;

/// <summary>The <c>-o</c> formats, as in <c>az</c>: <c>json</c> (default; <c>jsonc</c> is the same here), <c>table</c>, <c>tsv</c>, <c>none</c>.</summary>
internal enum OutputFormat { Json, Table, Tsv, None }
