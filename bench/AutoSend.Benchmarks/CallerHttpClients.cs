using Microsoft.Extensions.DependencyInjection;

namespace AutoSend.Benchmarks;

/// <summary>
/// HttpClients as an application's dependency injection hands them out: named clients of a real
/// <see cref="IHttpClientFactory"/> (Microsoft.Extensions.Http, with its logging and lifetime handlers in the chain),
/// each over a given primary handler.
/// </summary>
public static class CallerHttpClients
{
    /// <summary>A factory with one named client per (name, primary handler); dispose it to release the container.</summary>
    public static Factory CreateFactory(params (string Name, HttpMessageHandler Handler)[] clients)
    {
        var services = new ServiceCollection();
        foreach ((string name, HttpMessageHandler handler) in clients)
        {
            // The same handler instance for the client's whole life: the benchmark never waits for a handler rotation.
            services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(() => handler).SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        }

        return new Factory(services.BuildServiceProvider());
    }

    /// <summary>The factory and the container that owns it.</summary>
    public sealed class Factory(ServiceProvider provider) : IHttpClientFactory, IDisposable
    {
        private readonly IHttpClientFactory _factory = provider.GetRequiredService<IHttpClientFactory>();

        public HttpClient CreateClient(string name) => _factory.CreateClient(name);

        public void Dispose() => provider.Dispose();
    }
}
