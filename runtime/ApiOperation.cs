using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;

namespace AutoSend.Runtime;

/// <summary>
/// What the generated code declares about one operation: its name for messages, its route and the error bodies the
/// document declares per status. One instance per operation lives in a static field of the generated client.
/// </summary>
public class ApiOperation
{
    private readonly List<KeyValuePair<string, ApiErrorType>> _errors = [];

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

    /// <summary>Names the operation for logs and debuggers.</summary>
    public override string ToString() => $"{OperationId} ({Method} {Route})";
}

/// <summary>An operation whose success response has a JSON body of type <typeparamref name="TResult"/>.</summary>
/// <typeparam name="TResult">The success body type.</typeparam>
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
    }

    /// <summary>The metadata of the success body type.</summary>
    public JsonTypeInfo<TResult> ResultType { get; }

    /// <inheritdoc cref="ApiOperation.WithError{TError}(string, JsonTypeInfo{TError})"/>
    public new ApiOperation<TResult> WithError<TError>(string status, JsonTypeInfo<TError> typeInfo)
    {
        base.WithError(status, typeInfo);
        return this;
    }
}
