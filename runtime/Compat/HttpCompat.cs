#if NETSTANDARD2_0
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace System.Net.Http
{
    /// <summary>
    /// netstandard2.0 has <see cref="HttpRequestMessage.Properties"/> where .NET 5 and later have typed
    /// <c>HttpRequestMessage.Options</c>: this key and <see cref="AutoSend.Runtime.Compat.HttpCompat"/>'s
    /// <c>Options</c> give the runtime the later shape over the older store.
    /// </summary>
    internal readonly struct HttpRequestOptionsKey<TValue>(string key)
    {
        public string Key { get; } = key;
    }

    /// <summary>The typed view of <see cref="HttpRequestMessage.Properties"/> (<c>HttpRequestOptions</c> on .NET 5 and later).</summary>
    internal readonly struct HttpRequestOptions(IDictionary<string, object?> properties)
    {
        public bool TryGetValue<TValue>(HttpRequestOptionsKey<TValue> key, [Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value)
        {
            if (properties.TryGetValue(key.Key, out object? stored) && stored is TValue typed)
            {
                value = typed;
                return true;
            }

            value = default;
            return false;
        }

        public void Set<TValue>(HttpRequestOptionsKey<TValue> key, TValue value) => properties[key.Key] = value;
    }
}

namespace System.Net.Http.Headers
{
    /// <summary>
    /// The unparsed view of a header collection that .NET 6 and later offer (<c>HttpHeaders.NonValidated</c>). On
    /// netstandard2.0 it enumerates the collection itself: the values come back as strings all the same (the platform
    /// may have parsed and re-formatted them on the way).
    /// </summary>
    internal readonly struct HttpHeadersNonValidated(HttpHeaders headers) : IEnumerable<KeyValuePair<string, HeaderStringValues>>
    {
        public int Count
        {
            get
            {
                int count = 0;
                using IEnumerator<KeyValuePair<string, IEnumerable<string>>> enumerator = headers.GetEnumerator();
                while (enumerator.MoveNext())
                {
                    count++;
                }

                return count;
            }
        }

        public IEnumerator<KeyValuePair<string, HeaderStringValues>> GetEnumerator()
        {
            foreach (KeyValuePair<string, IEnumerable<string>> header in headers)
            {
                yield return new KeyValuePair<string, HeaderStringValues>(header.Key, new HeaderStringValues([.. header.Value]));
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>The values of one header, a snapshot (<c>HeaderStringValues</c> on .NET 6 and later).</summary>
    internal readonly struct HeaderStringValues(string[] values) : IReadOnlyCollection<string>
    {
        public int Count => values.Length;

        public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)values).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => values.GetEnumerator();
    }
}

namespace AutoSend.Runtime.Compat
{
    /// <summary>
    /// The members of the HTTP types that netstandard2.0 lacks, as extensions with the later shapes: typed request
    /// options, the unparsed header view, and the <see cref="HttpContent"/> reads that take a
    /// <see cref="CancellationToken"/>. Those reads cannot be canceled on the platform itself: cancellation abandons
    /// the read (the caller disposes the response, which ends it) and throws at once.
    /// </summary>
    internal static class HttpCompat
    {
        extension(HttpRequestMessage request)
        {
            /// <summary>The request's typed options, kept in <see cref="HttpRequestMessage.Properties"/>.</summary>
            public HttpRequestOptions Options => new(request.Properties!);
        }

        extension(HttpHeaders headers)
        {
            /// <summary>The headers without parsing.</summary>
            public HttpHeadersNonValidated NonValidated => new(headers);
        }

        public static Task<Stream> ReadAsStreamAsync(this HttpContent content, CancellationToken cancellationToken) =>
            content.ReadAsStreamAsync().WaitAsync(cancellationToken);

        public static Task<byte[]> ReadAsByteArrayAsync(this HttpContent content, CancellationToken cancellationToken) =>
            content.ReadAsByteArrayAsync().WaitAsync(cancellationToken);

        public static Task<string> ReadAsStringAsync(this HttpContent content, CancellationToken cancellationToken) =>
            content.ReadAsStringAsync().WaitAsync(cancellationToken);

        public static Task CopyToAsync(this HttpContent content, Stream stream, CancellationToken cancellationToken) =>
            content.CopyToAsync(stream).WaitAsync(cancellationToken);
    }
}
#endif
