using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AutoSend.Runtime.Responses;

/// <summary>A success response whose body the caller does not need: nothing is asked for and nothing is read.</summary>
internal sealed class EmptyResponseReader : ResponseReader<object?>
{
    public static readonly EmptyResponseReader Instance = new();

    private EmptyResponseReader()
    {
    }

    public override string? Accept => null;

    public override ValueTask<object?> ReadAsync(HttpResponseMessage response, ResponseContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<object?>(null);
}
