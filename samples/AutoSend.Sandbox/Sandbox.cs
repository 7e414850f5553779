using System.Threading.RateLimiting;
using AutoSend.Sandbox.Campaigns;
using AutoSend.Sandbox.Webhooks;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace AutoSend.Sandbox;

/// <summary>
/// A running sandbox: Kestrel on 127.0.0.1, the AutoSend routes, bearer-key checking, optional rate limiting, and an
/// error handler that answers every failure with the documented error body (never a stack trace).
/// </summary>
public sealed class Sandbox : IAsyncDisposable
{
    private const string ProjectIdItem = "autosend.projectId";
    private const string DefaultProjectId = "64f0c0ffee0000000000b0b0";

    private readonly WebApplication _app;
    private readonly WebhookSender _webhooks;

    private Sandbox(WebApplication app, Uri baseAddress, WebhookSender webhooks)
    {
        _app = app;
        BaseAddress = baseAddress;
        _webhooks = webhooks;
    }

    /// <summary>The API root, e.g. <c>http://127.0.0.1:41234/v1/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts a sandbox on 127.0.0.1.</summary>
    public static async Task<Sandbox> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, options.Port));
        WebApplication app = builder.Build();

        app.UseExceptionHandler(handler => handler.Run(context =>
        {
            Exception? error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            return ApiResults.Error(context, error as ApiProblem ?? new ApiProblem(500, "INTERNAL_SERVER_ERROR", "Internal server error"));
        }));
        app.Use(Authenticate(options));
        if (options.RequestsPerSecond > 0)
        {
            app.Use(RateLimit(options));
        }

        var webhooks = new WebhookSender(options);
        var campaigns = new CampaignStore(options, webhooks);
        CampaignEndpoints.Map(app, campaigns);
        app.MapFallback(context => ApiResults.Error(context, new ApiProblem(404, "NOT_FOUND", "The requested resource was not found.")));

        await app.StartAsync(cancellationToken);
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Sandbox(app, new Uri(address.TrimEnd('/') + "/v1/"), webhooks);
    }

    /// <summary>Waits for every webhook delivery started so far (<see cref="SandboxOptions.Webhooks"/>) and returns their outcomes.</summary>
    public Task<IReadOnlyList<SandboxWebhookDelivery>> FlushWebhooksAsync() => _webhooks.FlushAsync();

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _webhooks.Dispose();
    }

    internal static string ProjectOf(HttpContext context) => context.Items[ProjectIdItem] as string ?? DefaultProjectId;

    // A project key (AS_) acts on its project; an account key (ASA_) must name the project in x-project-id.
    private static Func<HttpContext, RequestDelegate, Task> Authenticate(SandboxOptions options) => (context, next) =>
    {
        string? authorization = context.Request.Headers.Authorization;
        string? key = authorization is not null && authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..].Trim() : null;
        bool known = key is { Length: > 0 } && (options.ApiKeys.Count > 0
            ? options.ApiKeys.Contains(key)
            : key.StartsWith("AS_", StringComparison.Ordinal) || key.StartsWith("ASA_", StringComparison.Ordinal));
        if (!known)
        {
            return ApiResults.Error(context, new ApiProblem(401, "UNAUTHORIZED", "Unauthorized"));
        }

        string? projectId = context.Request.Headers["x-project-id"];
        if (key!.StartsWith("ASA_", StringComparison.Ordinal) && string.IsNullOrEmpty(projectId))
        {
            return ApiResults.Error(context, new ApiProblem(400, "PROJECT_ID_REQUIRED", "An account key (ASA_) needs the x-project-id header"));
        }

        context.Items[ProjectIdItem] = string.IsNullOrEmpty(projectId) ? DefaultProjectId : projectId;
        return next(context);
    };

    // AutoSend allows a number of requests per second per key and answers 429 with retryAfter and X-RateLimit-*.
    private static Func<HttpContext, RequestDelegate, Task> RateLimit(SandboxOptions options)
    {
        var limiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
            context.Request.Headers.Authorization.ToString(),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerSecond, Window = TimeSpan.FromSeconds(1), QueueLimit = 0 }));
        return async (context, next) =>
        {
            using RateLimitLease lease = limiter.AttemptAcquire(context);
            long reset = options.Clock.GetUtcNow().ToUnixTimeSeconds() + 1;
            context.Response.Headers["X-RateLimit-Limit"] = options.RequestsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["X-RateLimit-Reset"] = reset.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!lease.IsAcquired)
            {
                context.Response.Headers["X-RateLimit-Remaining"] = "0";
                await ApiResults.Error(context, new ApiProblem(429, "RATE_LIMIT_EXCEEDED", "Rate limit exceeded") { RetryAfterSeconds = 1 });
                return;
            }

            if (limiter.GetStatistics(context) is { } statistics)
            {
                context.Response.Headers["X-RateLimit-Remaining"] = statistics.CurrentAvailablePermits.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await next(context);
        };
    }
}
