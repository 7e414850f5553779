using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

using AutoSend.Runtime.Primitives;
using AutoSend.Runtime.Responses;

namespace AutoSend.Runtime.Pipeline;

/// <summary>
/// Runs one call: its activity and log events, its deadline, and the loop of attempts, each sent by the
/// <see cref="AttemptSender"/>; a failed attempt is repeated when the <see cref="RetryPolicy"/> allows it. It is the
/// only <c>async Task</c> of a call (every layer below returns a <see cref="ValueTask"/>), so a call costs one Task.
/// </summary>
internal sealed class CallExecutor(AttemptSender attempts, RetryPolicy retries, ApiTelemetry telemetry, TimeSpan totalTimeout, TimeSpan attemptTimeout)
{
    /// <summary>Sends <paramref name="request"/> (which it disposes) and reads the success body with <paramref name="reader"/>.</summary>
    public async Task<TResult> SendAsync<TResult>(HttpRequestMessage request, ApiOperation operation, ResponseReader<TResult> reader, CancellationToken cancellationToken)
    {
        if ((reader.AcceptOverridesOperation ? reader.Accept : operation.Accept ?? reader.Accept) is { } accept)
        {
            // Without a parsed header object: the value is a constant of the reader or a media type from the document.
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        CallOverrides? overrides = CallOverrides.Of(request);
        int maxRetries = overrides?.MaxRetries ?? retries.MaxRetries;
        long start = Stopwatch.GetTimestamp();
        using Activity? activity = telemetry.Start(operation, request.RequestUri);
        using var call = new CallDeadline(operation, cancellationToken, start, totalTimeout, overrides?.Timeout ?? attemptTimeout);
        bool repeatable = RetryPolicy.CanRetry(request, maxRetries);
        bool idempotent = RetryPolicy.IsIdempotent(operation, request);

        // The first attempt sends the request itself; a retry sends a message made from this snapshot.
        RequestSnapshot snapshot = repeatable ? new RequestSnapshot(request) : default;
        int attempt = 0;
        try
        {
            while (true)
            {
                attempt++;
                TimeSpan delay;
                HttpRequestMessage message = attempt == 1 ? request : snapshot.CreateMessage(request.Content);
                try
                {
                    (TResult result, HttpStatusCode status) = await attempts.SendAsync(message, call, reader, attempt).ConfigureAwait(false);
                    telemetry.Succeeded(activity, operation, attempt, status, start);
                    return result;
                }
                catch (ApiException failure) when (repeatable && retries.ShouldRetry(failure, idempotent, start, attempt, maxRetries, out delay))
                {
                    telemetry.Retrying(activity, operation, attempt, failure, delay, start);
                }
                finally
                {
                    if (!ReferenceEquals(message, request))
                    {
                        // The content belongs to the original request and serves the next attempt too.
                        message.Content = null;
                        message.Dispose();
                    }
                }

                try
                {
                    await Task.Delay(delay, call.DeadlineToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException canceled)
                {
                    Exception mapped = call.MapCancellation(canceled, null, 0, null, attempt);
                    if (ReferenceEquals(mapped, canceled))
                    {
                        throw;
                    }

                    throw mapped;
                }
            }
        }
        catch (Exception failure)
        {
            telemetry.Failed(activity, operation, attempt, failure, failure is OperationCanceledException && cancellationToken.IsCancellationRequested, start);
            throw;
        }
        finally
        {
            request.Dispose();
        }
    }
}
