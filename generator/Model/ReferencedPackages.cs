namespace AutoSend.Gen.Model;

/// <summary>
/// Which optional packages the consumer's compilation references (Microsoft.Extensions.Http, its configuration, and
/// System.Threading.RateLimiting), read from the compilation once per edit. It is a small equatable value, so an edit
/// that does not add or remove such a reference leaves the output cached.
/// </summary>
/// <param name="HttpClientFactory">
/// <c>Microsoft.Extensions.Http</c> (<c>IHttpClientFactory</c>) is referenced: emit the <c>Add&lt;Client&gt;</c>
/// extension methods.
/// </param>
/// <param name="Configuration">
/// <c>Microsoft.Extensions.Configuration.Abstractions</c> (<c>IConfiguration</c>) is referenced too: add the overload
/// that binds the options from configuration.
/// </param>
/// <param name="RateLimiting">
/// <c>System.Threading.RateLimiting</c> is referenced (a package, or the ASP.NET Core shared framework): emit
/// <c>UseRateLimiter</c> for the options.
/// </param>
internal sealed record ReferencedPackages(bool HttpClientFactory, bool Configuration, bool RateLimiting)
{
    public const string HttpClientFactoryMarker = "Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions";
    public const string ConfigurationMarker = "Microsoft.Extensions.Configuration.IConfiguration";
    public const string RateLimiterMarker = "System.Threading.RateLimiting.RateLimiter";
}
