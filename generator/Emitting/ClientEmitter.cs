using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;
using AutoSend.Gen.Parsing;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// Writes the client class, its options class and one class per tag group; <see cref="OperationEmitter"/> writes the
/// operations inside them.
/// </summary>
internal static class ClientEmitter
{
    private const string Runtime = "global::AutoSend.Runtime";
    private const string Primitives = Runtime + ".Primitives";

    public static string EmitOptions(EmitContext context)
    {
        ClientSpec client = context.Client;
        SourceWriter writer = context.StartFile(out SourceWriter.Block ns);
        using (ns)
        {
            DocComment.Summary(writer, null, "Settings for <see cref=\"" + client.ClientName + "\"/>.");
            writer.Line("/// <remarks>");
            writer.Line("/// " + CredentialsRemark(client));
            writer.Line("/// </remarks>");
            writer.Line(context.GeneratedCodeAttribute);
            using (writer.Open("public sealed partial class " + client.OptionsName + " : " + Runtime + ".ApiClientOptions"))
            {
                if (client.Security.FirstOrDefault()?.Kind == SecuritySchemeKind.Basic)
                {
                    DocComment.Summary(writer, null, "The user name for HTTP basic authentication.");
                    writer.Line("public string? UserName { get; set; }");
                    writer.Line();
                    DocComment.Summary(writer, null, "The password for HTTP basic authentication; never shown by <see cref=\"object.ToString\"/>.");
                    writer.Line("public string? Password { get; set; }");
                    writer.Line();
                    DocComment.Summary(writer, null, "Reads the settings of <see cref=\"" + Runtime + ".ApiClientOptions.Bind\"/>, then <c>UserName</c> and <c>Password</c>.");
                    DocComment.Param(writer, "read", null, "Returns the value of a key, or null when it is not set.");
                    using (writer.Open("public override void Bind(global::System.Func<string, string?> read)"))
                    {
                        writer.Line("base.Bind(read);");
                        writer.Line("UserName = ReadSetting(read, nameof(UserName)) ?? UserName;");
                        writer.Line("Password = ReadSetting(read, nameof(Password)) ?? Password;");
                    }
                }
            }
        }

        return writer.ToString();
    }

    public static string EmitClient(EmitContext context)
    {
        ClientSpec client = context.Client;
        string name = client.ClientName;
        OperationGroupSpec? root = client.Groups.FirstOrDefault(g => g.PropertyName.Length == 0);
        List<OperationGroupSpec> groups = client.Groups.Where(g => g.PropertyName.Length > 0).ToList();

        SourceWriter writer = context.StartFile(out SourceWriter.Block ns);
        using (ns)
        {
            DocComment.Summary(writer, null, "The client for " + (client.Title.Length > 0 ? "the " + DocComment.Inline(client.Title) : "the API") + ".");
            DocComment.Remarks(writer, client.Description);
            writer.Line(context.GeneratedCodeAttribute);
            using (writer.Open("public sealed partial class " + name + " : global::System.IDisposable"))
            {
                writer.Line("private const string UserAgent = " + Literal.String("AutoSend.Gen/" + EmitContext.GeneratorVersion) + ";");
                writer.Line();
                OperationEmitter.WriteDescriptors(writer, context, root);
                writer.Line("private readonly " + Primitives + ".ApiConnection _connection;");
                writer.Line();
                DocComment.Summary(writer, null, "Creates a client with its own connection pool, which <see cref=\"Dispose\"/> releases.");
                DocComment.Param(writer, "options", null, "The client settings: credentials, base address, timeout.");
                writer.Line("public " + name + "(" + client.OptionsName + " options)");
                writer.Line("    : this(CreateConnection(null, options))");
                writer.Line("{");
                writer.Line("}");
                writer.Line();
                DocComment.Summary(writer, null, "Creates a client that sends through <paramref name=\"httpClient\"/>, which stays the caller's to dispose.");
                DocComment.Param(writer, "httpClient", null, "The HTTP client, for example one from <c>IHttpClientFactory</c>.");
                DocComment.Param(writer, "options", null, "The client settings: credentials and base address.");
                writer.Line("public " + name + "(global::System.Net.Http.HttpClient httpClient, " + client.OptionsName + " options)");
                writer.Line("    : this(CreateConnection(httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient)), options))");
                writer.Line("{");
                writer.Line("}");
                writer.Line();
                using (writer.Open("private " + name + "(" + Primitives + ".ApiConnection connection)"))
                {
                    writer.Line("_connection = connection;");
                    foreach (OperationGroupSpec group in groups)
                    {
                        writer.Line(group.PropertyName + " = new " + group.TypeName + "(connection);");
                    }
                }

                writer.Line();
                DocComment.Summary(writer, null, "Where requests go when the options and the HTTP client set no base address: the document's first server.");
                writer.Line("public static global::System.Uri? DefaultBaseAddress { get; } = " + (client.DefaultBaseAddress is null ? "null;" : "new(" + Literal.String(client.DefaultBaseAddress) + ");"));
                writer.Line();
                DocComment.Summary(writer, null, "The absolute address requests are resolved against.");
                writer.Line("public global::System.Uri BaseAddress => _connection.BaseAddress;");
                foreach (OperationGroupSpec group in groups)
                {
                    writer.Line();
                    DocComment.Summary(writer, group.Description, "The <c>" + DocComment.Inline(group.PropertyName) + "</c> operations.");
                    writer.Line("public " + group.TypeName + " " + group.PropertyName + " { get; }");
                }

                writer.Line();
                DocComment.Summary(writer, null, "Releases the connection pool if the client created it.");
                writer.Line("public void Dispose() => _connection.Dispose();");
                writer.Line();
                using (writer.Open("private static " + Primitives + ".ApiConnection CreateConnection(global::System.Net.Http.HttpClient? httpClient, " + client.OptionsName + " options)"))
                {
                    writer.Line("global::System.ArgumentNullException.ThrowIfNull(options);");
                    writer.Line("return new " + Primitives + ".ApiConnection(httpClient, options, DefaultBaseAddress, " + Authentication(client) + ", UserAgent, "
                        + Literal.String(client.Namespace + "." + client.ClientName) + ");");
                }

                OperationEmitter.WriteMethods(writer, context, root);
            }
        }

        return writer.ToString();
    }

    public static string EmitGroup(EmitContext context, OperationGroupSpec group)
    {
        SourceWriter writer = context.StartFile(out SourceWriter.Block ns);
        using (ns)
        {
            DocComment.Summary(writer, group.Description, "The <c>" + DocComment.Inline(group.PropertyName) + "</c> operations.");
            writer.Line("/// <remarks>Reached through <see cref=\"" + context.Client.ClientName + "." + group.PropertyName + "\"/>.</remarks>");
            writer.Line(context.GeneratedCodeAttribute);
            using (writer.Open("public sealed partial class " + group.TypeName))
            {
                OperationEmitter.WriteDescriptors(writer, context, group);
                writer.Line("private readonly " + Primitives + ".ApiConnection _connection;");
                writer.Line();
                using (writer.Open("internal " + group.TypeName + "(" + Primitives + ".ApiConnection connection)"))
                {
                    writer.Line("_connection = connection;");
                }

                OperationEmitter.WriteMethods(writer, context, group);
            }
        }

        return writer.ToString();
    }

    private static string Authentication(ClientSpec client) => client.Security.FirstOrDefault() switch
    {
        { Kind: SecuritySchemeKind.Bearer } => "options.AccessTokenProvider is { } provider ? " + Primitives + ".ApiAuthentication.Bearer(provider) : " + Primitives + ".ApiAuthentication.Bearer(options.ApiKey)",
        { Kind: SecuritySchemeKind.ApiKeyQuery } scheme => Primitives + ".ApiAuthentication.ApiKeyQuery(" + Literal.String(scheme.ParameterName ?? "api_key") + ", options.ApiKey)",
        { Kind: SecuritySchemeKind.ApiKeyCookie } scheme => Primitives + ".ApiAuthentication.ApiKeyCookie(" + Literal.String(scheme.ParameterName ?? "api_key") + ", options.ApiKey)",
        { Kind: SecuritySchemeKind.Basic } => Primitives + ".ApiAuthentication.Basic(options.UserName, options.Password)",
        { Kind: SecuritySchemeKind.ApiKeyHeader } scheme => Primitives + ".ApiAuthentication.ApiKeyHeader(" + Literal.String(scheme.ParameterName ?? "X-API-Key") + ", options.ApiKey)",
        _ => "null",
    };

    private static string CredentialsRemark(ClientSpec client) => client.Security.FirstOrDefault() switch
    {
        { Kind: SecuritySchemeKind.Bearer } => "<see cref=\"global::AutoSend.Runtime.ApiClientOptions.ApiKey\"/> is sent as a bearer token (<c>Authorization: Bearer</c>), or the token <see cref=\"global::AutoSend.Runtime.ApiClientOptions.AccessTokenProvider\"/> returns.",
        { Kind: SecuritySchemeKind.ApiKeyQuery } scheme => "<see cref=\"global::AutoSend.Runtime.ApiClientOptions.ApiKey\"/> is sent in the <c>" + DocComment.Inline(scheme.ParameterName ?? "api_key") + "</c> query parameter.",
        { Kind: SecuritySchemeKind.ApiKeyCookie } scheme => "<see cref=\"global::AutoSend.Runtime.ApiClientOptions.ApiKey\"/> is sent in the <c>" + DocComment.Inline(scheme.ParameterName ?? "api_key") + "</c> cookie.",
        { Kind: SecuritySchemeKind.Basic } => "<see cref=\"UserName\"/> and <see cref=\"Password\"/> are sent with HTTP basic authentication.",
        { Kind: SecuritySchemeKind.ApiKeyHeader } scheme => "<see cref=\"global::AutoSend.Runtime.ApiClientOptions.ApiKey\"/> is sent in the <c>" + DocComment.Inline(scheme.ParameterName ?? "X-API-Key") + "</c> header.",
        _ => "The document declares no security scheme the client applies; requests carry no credentials.",
    };
}
