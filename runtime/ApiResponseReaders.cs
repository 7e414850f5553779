using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

using AutoSend.Runtime.Primitives;

namespace AutoSend.Runtime;

/// <summary>How a success body becomes the call's result: JSON through generated metadata, a streamed file, or text.</summary>
internal abstract class ResponseReader<TResult>
{
    /// <summary>Whether the result keeps the response open (a streamed file), so the attempt must not dispose it.</summary>
    public virtual bool OwnsResponse => false;

    public abstract ValueTask<TResult> ReadAsync(ApiConnection connection, HttpResponseMessage response, ApiOperation operation, int attempt, CancellationToken cancellationToken);
}

/// <summary>The readers that do not depend on a result type.</summary>
internal static class ResponseReader
{
    public static readonly ResponseReader<ApiFile> File = new FileReader();

    public static readonly ResponseReader<string> Text = new TextReader();

    private sealed class FileReader : ResponseReader<ApiFile>
    {
        public override bool OwnsResponse => true;

        public override async ValueTask<ApiFile> ReadAsync(ApiConnection connection, HttpResponseMessage response, ApiOperation operation, int attempt, CancellationToken cancellationToken) =>
            new(response, await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
    }

    private sealed class TextReader : ResponseReader<string>
    {
        public override ValueTask<string> ReadAsync(ApiConnection connection, HttpResponseMessage response, ApiOperation operation, int attempt, CancellationToken cancellationToken) =>
            connection.ReadTextAsync(response, operation, attempt, cancellationToken);
    }
}

/// <summary>A JSON body read through the generated metadata of <typeparamref name="TResult"/>.</summary>
internal sealed class JsonResponseReader<TResult>(JsonTypeInfo<TResult> typeInfo) : ResponseReader<TResult>
{
    public override ValueTask<TResult> ReadAsync(ApiConnection connection, HttpResponseMessage response, ApiOperation operation, int attempt, CancellationToken cancellationToken) =>
        connection.ReadJsonAsync(response, operation, typeInfo, attempt, cancellationToken);
}
