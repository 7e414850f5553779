using System;

namespace AutoSend.Runtime;

/// <summary>
/// What a <c>WithRawResponse</c> call of an operation without a response body returns: the status code and the
/// response headers. Operations with a body return <see cref="ApiResponse{T}"/>.
/// </summary>
/// <remarks>
/// A generated client whose document declares response headers returns a subclass with those headers as typed
/// properties (e.g. <c>AutoSendResponse</c>). The constructor is public so that a test double can build one.
/// </remarks>
public class ApiResponse
{
    /// <summary>Creates a response.</summary>
    /// <param name="statusCode">The HTTP status code, e.g. 200.</param>
    /// <param name="headers">The response and content headers; <see cref="ApiResponseHeaders.Empty"/> for none.</param>
    public ApiResponse(int statusCode, ApiResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        StatusCode = statusCode;
        Headers = headers;
    }

    /// <summary>The HTTP status code of the success response (2xx); errors throw as from the plain methods.</summary>
    public int StatusCode { get; }

    /// <summary>The response headers and the content headers (<c>Content-Type</c>, <c>Content-Length</c>...), by name ignoring case.</summary>
    public ApiResponseHeaders Headers { get; }
}

/// <summary>
/// What a <c>WithRawResponse</c> call returns: the deserialized body as the plain method returns it, with the status
/// code and the response headers.
/// </summary>
/// <typeparam name="T">The body type; nullable when the operation also declares a success response without a body (204).</typeparam>
/// <example>
/// <code>
/// ApiResponse&lt;CampaignResponse&gt; raw = await client.Campaigns.WithRawResponse.ResumeAsync(id, cancellationToken);
/// raw.Headers.TryGetValues("X-RateLimit-Remaining", out IEnumerable&lt;string&gt;? remaining);
/// </code>
/// </example>
public class ApiResponse<T> : ApiResponse
{
    /// <summary>Creates a response.</summary>
    /// <param name="statusCode">The HTTP status code, e.g. 200.</param>
    /// <param name="value">The body.</param>
    /// <param name="headers">The response and content headers; <see cref="ApiResponseHeaders.Empty"/> for none.</param>
    public ApiResponse(int statusCode, T value, ApiResponseHeaders headers)
        : base(statusCode, headers)
    {
        Value = value;
    }

    /// <summary>The body, as the plain method returns it (null for a declared no-body status such as 204).</summary>
    public T Value { get; }
}
