namespace AutoSend.Bench.NSwag;

/// <summary>
/// NSwag's documented extension point for credentials: the generated client calls the partial method
/// <c>PrepareRequest</c> before sending. This file is ours; the generated file is not edited.
/// </summary>
public partial class NSwagAutoSendClient
{
    private string _authorization;

    /// <summary>The bearer token sent with every request.</summary>
    public string ApiKey
    {
        set => _authorization = "Bearer " + value;
    }

    partial void PrepareRequest(System.Net.Http.HttpClient client, System.Net.Http.HttpRequestMessage request, string url)
    {
        if (_authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        }
    }
}
