using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

using AutoSend.Runtime.Errors;
using AutoSend.Runtime.Http;
using AutoSend.Runtime.Primitives;

namespace AutoSend.Runtime.Responses;

/// <summary>
/// One kind of success response: what the call asks for in <c>Accept</c> and how the body becomes the call's result.
/// A new response kind is a new subclass; the pipeline sends, retries and times every kind the same way.
/// </summary>
/// <typeparam name="TResult">The call's result.</typeparam>
internal abstract class ResponseReader<TResult>
{
    /// <summary>The <c>Accept</c> header the call sends, or null to send none.</summary>
    public abstract string? Accept { get; }

    /// <summary>
    /// Whether <see cref="Accept"/> wins over the media types the operation declares (<see cref="ApiOperation.Accept"/>):
    /// true for a call that names the media type it wants (a file variant), false for a reader's default.
    /// </summary>
    public virtual bool AcceptOverridesOperation => false;

    /// <summary>Whether the result keeps the response open (a streamed file), so the attempt must not dispose it.</summary>
    public virtual bool OwnsResponse => false;

    /// <summary>Reads a success response (2xx); failures are thrown as <see cref="ApiException"/>s built by <see cref="ResponseContext.Errors"/>.</summary>
    /// <param name="response">The response, whose headers have arrived and whose body is unread.</param>
    /// <param name="context">The operation, the attempt and the body limits.</param>
    /// <param name="cancellationToken">The attempt's token: its timeout, the call's deadline and the caller's cancellation.</param>
    public abstract ValueTask<TResult> ReadAsync(HttpResponseMessage response, ResponseContext context, CancellationToken cancellationToken);
}

/// <summary>What a reader knows about the attempt whose response it reads.</summary>
/// <param name="Operation">The operation called.</param>
/// <param name="Attempt">The attempt, from 1.</param>
/// <param name="Limits">How much of a body may be read.</param>
/// <param name="Errors">Builds the exceptions for bodies that cannot be used.</param>
internal readonly record struct ResponseContext(ApiOperation Operation, int Attempt, BodyLimits Limits, ErrorFactory Errors);
