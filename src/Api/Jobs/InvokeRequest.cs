namespace OrleansBatch.Api.Jobs;

/// <summary>
/// The body of <c>POST /v1/endpoints/{endpoint}/jobs</c> in this API's form, as the OpenAPI document shows it
/// (<see cref="InvokeBodyReader"/> reads it, and Azure ML's <c>properties.InputData</c> form as well).
/// </summary>
/// <param name="DeploymentName">The deployment to run (else the endpoint's default; also the <c>azureml-model-deployment</c> header).</param>
/// <param name="Input">The input of a model deployment.</param>
/// <param name="Inputs">Named inputs, instead of <paramref name="Input"/>.</param>
/// <param name="Output">Where to write (default: the job's own folder).</param>
/// <param name="Settings">Per-job overrides of the deployment's settings.</param>
/// <param name="OutputPolicy"><c>fail</c> (default: an existing output is 400 <c>OutputExists</c>) or <c>overwrite</c>.</param>
public sealed record InvokeRequest(
    string? DeploymentName,
    InvokeInputRequest? Input,
    Dictionary<string, InvokeInputRequest>? Inputs,
    InvokeOutputRequest? Output,
    InvokeSettingsRequest? Settings,
    string? OutputPolicy);
