using System;

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

    private int _maxErrorBodyBytes = DefaultMaxErrorBodyBytes;
    private TimeSpan _timeout = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The secret the API's security scheme sends with each request: a bearer token or an API key.
    /// Null sends requests without credentials.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The address operations are resolved against, for example <c>https://api.autosend.com/v1</c>; a trailing slash
    /// is optional. Null uses the <see cref="System.Net.Http.HttpClient.BaseAddress"/> of a caller's client, else the
    /// first server of the OpenAPI document.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// How long one request may take, from sending it to reading the whole response, when the client creates its own
    /// <see cref="System.Net.Http.HttpClient"/>. Defaults to 100 seconds; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// disables it. A caller's <see cref="System.Net.Http.HttpClient"/> keeps its own <c>Timeout</c>.
    /// </summary>
    public TimeSpan Timeout
    {
        get => _timeout;
        set
        {
            if (value <= TimeSpan.Zero && value != System.Threading.Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The timeout must be positive or infinite.");
            }

            _timeout = value;
        }
    }

    /// <summary>The <c>User-Agent</c> header to send; null sends the generated client's default.</summary>
    public string? UserAgent { get; set; }

    /// <summary>
    /// The most bytes of an error response body the client reads to build an <see cref="ApiException"/>; the rest is
    /// discarded. Defaults to <see cref="DefaultMaxErrorBodyBytes"/>.
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

    /// <summary>Describes the options without the API key.</summary>
    public override string ToString() =>
        $"{GetType().Name} {{ BaseAddress = {BaseAddress?.ToString() ?? "(default)"}, ApiKey = {(ApiKey is null ? "(none)" : "(set)")}, Timeout = {Timeout} }}";
}
