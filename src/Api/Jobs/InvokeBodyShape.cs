using OrleansBatch.Api.Http;

namespace OrleansBatch.Api.Jobs;

/// <summary>
/// The keys an invoke body may hold: this API's (<c>input</c>, <c>inputs</c>, <c>output</c>, <c>settings</c>, ...) or
/// Azure ML's <c>properties</c> (the data-plane <c>BatchJob</c>: every key of its schema is accepted, PascalCase or
/// camelCase). Anything else is a 400 naming the field.
/// </summary>
internal static class InvokeBodyShape
{
    private static readonly BodyShape Input = BodyShape.Object("type", "path", "mode", "description");

    private static readonly BodyShape Settings = BodyShape.Object(
        ("mini_batch_size", null), ("instance_count", null), ("max_concurrency_per_instance", null),
        ("retry_settings", BodyShape.Object("max_retries", "timeout")), ("error_threshold", null), ("logging_level", null),
        ("output_action", null), ("output_file_name", null), ("output_format", null), ("input_columns", null), ("passthrough_columns", null));

    private static readonly BodyShape AzureInput = BodyShape.Object("JobInputType", "Uri", "Mode", "Description", "Value");

    private static readonly BodyShape AzureOutput = BodyShape.Object("JobOutputType", "Uri", "Mode", "Description");

    private static readonly BodyShape AzureProperties = BodyShape.Object(
        ("InputData", BodyShape.Map(AzureInput)), ("OutputData", BodyShape.Map(AzureOutput)),
        ("compute", null), ("dataset", null), ("description", null), ("errorThreshold", null), ("loggingLevel", null),
        ("maxConcurrencyPerInstance", null), ("miniBatchSize", null), ("name", null), ("outputDataset", null),
        ("outputFileName", null), ("partitionKeys", null), ("properties", null), ("retrySettings", null), ("tags", null),
        ("environmentVariables", null));

    /// <summary>This API's body.</summary>
    public static readonly BodyShape ThisApi = BodyShape.Object(
        ("deployment_name", null), ("input", Input), ("inputs", BodyShape.Map(Input)),
        ("output", BodyShape.Object("path", "file_name", "type", "mode")), ("settings", Settings), ("output_policy", null));

    /// <summary>Azure ML's body (<c>properties</c>), with this API's <c>deployment_name</c>, <c>settings</c> and <c>output_policy</c> beside it.</summary>
    public static readonly BodyShape AzureMl = BodyShape.Object(
        ("properties", AzureProperties), ("deployment_name", null), ("settings", Settings), ("output_policy", null));
}
