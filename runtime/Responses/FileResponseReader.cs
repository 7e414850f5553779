using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AutoSend.Runtime.Responses;

/// <summary>A success body handed over unread as an <see cref="ApiFile"/>, which keeps the response open until it is disposed.</summary>
/// <param name="accept">The media type the call asks for, e.g. <c>application/pdf</c>; generated code passes it per call.</param>
internal sealed class FileResponseReader(string accept) : ResponseReader<ApiFile>
{
    public override string? Accept => accept;

    public override bool AcceptOverridesOperation => true;

    public override bool OwnsResponse => true;

    public override async ValueTask<ApiFile> ReadAsync(HttpResponseMessage response, ResponseContext context, CancellationToken cancellationToken) =>
        new(response, await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
}
