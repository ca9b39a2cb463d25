namespace OrleansBatch.Abstractions;

/// <summary>A call into a <see cref="SiloInternalAttribute">silo-internal</see> grain came from outside the platform's own processes; the silo refused it.</summary>
[GenerateSerializer, Alias("obatch.InternalGrainCallException")]
public sealed class InternalGrainCallException(string message) : Exception(message);
