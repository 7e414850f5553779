using System;
using System.Net;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

using AutoSend.Runtime.Errors;
using AutoSend.Runtime.Http;
using AutoSend.Runtime.Primitives;
using AutoSend.Runtime.Responses;

namespace AutoSend.Runtime.Pipeline;

/// <summary>
/// One attempt of a call: waits for the rate limiter, starts the attempt's timer, adds the user agent and credentials,
/// sends with <see cref="HttpCompletionOption.ResponseHeadersRead"/>, and hands a success response to the reader and
/// anything else to the <see cref="ErrorFactory"/>. Every failure leaves as an <see cref="ApiException"/> or the
/// caller's <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class AttemptSender(HttpClient httpClient, string userAgent, ApiSecurity? security,
    Func<CancellationToken, ValueTask<IDisposable?>>? rateLimiter, BodyLimits limits, ErrorFactory errors)
{
    /// <summary>Sends <paramref name="message"/> and reads its response; returns the result and the response status.</summary>
    /// <remarks>
    /// An attempt over the network completes asynchronously, which would box its state machine on every call; the
    /// pooling builder reuses the boxes (the caller awaits the result exactly once, as pooling requires).
    /// </remarks>
#if !NETSTANDARD2_0
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    public async ValueTask<(TResult Result, HttpStatusCode Status)> SendAsync<TResult>(HttpRequestMessage message, CallDeadline call, ResponseReader<TResult> reader, int attempt)
    {
        IDisposable? lease = null;
        CancellationTokenSource? attemptTimeout = null;
        HttpResponseMessage? response = null;
        bool handedOver = false;
        try
        {
            if (rateLimiter is not null)
            {
                lease = await rateLimiter(call.DeadlineToken).ConfigureAwait(false);
            }

            // One timer per attempt: it fires at the attempt's timeout or at the call's deadline, whichever is sooner.
            attemptTimeout = call.StartAttempt();
            CancellationToken token = attemptTimeout?.Token ?? call.CallerToken;

            // The user agent and credentials go on each attempt: a token provider may hand out a fresh token for a retry.
            message.Headers.TryAddWithoutValidation("User-Agent", userAgent);
            if (security is not null)
            {
                await security.ApplyAsync(message, call.Operation, token).ConfigureAwait(false);
            }

            try
            {
                response = await httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            }
            catch (HttpRequestException exception)
            {
                throw ErrorFactory.SendFailed(call.Operation, exception, attempt);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw await errors.FromResponseAsync(response, call.Operation, attempt, token).ConfigureAwait(false);
            }

            HttpStatusCode status = response.StatusCode;
            TResult result = await reader.ReadAsync(response, new ResponseContext(call.Operation, attempt, limits, errors), token).ConfigureAwait(false);
            if (reader.OwnsResponse)
            {
                // The result (a streamed file) disposes the response when the caller is done with it.
                response = null;
                handedOver = true;
            }

            return (result, status);
        }
        catch (OperationCanceledException canceled)
        {
            Exception mapped = call.MapCancellation(canceled, attemptTimeout, response?.StatusCode ?? 0, response is null ? null : ErrorFactory.RequestId(response), attempt,
                httpClient.Timeout);
            if (ReferenceEquals(mapped, canceled))
            {
                throw;
            }

            throw mapped;
        }
        finally
        {
            response?.Dispose();
            call.EndAttempt(attemptTimeout, tokenOutlivesAttempt: handedOver || security?.PassesTokenOn == true);
            lease?.Dispose();
        }
    }
}
