using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;

using AutoSend.Runtime;
using AutoSend.Runtime.Errors;
using AutoSend.Runtime.Responses;

namespace AutoSend.Runtime.Primitives;

/// <summary>
/// What the generated code declares about one operation: its name for messages, its route, the error bodies the
/// document declares per status and how it may be retried. One instance per operation lives in a static field of the
/// generated client, shared by every call, so it is immutable: each <c>With…</c>/<c>As…</c> method returns a new
/// descriptor and leaves its receiver unchanged.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public class ApiOperation
{
    private readonly Traits _traits;

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
        _traits = Traits.Default;
    }

    /// <summary>A copy of <paramref name="source"/> with other traits.</summary>
    private protected ApiOperation(ApiOperation source, Traits traits)
    {
        OperationId = source.OperationId;
        Method = source.Method;
        Route = source.Route;
        _traits = traits;
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
    public bool IsIdempotent => _traits.MarkedIdempotent || IsIdempotentMethod(Method);

    /// <summary>
    /// The JSON pointers (RFC 6901) into an error body where the server says how long to wait before retrying, in the
    /// order they are tried; empty when the document declares none. See <see cref="WithRetryAfterBody"/>.
    /// </summary>
    public IReadOnlyList<string> RetryAfterBodyPointers => _traits.RetryAfterBodyPointers;

    /// <summary>Whether the client's credentials are sent; false for operations that declare <c>security: []</c>.</summary>
    public bool IsAuthenticated => _traits.IsAuthenticated;

    /// <summary>
    /// The <c>Accept</c> header the document's responses call for (e.g. <c>application/vnd.api+json, application/problem+json</c>),
    /// or null to ask for the default of the response kind (<c>application/json</c>, <c>text/plain</c>...).
    /// See <see cref="WithAccept"/>.
    /// </summary>
    public string? Accept => _traits.Accept;

    /// <summary>
    /// Asks for the media types the document declares for the operation's responses, the preferred first, instead of
    /// the response kind's default: a server that negotiates answers 406 to a media type it does not serve. A file
    /// call that names its media type still asks for that one.
    /// </summary>
    /// <param name="accept">The <c>Accept</c> header value.</param>
    /// <returns>A new descriptor; this one is unchanged.</returns>
    public ApiOperation WithAccept(string accept)
    {
        ArgumentException.ThrowIfNullOrEmpty(accept);
        return With(_traits with { Accept = accept });
    }

    /// <summary>
    /// The operation's own security requirement: alternatives, each the scheme names applied together (empty for
    /// anonymous access); null when the document's requirement applies. See <see cref="ApiSecurity"/>.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>>? Security => _traits.Security;

    /// <summary>Declares the operation's own security requirement (its <c>security</c> in the document).</summary>
    /// <param name="alternatives">Each alternative: the names of the schemes applied together; an empty one allows anonymous access.</param>
    /// <returns>A new descriptor; this one is unchanged.</returns>
    public ApiOperation WithSecurity(params string[][] alternatives)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        return With(_traits with { Security = Array.AsReadOnly(Array.ConvertAll(alternatives, a => (IReadOnlyList<string>)Array.AsReadOnly((string[])(a ?? throw new ArgumentException("An alternative is null.", nameof(alternatives))).Clone()))) });
    }

    /// <summary>Sends the operation without the client's credentials (it declares <c>security: []</c>).</summary>
    /// <returns>A new descriptor; this one is unchanged.</returns>
    public ApiOperation WithoutAuthentication() => With(_traits with { IsAuthenticated = false });

    /// <summary>
    /// Marks the operation as safe to repeat although its method is not idempotent, for example a POST that the
    /// server deduplicates. Only mark operations that are idempotent whatever the caller passes; a request with an
    /// <c>Idempotency-Key</c> header is recognised on its own.
    /// </summary>
    /// <returns>A new descriptor; this one is unchanged.</returns>
    public ApiOperation AsIdempotent() => With(_traits with { MarkedIdempotent = true });

    /// <summary>
    /// Declares where an error body (429 or 503) says how long to wait before retrying, for APIs that put it in the
    /// body rather than in a <c>Retry-After</c> header. The value found is a number of seconds (a JSON number or a
    /// numeric string); a value above 1,000,000,000 is read as a Unix time in seconds, and a date string as a time.
    /// The first pointer that yields a value wins; the <c>Retry-After</c> and <c>X-RateLimit-Reset</c> headers take
    /// precedence over the body.
    /// </summary>
    /// <param name="jsonPointers">JSON pointers such as <c>/error/retryAfter</c>.</param>
    /// <returns>A new descriptor that tries these pointers after any declared before; this one is unchanged.</returns>
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

        return With(_traits with { RetryAfterBodyPointers = Array.AsReadOnly<string>([.. _traits.RetryAfterBodyPointers, .. jsonPointers]) });
    }

    /// <summary>Declares the JSON body of an error response.</summary>
    /// <param name="status">A status code (<c>"404"</c>), a range (<c>"4XX"</c>) or <c>"default"</c>.</param>
    /// <param name="typeInfo">The metadata of the error body type.</param>
    /// <returns>A new descriptor; this one is unchanged.</returns>
    public ApiOperation WithError<TError>(string status, JsonTypeInfo<TError> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(typeInfo);
        return With(_traits with { Errors = [.. _traits.Errors, new(status, new ApiErrorType<TError>(() => typeInfo))] });
    }

    /// <summary>
    /// Declares the JSON body of an error response whose metadata is made when an error of that status arrives: a
    /// type whose metadata cannot be built then yields an untyped <see cref="ApiException"/> for this operation
    /// only, instead of failing the static initializer that holds every descriptor of a generated group.
    /// </summary>
    /// <param name="status">A status code (<c>"404"</c>), a range (<c>"4XX"</c>) or <c>"default"</c>.</param>
    /// <param name="typeInfo">Returns the metadata of the error body type.</param>
    /// <returns>A new descriptor; this one is unchanged.</returns>
    public ApiOperation WithError<TError>(string status, Func<JsonTypeInfo<TError>> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(typeInfo);
        return With(_traits with { Errors = [.. _traits.Errors, new(status, new ApiErrorType<TError>(typeInfo))] });
    }

    /// <summary>Names the operation for messages, logs and debuggers: <c>resumeCampaign (POST campaigns/{campaignId}/resume)</c>.</summary>
    public override string ToString() => $"{OperationId} ({Method} {Route})";

    /// <summary>Finds the declared error body for a status: an exact code first, then its range, then <c>default</c>.</summary>
    internal ApiErrorType? FindError(int statusCode)
    {
        string code = statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ApiErrorType? range = null, fallback = null;
        foreach (KeyValuePair<string, ApiErrorType> entry in _traits.Errors)
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

    /// <summary>A descriptor of this operation's own type with <paramref name="traits"/>.</summary>
    private protected virtual ApiOperation With(Traits traits) => new(this, traits);

    private static bool IsIdempotentMethod(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete
        || method == HttpMethod.Options || method == HttpMethod.Trace;

    /// <summary>What the <c>With…</c>/<c>As…</c> methods declare; a new descriptor gets a changed copy.</summary>
    private protected readonly record struct Traits(
        KeyValuePair<string, ApiErrorType>[] Errors, ReadOnlyCollection<string> RetryAfterBodyPointers, bool MarkedIdempotent, bool IsAuthenticated, string? Accept,
        ReadOnlyCollection<IReadOnlyList<string>>? Security)
    {
        public static readonly Traits Default = new([], ReadOnlyCollection<string>.Empty, false, true, null, null);
    }
}

/// <summary>An operation whose success response has a JSON body of type <typeparamref name="TResult"/>.</summary>
/// <typeparam name="TResult">The success body type.</typeparam>
/// <remarks>Its <c>With…</c>/<c>As…</c> methods hide the base ones with this type as their result, so a chain that
/// starts from this type keeps it. They hide rather than override (a covariant return) because netstandard2.0 runtimes
/// (.NET Framework) cannot load covariant returns; the base methods already return a descriptor of this type.</remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ApiOperation<TResult> : ApiOperation
{
    private readonly Func<JsonTypeInfo<TResult>> _resultTypeFactory;
    private JsonTypeInfo<TResult>? _resultType;
    private ResponseReader<TResult>? _reader;
    private ResponseReader<TResult>? _nullableReader;

    /// <summary>Describes an operation that returns a JSON body.</summary>
    /// <param name="operationId">The OpenAPI operation id.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="route">The path template relative to the base address.</param>
    /// <param name="resultType">The metadata of the success body type.</param>
    public ApiOperation(string operationId, HttpMethod method, string route, JsonTypeInfo<TResult> resultType)
        : base(operationId, method, route)
    {
        ArgumentNullException.ThrowIfNull(resultType);
        _resultType = resultType;
        _resultTypeFactory = () => resultType;
    }

    /// <summary>
    /// Describes an operation that returns a JSON body whose metadata is made on first use: metadata that cannot be
    /// built fails the calls of this operation only, not the static initializer that holds every descriptor of a
    /// generated group.
    /// </summary>
    /// <param name="operationId">The OpenAPI operation id.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="route">The path template relative to the base address.</param>
    /// <param name="resultType">Returns the metadata of the success body type.</param>
    public ApiOperation(string operationId, HttpMethod method, string route, Func<JsonTypeInfo<TResult>> resultType)
        : base(operationId, method, route)
    {
        ArgumentNullException.ThrowIfNull(resultType);
        _resultTypeFactory = resultType;
    }

    private ApiOperation(ApiOperation<TResult> source, Traits traits)
        : base(source, traits)
    {
        _resultType = source._resultType;
        _resultTypeFactory = source._resultTypeFactory;
    }

    /// <summary>The metadata of the success body type (of each item, for a streamed body).</summary>
    /// <exception cref="InvalidOperationException">The metadata could not be built.</exception>
    public JsonTypeInfo<TResult> ResultType => _resultType ??= CreateResultType();

    /// <summary>Reads the success body; made once per descriptor, so a call allocates no reader.</summary>
    internal ResponseReader<TResult> Reader => _reader ??= new JsonResponseReader<TResult>(ResultType, allowsNull: false);

    /// <summary>Reads a success body that may be the JSON value <c>null</c> (a response without schema, or a nullable one).</summary>
    internal ResponseReader<TResult> NullableReader => _nullableReader ??= new JsonResponseReader<TResult>(ResultType, allowsNull: true);

    /// <inheritdoc/>
    public new ApiOperation<TResult> WithAccept(string accept) => (ApiOperation<TResult>)base.WithAccept(accept);

    /// <inheritdoc/>
    public new ApiOperation<TResult> WithError<TError>(string status, Func<JsonTypeInfo<TError>> typeInfo) => (ApiOperation<TResult>)base.WithError(status, typeInfo);

    /// <inheritdoc/>
    public new ApiOperation<TResult> WithoutAuthentication() => (ApiOperation<TResult>)base.WithoutAuthentication();

    /// <inheritdoc/>
    public new ApiOperation<TResult> WithSecurity(params string[][] alternatives) => (ApiOperation<TResult>)base.WithSecurity(alternatives);

    /// <inheritdoc/>
    public new ApiOperation<TResult> AsIdempotent() => (ApiOperation<TResult>)base.AsIdempotent();

    /// <inheritdoc/>
    public new ApiOperation<TResult> WithRetryAfterBody(params string[] jsonPointers) => (ApiOperation<TResult>)base.WithRetryAfterBody(jsonPointers);

    /// <inheritdoc/>
    public new ApiOperation<TResult> WithError<TError>(string status, JsonTypeInfo<TError> typeInfo) => (ApiOperation<TResult>)base.WithError(status, typeInfo);

    private protected override ApiOperation With(Traits traits) => new ApiOperation<TResult>(this, traits);

    private JsonTypeInfo<TResult> CreateResultType()
    {
        try
        {
            return _resultTypeFactory() ?? throw new InvalidOperationException("the metadata factory returned null");
        }
        catch (Exception exception)
        {
            throw new InvalidOperationException(
                $"The JSON metadata of the success body of {this} could not be built, so the operation cannot be called: {exception.Message}", exception);
        }
    }
}
