using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Model;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// Writes what the document's security schemes need: the options properties of each scheme's credentials, and the
/// <c>ApiSecurity</c> the client builds from them (every scheme with credentials, and the document's requirement).
/// </summary>
internal static class SecurityEmitter
{
    private const string Primitives = "global::AutoSend.Runtime.Primitives";
    private const string TokenProviderType = "global::System.Func<global::System.Threading.CancellationToken, global::System.Threading.Tasks.ValueTask<string?>>";

    /// <summary>Writes the options properties; returns the statements that <c>Bind</c> adds for them.</summary>
    public static List<string> WriteOptionsMembers(SourceWriter writer, EmitContext context)
    {
        ClientSpec client = context.Client;
        var bind = new List<string>();
        foreach (SecuritySchemeSpec scheme in client.Security)
        {
            string about = "the <c>" + DocComment.Inline(scheme.Key) + "</c> security scheme";
            if (scheme.IsPrimary && scheme.Kind == SecuritySchemeKind.Basic)
            {
                Property(writer, "string?", "UserName", "The user name for HTTP basic authentication (" + about + ").", bind);
                Property(writer, "string?", "Password", "The password for HTTP basic authentication (" + about + "); never shown by <see cref=\"object.ToString\"/>.", bind);
            }

            if (scheme.Secret is { } secret)
            {
                string what = scheme.Kind switch
                {
                    SecuritySchemeKind.Bearer => "The token sent as <c>Authorization: Bearer</c> for " + about,
                    SecuritySchemeKind.ApiKeyQuery => "The key sent in the <c>" + DocComment.Inline(scheme.ParameterName ?? string.Empty) + "</c> query parameter for " + about,
                    SecuritySchemeKind.ApiKeyCookie => "The key sent in the <c>" + DocComment.Inline(scheme.ParameterName ?? string.Empty) + "</c> cookie for " + about,
                    _ => "The key sent in the <c>" + DocComment.Inline(scheme.ParameterName ?? string.Empty) + "</c> header for " + about,
                };
                Property(writer, "string?", secret, what + "; null sends none. Never shown by <see cref=\"object.ToString\"/>.", bind);
            }

            if (scheme.TokenProvider is { } provider)
            {
                DocComment.Summary(writer, null, "Returns the token for " + about + ", asked again for every attempt; when set, it is used instead of <see cref=\"" + scheme.Secret + "\"/>.");
                writer.Line("public " + TokenProviderType + "? " + provider + " { get; set; }");
                writer.Line();
            }

            if (scheme.UserName is { } user)
            {
                Property(writer, "string?", user, "The user name for HTTP basic authentication (" + about + ").", bind);
                Property(writer, "string?", scheme.Password!, "The password for HTTP basic authentication (" + about + "); never shown by <see cref=\"object.ToString\"/>.", bind);
            }

            if (scheme.ClientCredentials is { } flow)
            {
                string endpoint = "<c>" + DocComment.Inline(flow.TokenUrl) + "</c>";
                Property(writer, "string?", flow.ClientId, "The OAuth 2 client id for " + about + ": with <see cref=\"" + flow.ClientSecret + "\"/>, tokens are obtained from " + endpoint + " (client credentials) and refreshed before they expire.", bind);
                Property(writer, "string?", flow.ClientSecret, "The OAuth 2 client secret for " + about + "; never shown by <see cref=\"object.ToString\"/>, in a message or a log entry.", bind);
                DocComment.Summary(writer, null, "The scopes asked for with the client credentials; null asks for "
                    + (flow.Scopes.Count == 0 ? "none (the server's default)." : "those the document's operations require: " + string.Join(", ", flow.Scopes.Select(s => "<c>" + DocComment.Inline(s) + "</c>")) + "."));
                writer.Line("public global::System.Collections.Generic.IReadOnlyList<string>? " + flow.ScopesProperty + " { get; set; }");
                writer.Line();
                // Below .NET 5 (no TrimEntries, no Split(char, options)), every white-space character separates.
                bind.Add("if (ReadSetting(read, nameof(" + flow.ScopesProperty + ")) is " + (context.Features.CSharp8 ? "{ }" : "string") + " text" + flow.ScopesProperty + ") { " + flow.ScopesProperty + " = text" + flow.ScopesProperty
                    + (context.Features.TrimEntries
                        ? ".Split(' ', global::System.StringSplitOptions.RemoveEmptyEntries | global::System.StringSplitOptions.TrimEntries); }"
                        : ".Split(new[] { ' ', '\\t', '\\r', '\\n' }, global::System.StringSplitOptions.RemoveEmptyEntries); }"));
            }
        }

        return bind;
    }

    /// <summary>The lines of the expression that builds the client's <c>ApiSecurity</c> from <c>options</c>; the last ends the statement.</summary>
    public static List<string> Statement(EmitContext context)
    {
        ClientSpec client = context.Client;
        var lines = new List<string> { "new " + Primitives + ".ApiSecurity(" + Alternatives(client.DefaultSecurity) + ")" };
        lines.AddRange(client.Security.Select(scheme => ".Add(" + Literal.String(scheme.Key) + ", " + Authentication(context, scheme) + ")"));
        lines[lines.Count - 1] += ";";
        return lines;
    }

    /// <summary>The arguments of <c>WithSecurity</c>/<c>ApiSecurity</c>: one string array per alternative.</summary>
    public static string Alternatives(Helpers.EquatableArray<SecurityRequirementSpec> requirements) => string.Join(", ", requirements.Select(r => r.Schemes.Count == 0
        ? "global::System.Array.Empty<string>()"
        : "new[] { " + string.Join(", ", r.Schemes.Select(Literal.String)) + " }"));

    private static string Authentication(EmitContext context, SecuritySchemeSpec scheme)
    {
        string secret = scheme.IsPrimary ? "options.ApiKey" : "options." + scheme.Secret;
        string name = Literal.String(scheme.ParameterName ?? string.Empty);
        switch (scheme.Kind)
        {
            case SecuritySchemeKind.Basic:
                return Primitives + ".ApiAuthentication.Basic(" + (scheme.IsPrimary ? "options.UserName, options.Password" : "options." + scheme.UserName + ", options." + scheme.Password) + ")";
            case SecuritySchemeKind.ApiKeyHeader:
                return Primitives + ".ApiAuthentication.ApiKeyHeader(" + name + ", " + secret + ")";
            case SecuritySchemeKind.ApiKeyQuery:
                return Primitives + ".ApiAuthentication.ApiKeyQuery(" + name + ", " + secret + ")";
            case SecuritySchemeKind.ApiKeyCookie:
                return Primitives + ".ApiAuthentication.ApiKeyCookie(" + name + ", " + secret + ")";
        }

        // Bearer: a provider, then client credentials, then the fixed token. Pattern variables get the scheme's name:
        // they share the scope of the one statement that builds every scheme.
        string suffix = Local(scheme.Key);
        string provider = scheme.IsPrimary ? "options.AccessTokenProvider" : "options." + scheme.TokenProvider;
        string result = Primitives + ".ApiAuthentication.Bearer(" + secret + ")";
        if (scheme.ClientCredentials is { } flow)
        {
            string scopes = "options." + flow.ScopesProperty + " ?? " + (flow.Scopes.Count == 0 ? "global::System.Array.Empty<string>()" : "new[] { " + string.Join(", ", flow.Scopes.Select(Literal.String)) + " }");
            string isString = context.Features.CSharp8 ? " is { } " : " is string ";
            result = "options." + flow.ClientId + isString + "clientId" + suffix + " && options." + flow.ClientSecret + isString + "clientSecret" + suffix + " ? "
                + Primitives + ".ApiAuthentication.OAuth2(new global::AutoSend.Runtime.OAuth2ClientCredentials(new global::System.Uri("
                + Literal.String(flow.TokenUrl) + ", global::System.UriKind.RelativeOrAbsolute), clientId" + suffix + ", clientSecret" + suffix + ", " + scopes + ")) : " + result;
        }

        return provider + (context.Features.CSharp8 ? " is { } " : " is " + TokenProviderType + " ") + "provider" + suffix + " ? " + Primitives + ".ApiAuthentication.Bearer(provider" + suffix + ") : " + result;
    }

    private static string Local(string name) => Naming.Identifier.ToPascalCase(name, "_", "Value");

    private static void Property(SourceWriter writer, string type, string name, string summary, List<string> bind)
    {
        DocComment.Summary(writer, null, summary);
        writer.Line("public " + type + " " + name + " { get; set; }");
        writer.Line();
        bind.Add(name + " = ReadSetting(read, nameof(" + name + ")) ?? " + name + ";");
    }
}
