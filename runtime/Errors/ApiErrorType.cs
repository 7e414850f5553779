using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AutoSend.Runtime.Errors;

/// <summary>A declared error body type; it turns an error response into the matching exception.</summary>
internal abstract class ApiErrorType
{
    /// <summary>Builds the exception, with the typed body when the response matches the declared type.</summary>
    public abstract ApiException CreateException(ApiErrorResponse response);
}

/// <summary>An error body of type <typeparamref name="TError"/>.</summary>
/// <remarks>The metadata is made when the first such error arrives; metadata that cannot be built leaves the error untyped.</remarks>
internal sealed class ApiErrorType<TError>(Func<JsonTypeInfo<TError>> typeInfo) : ApiErrorType
{
    public override ApiException CreateException(ApiErrorResponse response)
    {
        if (response.IsJson && !response.IsTruncated)
        {
            try
            {
                if (JsonSerializer.Deserialize(response.Body.Span, typeInfo()) is { } error)
                {
                    return new ApiException<TError>(response, error);
                }
            }
            catch (JsonException)
            {
                // The body is not the declared shape; the untyped exception below still carries it.
            }
            catch (NotSupportedException)
            {
                // Same as above, for bodies the metadata cannot represent.
            }
            catch (InvalidOperationException)
            {
                // The metadata itself could not be built (System.Text.Json reports that so): the error stays untyped
                // rather than hiding the status behind a metadata failure.
            }
        }

        return new ApiException(response);
    }
}
