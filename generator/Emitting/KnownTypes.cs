using AutoSend.Gen.Model;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// Every type generated code names, spelled once and fully qualified with <c>global::</c>, so that no name from a
/// document (a schema called <c>System</c>, <c>Task</c> or <c>Type</c>, a property called <c>Value</c>) can change
/// what generated code means. Generated types are qualified too: <see cref="Generated"/>.
/// </summary>
internal static class KnownTypes
{
    /// <summary>A type the client declares, e.g. <c>global::AutoSend.Client.Campaign</c>.</summary>
    public static string Generated(string ns, string name) => "global::" + ns + "." + name;

    /// <summary>A spelled type without its <c>global::</c> prefixes, for prose.</summary>
    public static string WithoutGlobal(string typeName) => typeName.Replace("global::", string.Empty);

    /// <summary>The C# spelling of a type reference; <paramref name="ns"/> is the client's namespace.</summary>
    public static string Name(TypeRef type, string ns, TargetFeatures? features = null) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.Single => "float",
        TypeKind.Double => "double",
        TypeKind.Decimal => "decimal",
        TypeKind.Boolean => "bool",
        TypeKind.DateTimeOffset => Bcl.DateTimeOffset,
        // Without System.DateOnly (netstandard2.0, .NET Framework), a date is a DateTime at midnight.
        TypeKind.DateOnly => features is null || features.DateOnly ? Bcl.DateOnly : Bcl.DateTime,
        TypeKind.Duration => Bcl.TimeSpan,
        TypeKind.Guid => Bcl.Guid,
        TypeKind.Bytes => "byte[]",
        TypeKind.JsonNode => Json.JsonNode,
        TypeKind.JsonObject => Json.JsonObject,
        TypeKind.JsonElement => Json.JsonElement,
        TypeKind.Model or TypeKind.Enum or TypeKind.Union => Generated(ns, type.Name!),
        TypeKind.List => Bcl.IReadOnlyList + "<" + ElementName(type, ns, features) + ">",
        TypeKind.Map => Bcl.IReadOnlyDictionary + "<string, " + ElementName(type, ns, features) + ">",
        TypeKind.ExtensionData => ExtensionData,
        TypeKind.File => Runtime.ApiFile,
        TypeKind.FileList => Bcl.IEnumerable + "<" + Runtime.ApiFile + ">",
        TypeKind.Stream => Bcl.Stream,
        _ => throw new System.ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown type kind"),
    };

    /// <summary>Where System.Text.Json keeps the properties a class does not name.</summary>
    public const string ExtensionData = Bcl.IDictionary + "<string, " + Json.JsonElement + ">";

    /// <summary>The item or value type of a list or map, as written in its type arguments.</summary>
    public static string ElementName(TypeRef type, string ns, TargetFeatures? features = null) =>
        type.ElementIsNullable && (features is null || features.Nullable || type.Element!.IsValueType)
            ? Name(type.Element!, ns, features) + "?"
            : Name(type.Element!, ns, features);

    /// <summary>The converter of a type with built-in JSON metadata: System.Text.Json's, except for durations, whose
    /// wire form (ISO 8601) it does not read.</summary>
    public static string BuiltInConverter(TypeKind kind, TargetFeatures? features = null) => kind switch
    {
        TypeKind.DateOnly when features is { DateOnly: false } => Runtime.ApiJsonConverters + ".Date",
        TypeKind.Duration => Runtime.ApiJsonConverters + ".Duration",
        TypeKind.String => Json.JsonMetadataServices + ".StringConverter",
        TypeKind.Int32 => Json.JsonMetadataServices + ".Int32Converter",
        TypeKind.Int64 => Json.JsonMetadataServices + ".Int64Converter",
        TypeKind.Single => Json.JsonMetadataServices + ".SingleConverter",
        TypeKind.Double => Json.JsonMetadataServices + ".DoubleConverter",
        TypeKind.Decimal => Json.JsonMetadataServices + ".DecimalConverter",
        TypeKind.Boolean => Json.JsonMetadataServices + ".BooleanConverter",
        TypeKind.DateTimeOffset => Json.JsonMetadataServices + ".DateTimeOffsetConverter",
        TypeKind.DateOnly => Json.JsonMetadataServices + ".DateOnlyConverter",
        TypeKind.Guid => Json.JsonMetadataServices + ".GuidConverter",
        TypeKind.Bytes => Json.JsonMetadataServices + ".ByteArrayConverter",
        TypeKind.JsonNode => Json.JsonMetadataServices + ".JsonNodeConverter",
        TypeKind.JsonObject => Json.JsonMetadataServices + ".JsonObjectConverter",
        TypeKind.JsonElement => Json.JsonMetadataServices + ".JsonElementConverter",
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "No built-in converter"),
    };

    /// <summary>The runtime package: AutoSend.Runtime, and the plumbing only generated code calls in its Primitives namespace.</summary>
    public static class Runtime
    {
        private const string Namespace = "global::AutoSend.Runtime";
        private const string Primitives = Namespace + ".Primitives";

        public const string ApiClientOptions = Namespace + ".ApiClientOptions";
        public const string ApiException = Namespace + ".ApiException";
        public const string ApiFile = Namespace + ".ApiFile";
        public const string ApiLogEntry = Namespace + ".ApiLogEntry";
        public const string ApiRequestOptions = Namespace + ".ApiRequestOptions";
        public const string ApiResponse = Namespace + ".ApiResponse";
        public const string ApiResponseHeaders = Namespace + ".ApiResponseHeaders";

        public const string ApiAuthentication = Primitives + ".ApiAuthentication";
        public const string ApiConnection = Primitives + ".ApiConnection";
        public const string ApiContent = Primitives + ".ApiContent";
        public const string ApiFormat = Primitives + ".ApiFormat";
        public const string ApiFormBuilder = Primitives + ".ApiFormBuilder";
        public const string ApiJsonConverters = Primitives + ".ApiJsonConverters";
        public const string ApiOpenEnumConverter = Primitives + ".ApiOpenEnumConverter";
        public const string ApiJsonMetadata = Primitives + ".ApiJsonMetadata";
        public const string ApiJsonTypeFactories = Primitives + ".ApiJsonTypeFactories";
        public const string ApiJsonPropertyOptions = Primitives + ".ApiJsonPropertyOptions";
        public const string ApiJsonUnion = Primitives + ".ApiJsonUnion";
        public const string ApiOperation = Primitives + ".ApiOperation";
        public const string ApiQueryBuilder = Primitives + ".ApiQueryBuilder";
        public const string ApiServers = Primitives + ".ApiServers";
        public const string ApiStyle = Primitives + ".ApiStyle";
    }

    /// <summary>The base class library.</summary>
    public static class Bcl
    {
        public const string Action = "global::System.Action";
        public const string ArgumentException = "global::System.ArgumentException";
        public const string ArgumentNullException = "global::System.ArgumentNullException";
        public const string ArgumentOutOfRangeException = "global::System.ArgumentOutOfRangeException";
        public const string CultureInfo = "global::System.Globalization.CultureInfo";
        public const string DateOnly = "global::System.DateOnly";
        public const string DateTime = "global::System.DateTime";
        public const string DateTimeOffset = "global::System.DateTimeOffset";
        public const string FormatException = "global::System.FormatException";
        public const string NumberStyles = "global::System.Globalization.NumberStyles";
        public const string Func = "global::System.Func";
        public const string Guid = "global::System.Guid";
        public const string IDisposable = "global::System.IDisposable";
        public const string IEquatable = "global::System.IEquatable";
        public const string InvalidOperationException = "global::System.InvalidOperationException";
        public const string IServiceProvider = "global::System.IServiceProvider";
        public const string StringComparer = "global::System.StringComparer";
        public const string StringComparison = "global::System.StringComparison";
        public const string TimeSpan = "global::System.TimeSpan";
        public const string Type = "global::System.Type";
        public const string Uri = "global::System.Uri";

        public const string Dictionary = "global::System.Collections.Generic.Dictionary";
        public const string IAsyncEnumerable = "global::System.Collections.Generic.IAsyncEnumerable";
        public const string IDictionary = "global::System.Collections.Generic.IDictionary";
        public const string IEnumerable = "global::System.Collections.Generic.IEnumerable";
        public const string IList = "global::System.Collections.Generic.IList";
        public const string IReadOnlyDictionary = "global::System.Collections.Generic.IReadOnlyDictionary";
        public const string IReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";
        public const string KeyValuePair = "global::System.Collections.Generic.KeyValuePair";
        public const string SseItem = "global::System.Net.ServerSentEvents.SseItem";
        public const string Enumerable = "global::System.Linq.Enumerable";

        public const string CancellationToken = "global::System.Threading.CancellationToken";
        public const string Task = "global::System.Threading.Tasks.Task";
        public const string Stream = "global::System.IO.Stream";

        public const string DelegatingHandler = "global::System.Net.Http.DelegatingHandler";
        public const string HttpClient = "global::System.Net.Http.HttpClient";
        public const string HttpMethod = "global::System.Net.Http.HttpMethod";
        public const string HttpRequestMessage = "global::System.Net.Http.HttpRequestMessage";

        public const string EnumeratorCancellationAttribute = "global::System.Runtime.CompilerServices.EnumeratorCancellation";
        public const string GeneratedCodeAttribute = "global::System.CodeDom.Compiler.GeneratedCode";
        public const string ObsoleteAttribute = "global::System.Obsolete";
    }

    /// <summary>System.Text.Json.</summary>
    public static class Json
    {
        private const string Serialization = "global::System.Text.Json.Serialization";
        private const string Metadata = Serialization + ".Metadata";

        public const string JsonElement = "global::System.Text.Json.JsonElement";
        public const string JsonEncodedText = "global::System.Text.Json.JsonEncodedText";
        public const string JsonException = "global::System.Text.Json.JsonException";
        public const string JsonSerializer = "global::System.Text.Json.JsonSerializer";
        public const string JsonSerializerOptions = "global::System.Text.Json.JsonSerializerOptions";
        public const string JsonTokenType = "global::System.Text.Json.JsonTokenType";
        public const string Utf8JsonReader = "global::System.Text.Json.Utf8JsonReader";
        public const string Utf8JsonWriter = "global::System.Text.Json.Utf8JsonWriter";
        public const string JsonNode = "global::System.Text.Json.Nodes.JsonNode";
        public const string JsonObject = "global::System.Text.Json.Nodes.JsonObject";

        /// <summary>The converter base class, and the attribute of the same name.</summary>
        public const string JsonConverter = Serialization + ".JsonConverter";
        public const string JsonExtensionDataAttribute = Serialization + ".JsonExtensionData";
        public const string JsonIgnoreAttribute = Serialization + ".JsonIgnore";
        public const string JsonIgnoreCondition = Serialization + ".JsonIgnoreCondition";
        public const string JsonPropertyNameAttribute = Serialization + ".JsonPropertyName";
        public const string JsonSerializerContext = Serialization + ".JsonSerializerContext";

        public const string IJsonTypeInfoResolver = Metadata + ".IJsonTypeInfoResolver";
        public const string JsonCollectionInfoValues = Metadata + ".JsonCollectionInfoValues";
        public const string JsonMetadataServices = Metadata + ".JsonMetadataServices";
        public const string JsonObjectInfoValues = Metadata + ".JsonObjectInfoValues";
        public const string JsonPropertyInfo = Metadata + ".JsonPropertyInfo";
        public const string JsonTypeInfo = Metadata + ".JsonTypeInfo";
    }

    /// <summary>Optional packages: Microsoft.Extensions (dependency injection, options, logging, configuration) and rate limiting.</summary>
    public static class Extensions
    {
        private const string DependencyInjection = "global::Microsoft.Extensions.DependencyInjection";
        private const string Logging = "global::Microsoft.Extensions.Logging";
        private const string RateLimiting = "global::System.Threading.RateLimiting";

        public const string HttpClientBuilderExtensions = DependencyInjection + ".HttpClientBuilderExtensions";
        public const string HttpClientFactoryServiceCollectionExtensions = DependencyInjection + ".HttpClientFactoryServiceCollectionExtensions";
        public const string IHttpClientBuilder = DependencyInjection + ".IHttpClientBuilder";
        public const string IServiceCollection = DependencyInjection + ".IServiceCollection";
        public const string OptionsServiceCollectionExtensions = DependencyInjection + ".OptionsServiceCollectionExtensions";
        public const string ServiceProviderServiceExtensions = DependencyInjection + ".ServiceProviderServiceExtensions";
        public const string ServiceCollectionDescriptorExtensions = DependencyInjection + ".Extensions.ServiceCollectionDescriptorExtensions";

        public const string HttpClientFactoryOptions = "global::Microsoft.Extensions.Http.HttpClientFactoryOptions";
        public const string IOptionsMonitor = "global::Microsoft.Extensions.Options.IOptionsMonitor";
        public const string OptionsBuilder = "global::Microsoft.Extensions.Options.OptionsBuilder";
        public const string IConfiguration = "global::Microsoft.Extensions.Configuration.IConfiguration";
        public const string IConfigurationSection = "global::Microsoft.Extensions.Configuration.IConfigurationSection";

        public const string EventId = Logging + ".EventId";
        public const string ILogger = Logging + ".ILogger";
        public const string ILoggerFactory = Logging + ".ILoggerFactory";
        public const string LogLevel = Logging + ".LogLevel";

        public const string RateLimiter = RateLimiting + ".RateLimiter";
        public const string RateLimitLease = RateLimiting + ".RateLimitLease";
        public const string TokenBucketRateLimiter = RateLimiting + ".TokenBucketRateLimiter";
    }
}
