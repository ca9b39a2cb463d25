namespace OrleansBatch.Abstractions;

/// <summary>
/// Marks a grain interface that only the platform's own processes call (silos, and a gateway in client mode): the job
/// grain's record and dispatch, the mini-batch grain. Their messages are trusted (a mini-batch names the files to read),
/// so the silos refuse such a call from any other Orleans client, whatever tenant it names; other .NET services reach
/// jobs through <c>IJobsGrain</c>, which checks every request as REST does.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class SiloInternalAttribute : Attribute;
