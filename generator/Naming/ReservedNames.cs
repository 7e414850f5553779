namespace AutoSend.Gen.Naming;

/// <summary>
/// The member names generated types declare or inherit, which names from the document must not take: a member with
/// an inherited name hides it (CS0108), and a member named like its own type does not compile (CS0542). Each list
/// follows what the matching emitter writes; a new member there belongs here too.
/// </summary>
internal static class ReservedNames
{
    /// <summary>What every class and struct inherits from <c>object</c>.</summary>
    public static readonly string[] ObjectMembers = ["Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals"];

    /// <summary>The members of an open enum besides its known values (EnumEmitter).</summary>
    public static readonly string[] EnumMembers = ["Value", "Converter", .. ObjectMembers];

    /// <summary>The members of a union besides its <c>Is…</c>/<c>As…</c> pairs (UnionEmitter).</summary>
    public static readonly string[] UnionMembers = ["Value", "Converter", .. ObjectMembers];

    /// <summary>The members of the JSON context besides its metadata properties (JsonContextEmitter, FastPathEmitter).</summary>
    public static readonly string[] JsonContextMembers = ["Default", "ForOperations", "Options", "GetTypeInfo", "GeneratedSerializerOptions", "WriteValue", "Reach", "CreateAny", .. ObjectMembers];

    /// <summary>
    /// Members of ApiClientOptions (and object) that the options properties a document adds (security schemes' credentials,
    /// shared headers, server variables) must not take; they are all named in one scope.
    /// </summary>
    public static readonly string[] OptionsMembers =
    [
        "ApiKey", "AccessTokenProvider", "BaseAddress", "Timeout", "TotalTimeout", "MaxRetries", "RetryDelay", "MaxRetryDelay",
        "RateLimiter", "AllowInsecureHttp", "IgnoreOperationServers", "Log", "UserAgent", "MaxErrorBodyBytes", "MaxResponseBodyBytes", "Bind",
        "ReadSetting", "DefaultMaxErrorBodyBytes", "DefaultMaxResponseBodyBytes", "DefaultMaxRetries", "UseRateLimiter", "UserName", "Password",
        .. ObjectMembers,
    ];

    /// <summary>The members of the client besides its group properties and operations (ClientEmitter).</summary>
    public static readonly string[] ClientMembers = ["DefaultBaseAddress", "BaseAddress", "Dispose", "UserAgent", "CreateConnection", "WithRawResponse", "RawResponseClient", .. ObjectMembers];
}
