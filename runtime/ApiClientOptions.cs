using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

using AutoSend.Runtime.Primitives;

namespace AutoSend.Runtime;

/// <summary>
/// Settings shared by every generated client. Each generated client derives its own options class from this one
/// (for example <c>AutoSendClientOptions</c>), so that several clients in one application keep separate settings.
/// </summary>
/// <remarks>
/// A client reads its options once, when it is constructed; later changes to the instance do not affect it.
/// <see cref="ToString"/> never shows the API key.
/// </remarks>
public abstract class ApiClientOptions
{
    /// <summary>The default limit on the bytes of an error body the client reads: 64 KiB.</summary>
    public const int DefaultMaxErrorBodyBytes = 64 * 1024;

    /// <summary>The default limit on the bytes of a success body the client reads: 64 MiB.</summary>
    public const long DefaultMaxResponseBodyBytes = 64L * 1024 * 1024;

    /// <summary>The default number of retries after the first attempt: 3.</summary>
    public const int DefaultMaxRetries = 3;

    private int _maxErrorBodyBytes = DefaultMaxErrorBodyBytes;
    private long _maxResponseBodyBytes = DefaultMaxResponseBodyBytes;
    private int _maxRetries = DefaultMaxRetries;
    private TimeSpan _timeout = TimeSpan.FromSeconds(100);
    private TimeSpan _totalTimeout = TimeSpan.FromMinutes(5);
    private TimeSpan _retryDelay = TimeSpan.FromSeconds(1);
    private TimeSpan _maxRetryDelay = TimeSpan.FromSeconds(30);
    private TimeSpan _streamIdleTimeout = System.Threading.Timeout.InfiniteTimeSpan;

    /// <summary>
    /// The secret the API's security scheme sends with each request: a bearer token or an API key.
    /// Null sends requests without credentials.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// For bearer, OAuth 2 and OpenID Connect schemes: returns the access token to send, asked again for every
    /// attempt (cache and refresh tokens in it). When set, it is used instead of <see cref="ApiKey"/>.
    /// </summary>
    public Func<System.Threading.CancellationToken, System.Threading.Tasks.ValueTask<string?>>? AccessTokenProvider { get; set; }

    /// <summary>
    /// The address operations are resolved against, for example <c>https://api.autosend.com/v1</c>; a trailing slash
    /// is optional. Null uses the <see cref="System.Net.Http.HttpClient.BaseAddress"/> of a caller's client, else the
    /// first server of the OpenAPI document.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// How long one attempt may take, from sending the request to reading the whole response; a retry gets a fresh
    /// period. Defaults to 100 seconds; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> disables it. It applies
    /// to every client, including one built on a caller's <see cref="System.Net.Http.HttpClient"/> (whose own
    /// <c>Timeout</c> also still applies). When it expires the call throws <see cref="ApiTimeoutException"/>, or retries
    /// if the operation is idempotent.
    /// </summary>
    public TimeSpan Timeout
    {
        get => _timeout;
        set => _timeout = CheckTimeout(value);
    }

    /// <summary>
    /// How long a whole call may take: every attempt, the waits between them and the waits for
    /// <see cref="RateLimiter"/>. Defaults to 5 minutes; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// disables it. A retry whose wait would end after this deadline is not made: the last failure is thrown instead.
    /// When it expires during an attempt the call throws <see cref="ApiTimeoutException"/> with
    /// <see cref="ApiTimeoutException.IsTotalTimeout"/> set.
    /// </summary>
    public TimeSpan TotalTimeout
    {
        get => _totalTimeout;
        set => _totalTimeout = CheckTimeout(value);
    }

    /// <summary>
    /// For a streamed response (server-sent events, JSON lines): the longest wait for the next bytes of the body once
    /// its headers have arrived, before the first item and between items. When it passes without a byte, the
    /// enumeration throws <see cref="ApiTimeoutException"/> with <see cref="ApiTimeoutException.IsStreamIdleTimeout"/>
    /// set, after the items that arrived, and the connection is closed; the stream is not retried. Any bytes count,
    /// so a server's keep-alive comments keep an event stream open. Defaults to
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> (no limit: a quiet stream is the server's business, and
    /// the cancellation token ends it); <see cref="Timeout"/> bounds only the wait for the headers of a stream.
    /// <see cref="ApiRequestOptions.StreamIdleTimeout"/> changes it for one call.
    /// </summary>
    public TimeSpan StreamIdleTimeout
    {
        get => _streamIdleTimeout;
        set => _streamIdleTimeout = CheckTimeout(value);
    }

    /// <summary>
    /// How many times a failed call is retried after its first attempt. Defaults to <see cref="DefaultMaxRetries"/>;
    /// 0 disables retries, for example when an <see cref="System.Net.Http.HttpClient"/> resilience handler retries
    /// already. Which failures are retried is described in docs/runtime.md: 429 always; 502, 503, 504, timeouts and lost
    /// connections only for idempotent operations; connection failures before the request was sent always.
    /// </summary>
    public int MaxRetries
    {
        get => _maxRetries;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _maxRetries = value;
        }
    }

    /// <summary>
    /// The base of the exponential backoff used when the server gives no hint: retry <c>n</c> waits a random time
    /// between half and all of <c>RetryDelay × 2^(n-1)</c>, capped at <see cref="MaxRetryDelay"/>. Defaults to 1 second.
    /// </summary>
    public TimeSpan RetryDelay
    {
        get => _retryDelay;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            _retryDelay = value;
        }
    }

    /// <summary>
    /// The longest wait between two attempts. It caps the backoff; a server that asks for a longer wait (in
    /// <c>Retry-After</c>, <c>X-RateLimit-Reset</c> or the error body) is not retried, and the exception's
    /// <see cref="ApiException.RetryAfter"/> tells the caller when to try again. Defaults to 30 seconds.
    /// </summary>
    public TimeSpan MaxRetryDelay
    {
        get => _maxRetryDelay;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            _maxRetryDelay = value;
        }
    }

    /// <summary>
    /// An optional client-side rate limiter, called before each attempt (retries included) to wait for a permit. The
    /// returned lease, if any, is disposed when the attempt ends; throwing refuses the attempt and ends the call with
    /// that exception. The waiting counts against <see cref="TotalTimeout"/> but not against <see cref="Timeout"/>.
    /// Any <c>System.Threading.RateLimiting.RateLimiter</c> fits in a few lines (docs/runtime.md has a token bucket
    /// example for 2 requests per second); the runtime itself takes no dependency on that package.
    /// </summary>
    public Func<CancellationToken, ValueTask<IDisposable?>>? RateLimiter { get; set; }

    /// <summary>
    /// Allows a base address with <c>http://</c> for a host other than loopback. Off by default, since credentials and
    /// data would cross the network in clear text; <c>http://localhost</c> and <c>http://127.0.0.1</c> are always allowed.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// Sends every operation to <see cref="BaseAddress"/>, also those whose path or operation declares servers of its
    /// own in the OpenAPI document (an upload host, another API version). Off by default; turn it on to point the
    /// whole client at one place, such as a mock server or a gateway that serves every path.
    /// </summary>
    public bool IgnoreOperationServers { get; set; }

    /// <summary>
    /// Receives the client's log events (retries, failures, completions); null logs nothing. The callback runs on the
    /// calling thread and must not block; an exception it throws is ignored. Entries never contain credentials, request
    /// headers or the URL's query. Dependency-injection code connects it to <c>ILogger</c>: the numeric values of
    /// <see cref="ApiLogLevel"/> are those of <c>Microsoft.Extensions.Logging.LogLevel</c>.
    /// </summary>
    public Action<ApiLogEntry>? Log { get; set; }

    /// <summary>The <c>User-Agent</c> header to send; null sends the generated client's default.</summary>
    public string? UserAgent { get; set; }

    /// <summary>
    /// The most bytes of an error response body the client reads to build an <see cref="ApiException"/>; the rest is
    /// discarded. Defaults to <see cref="DefaultMaxErrorBodyBytes"/>. Success bodies with a <c>Content-Length</c> up to
    /// this size are read whole before they are deserialized, so that an exception can quote all of an invalid one;
    /// longer or unannounced ones are streamed and quoted by their first bytes (at most 4 KiB).
    /// </summary>
    public int MaxErrorBodyBytes
    {
        get => _maxErrorBodyBytes;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maxErrorBodyBytes = value;
        }
    }

    /// <summary>
    /// The most bytes of a success response body the client reads; a longer body ends the call with an
    /// <see cref="ApiException"/> instead of exhausting memory. Defaults to <see cref="DefaultMaxResponseBodyBytes"/>.
    /// For a streamed response it bounds one item, not the stream: a JSON line, or a server-sent event (its field
    /// lines up to the blank line that ends it; comments do not count).
    /// </summary>
    public long MaxResponseBodyBytes
    {
        get => _maxResponseBodyBytes;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maxResponseBodyBytes = value;
        }
    }

    /// <summary>
    /// Reads settings by name, for example from an <c>IConfiguration</c> section (<c>key =&gt; section[key]</c>), without
    /// reflection. Keys: <c>ApiKey</c>, <c>BaseAddress</c> (an absolute http or https URI), <c>MaxRetries</c>, <c>Timeout</c>,
    /// <c>TotalTimeout</c>, <c>StreamIdleTimeout</c>, <c>RetryDelay</c>, <c>MaxRetryDelay</c> (time spans such as
    /// <c>00:00:30</c>; <c>Infinite</c> for the three timeouts), <c>MaxResponseBodyBytes</c>, <c>MaxErrorBodyBytes</c>, <c>AllowInsecureHttp</c>, <c>IgnoreOperationServers</c>
    /// (<c>true</c>/<c>false</c>) and <c>UserAgent</c>; a generated options class adds its own (for example server variables,
    /// <c>UserName</c> and <c>Password</c>). Numbers and time spans use the invariant culture. A missing or empty
    /// value leaves the property as it is.
    /// </summary>
    /// <param name="read">Returns the value of a key, or null when it is not set.</param>
    /// <exception cref="FormatException">A value cannot be used; the message names the key, never the value.</exception>
    public virtual void Bind(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (ReadSetting(read, nameof(ApiKey)) is { } apiKey)
        {
            ApiKey = apiKey;
        }

        BindSetting(read, nameof(BaseAddress), "an absolute http or https URI such as https://api.example.com/v1",
            text => Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                && Set(() => BaseAddress = uri));
        BindSetting(read, nameof(MaxRetries), "a whole number of 0 or more",
            text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && Set(() => MaxRetries = value));
        BindSetting(read, nameof(Timeout), "a positive time span of at most 24 days such as 00:01:40, or Infinite",
            text => TryParseTimeout(text, out TimeSpan value) && Set(() => Timeout = value));
        BindSetting(read, nameof(TotalTimeout), "a positive time span of at most 24 days such as 00:05:00, or Infinite",
            text => TryParseTimeout(text, out TimeSpan value) && Set(() => TotalTimeout = value));
        BindSetting(read, nameof(StreamIdleTimeout), "a positive time span of at most 24 days such as 00:00:30, or Infinite",
            text => TryParseTimeout(text, out TimeSpan value) && Set(() => StreamIdleTimeout = value));
        BindSetting(read, nameof(RetryDelay), "a time span of zero or more such as 00:00:01",
            text => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan value) && Set(() => RetryDelay = value));
        BindSetting(read, nameof(MaxRetryDelay), "a time span of zero or more such as 00:00:30",
            text => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan value) && Set(() => MaxRetryDelay = value));
        BindSetting(read, nameof(MaxResponseBodyBytes), "a positive whole number of bytes",
            text => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) && Set(() => MaxResponseBodyBytes = value));
        BindSetting(read, nameof(MaxErrorBodyBytes), "a positive whole number of bytes",
            text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && Set(() => MaxErrorBodyBytes = value));
        BindSetting(read, nameof(AllowInsecureHttp), "true or false",
            text => bool.TryParse(text, out bool value) && Set(() => AllowInsecureHttp = value));
        BindSetting(read, nameof(IgnoreOperationServers), "true or false",
            text => bool.TryParse(text, out bool value) && Set(() => IgnoreOperationServers = value));
        if (ReadSetting(read, nameof(UserAgent)) is { } userAgent)
        {
            UserAgent = userAgent;
        }
    }

    /// <summary>Reads one setting for <see cref="Bind"/>: null when it is missing or blank, else the value without surrounding white space.</summary>
    /// <param name="read">The reader passed to <see cref="Bind"/>.</param>
    /// <param name="key">The key to read.</param>
    /// <returns>The trimmed value, or null.</returns>
    protected static string? ReadSetting(Func<string, string?> read, string key)
    {
        ArgumentNullException.ThrowIfNull(read);
        string? value = read(key);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static void BindSetting(Func<string, string?> read, string key, string expected, Func<string, bool> apply)
    {
        if (ReadSetting(read, key) is not { } text)
        {
            return;
        }

        bool applied;
        try
        {
            applied = apply(text);
        }
        catch (ArgumentException)
        {
            applied = false;
        }

        if (!applied)
        {
            throw new FormatException($"The setting '{key}' is not valid: expected {expected}.");
        }
    }

    private static bool Set(Action assign)
    {
        assign();
        return true;
    }

    private static bool TryParseTimeout(string text, out TimeSpan value)
    {
        if (string.Equals(text, "Infinite", StringComparison.OrdinalIgnoreCase))
        {
            value = System.Threading.Timeout.InfiniteTimeSpan;
            return true;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Describes the options without the API key.</summary>
    public override string ToString() =>
        $"{GetType().Name} {{ BaseAddress = {BaseAddress?.ToString() ?? "(default)"}, ApiKey = {(ApiKey is null ? "(none)" : "(set)")}, Timeout = {Timeout}, TotalTimeout = {TotalTimeout}, MaxRetries = {MaxRetries} }}";

    // The longest delay timers and HttpClient accept on every target (about 24.8 days); a longer one would throw from
    // inside a call instead of here.
    private static readonly TimeSpan s_longestTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    internal static TimeSpan CheckTimeout(TimeSpan value) =>
        value == System.Threading.Timeout.InfiniteTimeSpan || (value > TimeSpan.Zero && value <= s_longestTimeout)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value,
                "The timeout must be positive and at most 24 days (2,147,483,647 ms), or infinite (Timeout.InfiniteTimeSpan).");
}
