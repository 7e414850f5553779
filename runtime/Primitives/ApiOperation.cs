using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;

using AutoSend.Runtime;

namespace AutoSend.Runtime.Primitives;

/// <summary>
/// What the generated code declares about one operation: its name for messages, its route and the error bodies the
/// document declares per status. One instance per operation lives in a static field of the generated client.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public class ApiOperation
{
    private readonly List<KeyValuePair<string, ApiErrorType>> _errors = [];
    private string[] _retryAfterBodyPointers = [];
    private bool _markedIdempotent;

    /// <summary>Describes an operation.</summary>
    /// <param name="operationId">The OpenAPI operation id, e.g. <c>resumeCampaign</c>.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="route">The path template relative to the base address, e.g. <c>campaigns/{campaignId}/resume</c>.</param>
    public ApiOperation(string operationId, HttpMethod method, string route)
    {
        ArgumentNullException.ThrowIfNull(operationId);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(route);
        OperationId = operationId;
        Method = method;
        Route = route;
    }

    /// <summary>The OpenAPI operation id.</summary>
    public string OperationId { get; }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path template relative to the base address; it holds no parameter values.</summary>
    public string Route { get; }

    /// <summary>
    /// Whether the operation may be sent again after a failure whose outcome is unknown (a 502, 503 or 504, a timeout,
    /// a connection lost after sending): true for GET, HEAD, PUT, DELETE, OPTIONS and TRACE, and for operations marked
    /// with <see cref="AsIdempotent"/>. A request that carries an <c>Idempotency-Key</c> header is treated as
    /// idempotent too, whatever this says.
    /// </summary>
    public bool IsIdempotent => _markedIdempotent || IsIdempotentMethod(Method);

    /// <summary>
    /// The JSON pointers (RFC 6901) into an error body where the server says how long to wait before retrying, in the
    /// order they are tried; empty when the document declares none. See <see cref="WithRetryAfterBody"/>.
    /// </summary>
    public IReadOnlyList<string> RetryAfterBodyPointers => _retryAfterBodyPointers;

    /// <summary>Whether the client's credentials are sent; false for operations that declare <c>security: []</c>.</summary>
    public bool IsAuthenticated { get; private set; } = true;

    /// <summary>Sends the operation without the client's credentials (it declares <c>security: []</c>).</summary>
    /// <returns>This instance, for chaining.</returns>
    public ApiOperation WithoutAuthentication()
    {
        IsAuthenticated = false;
        return this;
    }

    /// <summary>
    /// Marks the operation as safe to repeat although its method is not idempotent, for example a POST that the
    /// server deduplicates. Only mark operations that are idempotent whatever the caller passes; a request with an
    /// <c>Idempotency-Key</c> header is recognised on its own.
    /// </summary>
    /// <returns>This instance, for chaining.</returns>
    public ApiOperation AsIdempotent()
    {
        _markedIdempotent = true;
        return this;
    }

    /// <summary>
    /// Declares where an error body (429 or 503) says how long to wait before retrying, for APIs that put it in the
    /// body rather than in a <c>Retry-After</c> header. The value found is a number of seconds (a JSON number or a
    /// numeric string); a value above 1,000,000,000 is read as a Unix time in seconds, and a date string as a time.
    /// The first pointer that yields a value wins; the <c>Retry-After</c> and <c>X-RateLimit-Reset</c> headers take
    /// precedence over the body.
    /// </summary>
    /// <param name="jsonPointers">JSON pointers such as <c>/error/retryAfter</c>.</param>
    /// <returns>This instance, for chaining.</returns>
    public ApiOperation WithRetryAfterBody(params string[] jsonPointers)
    {
        ArgumentNullException.ThrowIfNull(jsonPointers);
        foreach (string pointer in jsonPointers)
        {
            if (pointer is null || (pointer.Length > 0 && pointer[0] != '/'))
            {
                throw new ArgumentException($"'{pointer}' is not a JSON pointer: it must be empty or start with '/'.", nameof(jsonPointers));
            }
        }

        _retryAfterBodyPointers = [.. _retryAfterBodyPointers, .. jsonPointers];
        return this;
    }

    /// <summary>
    /// Declares the JSON body of an error response.
    /// </summary>
    /// <param name="status">A status code (<c>"404"</c>), a range (<c>"4XX"</c>) or <c>"default"</c>.</param>
    /// <param name="typeInfo">The metadata of the error body type.</param>
    /// <returns>This instance, for chaining.</returns>
    public ApiOperation WithError<TError>(string status, JsonTypeInfo<TError> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(typeInfo);
        _errors.Add(new(status, new ApiErrorType<TError>(typeInfo)));
        return this;
    }

    /// <summary>Finds the declared error body for a status: an exact code first, then its range, then <c>default</c>.</summary>
    internal ApiErrorType? FindError(int statusCode)
    {
        string code = statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ApiErrorType? range = null, fallback = null;
        foreach (KeyValuePair<string, ApiErrorType> entry in _errors)
        {
            if (entry.Key == code)
            {
                return entry.Value;
            }

            if (entry.Key.Length == 3 && entry.Key[0] == code[0] && (entry.Key[1] is 'X' or 'x') && (entry.Key[2] is 'X' or 'x'))
            {
                range ??= entry.Value;
            }
            else if (string.Equals(entry.Key, "default", StringComparison.OrdinalIgnoreCase))
            {
                fallback ??= entry.Value;
            }
        }

        return range ?? fallback;
    }

    private static bool IsIdempotentMethod(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete
        || method == HttpMethod.Options || method == HttpMethod.Trace;

    /// <summary>Names the operation for logs and debuggers.</summary>
    public override string ToString() => $"{OperationId} ({Method} {Route})";
}

/// <summary>An operation whose success response has a JSON body of type <typeparamref name="TResult"/>.</summary>
/// <typeparam name="TResult">The success body type.</typeparam>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ApiOperation<TResult> : ApiOperation
{
    /// <summary>Describes an operation that returns a JSON body.</summary>
    /// <param name="operationId">The OpenAPI operation id.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="route">The path template relative to the base address.</param>
    /// <param name="resultType">The metadata of the success body type.</param>
    public ApiOperation(string operationId, HttpMethod method, string route, JsonTypeInfo<TResult> resultType)
        : base(operationId, method, route)
    {
        ArgumentNullException.ThrowIfNull(resultType);
        ResultType = resultType;
        Reader = new JsonResponseReader<TResult>(resultType);
    }

    /// <summary>The metadata of the success body type.</summary>
    public JsonTypeInfo<TResult> ResultType { get; }

    internal ResponseReader<TResult> Reader { get; }

    /// <inheritdoc cref="ApiOperation.WithError{TError}(string, JsonTypeInfo{TError})"/>
    public new ApiOperation<TResult> WithError<TError>(string status, JsonTypeInfo<TError> typeInfo)
    {
        base.WithError(status, typeInfo);
        return this;
    }

    /// <inheritdoc cref="ApiOperation.AsIdempotent"/>
    public new ApiOperation<TResult> AsIdempotent()
    {
        base.AsIdempotent();
        return this;
    }

    /// <inheritdoc cref="ApiOperation.WithRetryAfterBody(string[])"/>
    public new ApiOperation<TResult> WithRetryAfterBody(params string[] jsonPointers)
    {
        base.WithRetryAfterBody(jsonPointers);
        return this;
    }

    /// <inheritdoc cref="ApiOperation.WithoutAuthentication"/>
    public new ApiOperation<TResult> WithoutAuthentication()
    {
        base.WithoutAuthentication();
        return this;
    }
}
