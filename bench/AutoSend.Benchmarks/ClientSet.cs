using AutoSend.Bench.HandWritten;
using AutoSend.Bench.Kiota;
using AutoSend.Bench.Kiota.Generated;
using AutoSend.Bench.NSwag;
using AutoSend.Bench.Refit;
using AutoSend.Client;

namespace AutoSend.Benchmarks;

/// <summary>The five clients, each over its own HttpClient around its own <see cref="CannedResponseHandler"/>.</summary>
public sealed class ClientSet : IDisposable
{
    public const string ApiKey = "AS_benchmark_key_0123456789abcdef";

    public static readonly Uri BaseAddress = new("https://api.autosend.com/v1");

    private readonly List<IDisposable> _disposables = [];

    public ClientSet(byte[] body, Action<AutoSendClientOptions>? configure = null)
    {
        HandWrittenHandler = new CannedResponseHandler(body);
        HandWritten = new HandWrittenClient(Track(new HttpClient(HandWrittenHandler)), BaseAddress, ApiKey);

        AutoSendHandler = new CannedResponseHandler(body);
        var options = new AutoSendClientOptions { ApiKey = ApiKey, BaseAddress = BaseAddress };
        configure?.Invoke(options);
        AutoSend = Track(new AutoSendClient(Track(new HttpClient(AutoSendHandler)), options));

        KiotaHandler = new CannedResponseHandler(body);
        Kiota = KiotaAutoSend.Create(KiotaHandler, BaseAddress, ApiKey, out HttpClient kiotaHttp);
        Track(kiotaHttp);

        RefitHandler = new CannedResponseHandler(body);
        Refit = RefitAutoSend.Create(Track(new HttpClient(RefitHandler) { BaseAddress = new Uri(BaseAddress.AbsoluteUri + "/") }), ApiKey);

        NSwagHandler = new CannedResponseHandler(body);
        NSwag = new NSwagAutoSendClient(Track(new HttpClient(NSwagHandler))) { BaseUrl = BaseAddress.AbsoluteUri, ApiKey = ApiKey };
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
