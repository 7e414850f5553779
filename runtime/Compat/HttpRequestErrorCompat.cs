#if NETSTANDARD2_0
using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;

namespace System.Net.Http
{
    /// <summary>The kinds of <see cref="HttpRequestException"/> failure that .NET 8 and later name, as far as the runtime needs them.</summary>
    internal enum HttpRequestError
    {
        Unknown,
        NameResolutionError,
        ConnectionError,
        SecureConnectionError,
        ProxyTunnelError,
    }
}

namespace AutoSend.Runtime.Compat
{
    /// <summary>
    /// <c>HttpRequestException.HttpRequestError</c> for netstandard2.0, told from the inner exception the way the
    /// platform reports it: a <see cref="SocketException"/> (.NET Core), a <see cref="WebException"/> status
    /// (.NET Framework) or an <see cref="AuthenticationException"/> (TLS). Whatever it cannot tell is
    /// <see cref="HttpRequestError.Unknown"/>, which the runtime treats as "may have been sent".
    /// </summary>
    internal static class HttpRequestErrorCompat
    {
        extension(HttpRequestException exception)
        {
            public HttpRequestError HttpRequestError
            {
                get
                {
                    for (Exception? inner = exception.InnerException; inner is not null; inner = inner.InnerException)
                    {
                        switch (inner)
                        {
                            case SocketException socket:
                                return socket.SocketErrorCode switch
                                {
                                    SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => HttpRequestError.NameResolutionError,
                                    SocketError.ConnectionRefused or SocketError.NetworkUnreachable or SocketError.HostUnreachable
                                        or SocketError.NetworkDown or SocketError.AddressNotAvailable => HttpRequestError.ConnectionError,
                                    _ => HttpRequestError.Unknown,
                                };
                            case WebException web:
                                return web.Status switch
                                {
                                    WebExceptionStatus.NameResolutionFailure => HttpRequestError.NameResolutionError,
                                    WebExceptionStatus.ConnectFailure => HttpRequestError.ConnectionError,
                                    WebExceptionStatus.SecureChannelFailure or WebExceptionStatus.TrustFailure => HttpRequestError.SecureConnectionError,
                                    WebExceptionStatus.ProxyNameResolutionFailure => HttpRequestError.ProxyTunnelError,
                                    _ => HttpRequestError.Unknown,
                                };
                            case AuthenticationException:
                                return HttpRequestError.SecureConnectionError;
                            case IOException:
                                // A connection that broke after it was made: it may have carried the request.
                                return HttpRequestError.Unknown;
                        }
                    }

                    return HttpRequestError.Unknown;
                }
            }
        }
    }
}
#endif
