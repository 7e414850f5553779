using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;

using AutoSend.Runtime.Errors;
using AutoSend.Runtime.Primitives;

namespace AutoSend.Runtime;

/// <summary>The severity of an <see cref="ApiLogEntry"/>; the values are those of <c>Microsoft.Extensions.Logging.LogLevel</c>.</summary>
public enum ApiLogLevel
{
    /// <summary>Step-by-step detail.</summary>
    Trace = 0,

    /// <summary>A call completed, or was canceled by the caller.</summary>
    Debug = 1,

    /// <summary>Worth knowing in normal operation.</summary>
    Information = 2,

    /// <summary>A retry, or a call that ended with an exception.</summary>
    Warning = 3,

    /// <summary>Not used by the runtime today; kept for the mapping to <c>LogLevel</c>.</summary>
    Error = 4,
}

/// <summary>
/// One log event of an API client, passed to <see cref="ApiClientOptions.Log"/>. It holds the operation, attempt,
/// status and timings, never credentials, headers or the URL's query; <see cref="Message"/> is built only when read.
/// </summary>
public sealed class ApiLogEntry
{
    /// <summary>Event id of <see cref="RequestSucceededName"/>.</summary>
    public const int RequestSucceededId = 1;

    /// <summary>Event id of <see cref="RetryScheduledName"/>.</summary>
    public const int RetryScheduledId = 2;

    /// <summary>Event id of <see cref="RequestFailedName"/>.</summary>
    public const int RequestFailedId = 3;

    /// <summary>Event id of <see cref="RequestCanceledName"/>.</summary>
    public const int RequestCanceledId = 4;

    /// <summary>A call returned a success status (Debug).</summary>
    public const string RequestSucceededName = "RequestSucceeded";

    /// <summary>An attempt failed and another will follow after <see cref="RetryDelay"/> (Warning).</summary>
    public const string RetryScheduledName = "RetryScheduled";

    /// <summary>A call ended with an exception; <see cref="Exception"/> holds it (Warning).</summary>
    public const string RequestFailedName = "RequestFailed";

    /// <summary>The caller canceled a call (Debug).</summary>
    public const string RequestCanceledName = "RequestCanceled";

    private string? _message;

    internal ApiLogEntry(ApiLogLevel level, int eventId, string eventName, string clientName, ApiOperation operation, int attempt,
        HttpStatusCode? statusCode, TimeSpan elapsed, TimeSpan? retryDelay, Exception? exception)
    {
        Level = level;
        EventId = eventId;
        EventName = eventName;
        ClientName = clientName;
        OperationId = operation.OperationId;
        Method = operation.Method;
        Route = operation.Route;
        Attempt = attempt;
        StatusCode = statusCode;
        Elapsed = elapsed;
        RetryDelay = retryDelay;
        Exception = exception;
    }

    /// <summary>The severity.</summary>
    public ApiLogLevel Level { get; }

    /// <summary>The event id: one of the <c>…Id</c> constants of this class.</summary>
    public int EventId { get; }

    /// <summary>The event name: one of the <c>…Name</c> constants of this class.</summary>
    public string EventName { get; }

    /// <summary>The client's name, as used for its <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public string ClientName { get; }

    /// <summary>The OpenAPI operation id.</summary>
    public string OperationId { get; }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The route template (no parameter values).</summary>
    public string Route { get; }

    /// <summary>The attempt the event is about, from 1.</summary>
    public int Attempt { get; }

    /// <summary>The status of the attempt's response, if one was received.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The time since the call started.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>For a retry, how long the client waits before the next attempt.</summary>
    public TimeSpan? RetryDelay { get; }

    /// <summary>The failure, if the event is about one; it never contains credentials.</summary>
    public Exception? Exception { get; }

    /// <summary>A one-line description, e.g. <c>resumeCampaign (POST campaigns/{campaignId}/resume) attempt 1 failed with HTTP 429; retrying in 1.2 s.</c></summary>
    public string Message => _message ??= BuildMessage();

    /// <summary>Returns <see cref="Message"/>.</summary>
    public override string ToString() => Message;

    private string BuildMessage()
    {
        var text = new StringBuilder();
        text.Append(OperationId).Append(" (").Append(Method.Method).Append(' ').Append(Route).Append(") ");
        string outcome = StatusCode is { } status
            ? "HTTP " + ((int)status).ToString(CultureInfo.InvariantCulture)
            : Exception?.GetType().Name ?? "no response";
        switch (EventId)
        {
            case RequestSucceededId:
                text.Append("returned ").Append(outcome);
                break;
            case RetryScheduledId:
                text.Append("attempt ").Append(Attempt.ToString(CultureInfo.InvariantCulture)).Append(" failed with ").Append(outcome)
                    .Append("; retrying in ").Append(ErrorMessages.Duration(RetryDelay ?? TimeSpan.Zero));
                break;
            case RequestCanceledId:
                text.Append("was canceled by the caller");
                break;
            default:
                text.Append("failed with ").Append(outcome);
                break;
        }

        if (EventId == RetryScheduledId)
        {
            text.Append(" (").Append(ErrorMessages.Duration(Elapsed)).Append(" into the call).");
        }
        else
        {
            text.Append(" after ").Append(Attempt.ToString(CultureInfo.InvariantCulture)).Append(Attempt == 1 ? " attempt" : " attempts")
                .Append(" in ").Append(ErrorMessages.Duration(Elapsed)).Append('.');
        }
        if (Exception is not null && EventId != RequestCanceledId)
        {
            text.Append(' ').Append(ErrorMessages.Sanitize(Exception.Message, 500));
        }

        return text.ToString();
    }
}
