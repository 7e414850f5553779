using AutoSend.Bench.HandWritten;
using AutoSend.Bench.Kiota;
using AutoSend.Bench.Kiota.Generated;
using AutoSend.Bench.NSwag;
using AutoSend.Bench.Refit;
using AutoSend.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AutoSend.Benchmarks;

/// <summary>
/// The five clients in the caller's-HttpClient configuration: every HttpClient comes from one
/// <see cref="IHttpClientFactory"/> (as dependency injection hands them out: the factory's handler chain and
/// HttpClient's default 100 s timeout) over its own <see cref="CannedResponseHandler"/>. Kiota's client is built the
/// way Kiota documents it, over Kiota's own middleware in front of the same kind of handler.
/// </summary>
public sealed class ClientSet : IDisposable
{
    public const string ApiKey = "AS_benchmark_key_0123456789abcdef";

    public static readonly Uri BaseAddress = new("https://api.autosend.com/v1");

    private readonly List<IDisposable> _disposables = [];

    public ClientSet(byte[] body, Action<AutoSendClientOptions>? configure = null)
    {
        HandWrittenHandler = new CannedResponseHandler(body);
        AutoSendHandler = new CannedResponseHandler(body);
        RefitHandler = new CannedResponseHandler(body);
        NSwagHandler = new CannedResponseHandler(body);
        IHttpClientFactory factory = Track(CallerHttpClients.CreateFactory(
            ("HandWritten", HandWrittenHandler), ("AutoSend", AutoSendHandler), ("Refit", RefitHandler), ("NSwag", NSwagHandler)));

        HandWritten = new HandWrittenClient(factory.CreateClient("HandWritten"), BaseAddress, ApiKey);

        var options = new AutoSendClientOptions { ApiKey = ApiKey, BaseAddress = BaseAddress };
        configure?.Invoke(options);
        AutoSend = Track(new AutoSendClient(factory.CreateClient("AutoSend"), options));

        KiotaHandler = new CannedResponseHandler(body);
        Kiota = KiotaAutoSend.Create(KiotaHandler, BaseAddress, ApiKey, out HttpClient kiotaHttp);
        Track(kiotaHttp);

        HttpClient refitHttp = factory.CreateClient("Refit");
        refitHttp.BaseAddress = new Uri(BaseAddress.AbsoluteUri + "/");
        Refit = RefitAutoSend.Create(refitHttp, ApiKey);

        NSwag = new NSwagAutoSendClient(factory.CreateClient("NSwag")) { BaseUrl = BaseAddress.AbsoluteUri, ApiKey = ApiKey };
    }

    public CannedResponseHandler HandWrittenHandler { get; }

    public HandWrittenClient HandWritten { get; }

    public CannedResponseHandler AutoSendHandler { get; }

    public AutoSendClient AutoSend { get; }

    public CannedResponseHandler KiotaHandler { get; }

    public KiotaAutoSendClient Kiota { get; }

    public CannedResponseHandler RefitHandler { get; }

    public IRefitAutoSendApi Refit { get; }

    public CannedResponseHandler NSwagHandler { get; }

    public NSwagAutoSendClient NSwag { get; }

    public void Dispose()
    {
        foreach (IDisposable disposable in _disposables)
        {
            disposable.Dispose();
        }
    }

    private T Track<T>(T disposable) where T : IDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }

    /// <summary>Runs <paramref name="call"/> once with capture on and checks what reached the handler.</summary>
    public static async Task<T> CheckAsync<T>(string client, CannedResponseHandler handler, Func<Task<T>> call, string method, string uri)
    {
        handler.Capture = true;
        T result;
        try
        {
            result = await call();
        }
        finally
        {
            handler.Capture = false;
        }

        Expect(client, "method", method, handler.LastMethod);
        Expect(client, "URI", NormalizeQuery(uri), NormalizeQuery(handler.LastUri));
        Expect(client, "Authorization", "Bearer " + ApiKey, handler.LastAuthorization);
        return result;
    }

    // Query parameters in any order (Kiota sorts them).
    private static string? NormalizeQuery(string? uri)
    {
        int question = uri?.IndexOf('?', StringComparison.Ordinal) ?? -1;
        return question < 0 ? uri : uri![..(question + 1)] + string.Join('&', uri[(question + 1)..].Split('&').Order(StringComparer.Ordinal));
    }

    public static void Expect(string client, string what, object? expected, object? actual)
    {
        if (!Equals(expected, actual))
        {
            throw new InvalidOperationException($"{client}: expected {what} '{expected}', got '{actual}'.");
        }
    }
}
