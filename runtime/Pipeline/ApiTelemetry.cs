using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;

using AutoSend.Runtime.Primitives;

namespace AutoSend.Runtime.Pipeline;

/// <summary>
/// The client's <see cref="Activity"/> per operation and the calls of <see cref="ApiClientOptions.Log"/>. Tags hold
/// the operation, the method, the route template, the server's host and port, the status and the attempt count:
/// never credentials, headers, path parameter values or the query.
/// </summary>
internal sealed class ApiTelemetry
{
    public const string OperationIdTag = "api.operation.id";
    public const string AttemptCountTag = "api.attempt.count";
    public const string MethodTag = "http.request.method";
    public const string RouteTag = "url.template";
    public const string StatusCodeTag = "http.response.status_code";
    public const string ResendCountTag = "http.request.resend_count";
    public const string ServerAddressTag = "server.address";
    public const string ServerPortTag = "server.port";
    public const string ErrorTypeTag = "error.type";
    public const string RetryEventName = "retry";

    // One source per name for the life of the process: ActivitySource instances register globally.
    private static readonly ConcurrentDictionary<string, ActivitySource> s_sources = new(StringComparer.Ordinal);

    private readonly ActivitySource _source;
    private readonly Action<ApiLogEntry>? _log;

    public ApiTelemetry(string clientName, Action<ApiLogEntry>? log)
    {
        ClientName = clientName;
        _source = s_sources.GetOrAdd(clientName, static name => new ActivitySource(name));
        _log = log;
    }

    public string ClientName { get; }

    public Activity? Start(ApiOperation operation, Uri? requestUri)
    {
        if (!_source.HasListeners())
        {
            return null;
        }

        Activity? activity = _source.StartActivity(operation.OperationId, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(OperationIdTag, operation.OperationId);
            activity.SetTag(MethodTag, operation.Method.Method);
            activity.SetTag(RouteTag, operation.Route);
            if (requestUri is { IsAbsoluteUri: true })
            {
                activity.SetTag(ServerAddressTag, requestUri.Host);
                activity.SetTag(ServerPortTag, requestUri.Port);
            }
        }

        return activity;
    }

    public void Retrying(Activity? activity, ApiOperation operation, int attempt, ApiException failure, TimeSpan delay, long startTimestamp)
    {
        activity?.AddEvent(new ActivityEvent(RetryEventName, tags: new ActivityTagsCollection
        {
            ["api.attempt"] = attempt,
            [ErrorTypeTag] = ErrorType(failure),
            ["api.retry.delay_ms"] = (long)delay.TotalMilliseconds,
        }));
        Log(ApiLogLevel.Warning, ApiLogEntry.RetryScheduledId, ApiLogEntry.RetryScheduledName, operation, attempt, Status(failure), startTimestamp, delay, failure);
    }

    public void Succeeded(Activity? activity, ApiOperation operation, int attempt, HttpStatusCode status, long startTimestamp)
    {
        if (activity is not null)
        {
            Complete(activity, attempt, status);
        }

        Log(ApiLogLevel.Debug, ApiLogEntry.RequestSucceededId, ApiLogEntry.RequestSucceededName, operation, attempt, status, startTimestamp, null, null);
    }

    public void Failed(Activity? activity, ApiOperation operation, int attempt, Exception failure, bool canceledByCaller, long startTimestamp)
    {
        HttpStatusCode? status = failure is ApiException api ? Status(api) : null;
        if (activity is not null)
        {
            Complete(activity, attempt, status);
            activity.SetTag(ErrorTypeTag, canceledByCaller ? typeof(OperationCanceledException).FullName : failure is ApiException e ? ErrorType(e) : failure.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error, canceledByCaller ? "Canceled by the caller." : failure.Message);
        }

        if (canceledByCaller)
        {
            Log(ApiLogLevel.Debug, ApiLogEntry.RequestCanceledId, ApiLogEntry.RequestCanceledName, operation, attempt, status, startTimestamp, null, failure);
        }
        else
        {
            Log(ApiLogLevel.Warning, ApiLogEntry.RequestFailedId, ApiLogEntry.RequestFailedName, operation, attempt, status, startTimestamp, null, failure);
        }
    }

    private static void Complete(Activity activity, int attempt, HttpStatusCode? status)
    {
        if (status is not null)
        {
            activity.SetTag(StatusCodeTag, (int)status.Value);
        }

        activity.SetTag(AttemptCountTag, attempt);
        if (attempt > 1)
        {
            activity.SetTag(ResendCountTag, attempt - 1);
        }
    }

    // Low-cardinality, as OpenTelemetry asks: the status code for HTTP errors, "timeout", or the exception type.
    private static string ErrorType(ApiException failure) => failure switch
    {
        ApiTimeoutException => "timeout",
        ApiConnectionException => typeof(ApiConnectionException).FullName!,
        _ when (int)failure.StatusCode >= 400 => ((int)failure.StatusCode).ToString(CultureInfo.InvariantCulture),
        _ => failure.GetType().FullName!,
    };

    private static HttpStatusCode? Status(ApiException failure) => failure.StatusCode == 0 ? null : failure.StatusCode;

    private void Log(ApiLogLevel level, int eventId, string eventName, ApiOperation operation, int attempt, HttpStatusCode? status, long startTimestamp,
        TimeSpan? delay, Exception? exception)
    {
        if (_log is null)
        {
            return;
        }

        try
        {
            _log(new ApiLogEntry(level, eventId, eventName, ClientName, operation, attempt, status, Stopwatch.GetElapsedTime(startTimestamp), delay, exception));
        }
#pragma warning disable CA1031 // A failing log callback must not fail the API call.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
