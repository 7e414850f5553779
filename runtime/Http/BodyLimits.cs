namespace AutoSend.Runtime.Http;

/// <summary>How much of a response body a connection reads, from <see cref="ApiClientOptions"/>.</summary>
/// <param name="MaxResponseBodyBytes">The largest success body read (<see cref="ApiClientOptions.MaxResponseBodyBytes"/>).</param>
/// <param name="MaxErrorBodyBytes">
/// The largest error body read (<see cref="ApiClientOptions.MaxErrorBodyBytes"/>); also the size up to which a success
/// body of known length is read whole before it is deserialized, so that an error can quote all of it.
/// </param>
internal sealed record BodyLimits(long MaxResponseBodyBytes, int MaxErrorBodyBytes)
{
    /// <summary>How much of the start of a body that was not read whole an exception quotes (at most).</summary>
    public const int ExcerptBytes = 4096;
}
