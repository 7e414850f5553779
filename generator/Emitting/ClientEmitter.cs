using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Model;
using static AutoSend.Gen.Emitting.KnownTypes;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// Writes the client class, its options class and one class per tag group; <see cref="OperationEmitter"/> writes the
/// operations inside them.
/// </summary>
internal static class ClientEmitter
{
    public static string EmitOptions(EmitContext context)
    {
        ClientSpec client = context.Client;
        SourceWriter writer = context.StartFile(out SourceWriter.Block ns);
        using (ns)
        {
            DocComment.Summary(writer, null, "Settings for <see cref=\"" + context.TypeName(client.ClientName) + "\"/>.");
            writer.Line("/// <remarks>");
            writer.Line("/// " + CredentialsRemark(client));
            writer.Line("/// </remarks>");
            writer.Line(context.GeneratedCodeAttribute);
            using (writer.Open("public sealed partial class " + client.OptionsName + " : " + Runtime.ApiClientOptions))
            {
                List<string> bind = SecurityEmitter.WriteOptionsMembers(writer, context);
                foreach (SharedHeaderSpec header in client.SharedHeaders)
                {
                    DocComment.Summary(writer, null, "The <c>" + DocComment.Inline(header.WireName) + "</c> header, sent on every call of an operation that declares it"
                        + " (a value passed to the call wins); null sends none." + (header.Description is { } d ? " " + DocComment.Inline(d) : string.Empty));
                    writer.Line("public string? " + header.PropertyName + " { get; set; }");
                    writer.Line();
                    bind.Add(header.PropertyName + " = ReadSetting(read, nameof(" + header.PropertyName + ")) ?? " + header.PropertyName + ";");
                }

                foreach (ServerVariableSpec variable in client.ServerVariables)
                {
                    WriteServerVariable(writer, variable, bind);
                }

                if (bind.Count > 0)
                {
                    DocComment.Summary(writer, null, "Reads the settings of <see cref=\"" + Runtime.ApiClientOptions + ".Bind\"/>, then the credentials of the document's security schemes, its shared headers and its server variables.");
                    DocComment.Param(writer, "read", null, "Returns the value of a key, or null when it is not set.");
                    using (writer.Open("public override void Bind(" + Bcl.Func + "<string, string?> read)"))
                    {
                        writer.Line("base.Bind(read);");
                        foreach (string line in bind)
                        {
                            writer.Line(line);
                        }
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
        string options = context.TypeName(client.OptionsName);
        OperationGroupSpec? root = client.Groups.FirstOrDefault(g => g.PropertyName.Length == 0);
        List<OperationGroupSpec> groups = client.Groups.Where(g => g.PropertyName.Length > 0).ToList();

        SourceWriter writer = context.StartFile(out SourceWriter.Block ns);
        using (ns)
        {
            DocComment.Summary(writer, null, "The client for " + (client.Title.Length > 0 ? "the " + DocComment.Inline(client.Title) : "the API") + ".");
            DocComment.Remarks(writer, client.Description);
            writer.Line(context.GeneratedCodeAttribute);
            using (writer.Open("public sealed partial class " + name + " : " + Bcl.IDisposable + ", " + context.TypeName(client.InterfaceName)))
            {
                writer.Line("private const string UserAgent = " + Literal.String("AutoSend.Gen/" + EmitContext.GeneratorVersion) + ";");
                writer.Line();
                OperationEmitter.WriteDescriptors(writer, context, root);
                writer.Lines($$"""
                    private readonly {{Runtime.ApiConnection}} _connection;

                    /// <summary>Creates a client with its own connection pool, which <see cref="Dispose"/> releases.</summary>
                    /// <param name="options">The client settings: credentials, base address, timeout.</param>
                    public {{name}}({{options}} options)
                        : this(CreateConnection(null, options), options)
                    {
                    }

                    /// <summary>
                    /// Creates a client that sends through <paramref name="httpClient"/>, which stays the caller's to dispose.
                    /// </summary>
                    /// <param name="httpClient">The HTTP client, for example one from <c>IHttpClientFactory</c>.</param>
                    /// <param name="options">The client settings: credentials and base address.</param>
                    public {{name}}({{Bcl.HttpClient}} httpClient, {{options}} options)
                        : this(CreateConnection(httpClient ?? throw new {{Bcl.ArgumentNullException}}(nameof(httpClient)), options), options)
                    {
                    }

                    """);
                WriteSharedFields(writer, client);
                using (writer.Open("private " + name + "(" + Runtime.ApiConnection + " connection, " + options + " options)"))
                {
                    writer.Line("_connection = connection;");
                    WriteSharedAssignments(writer, client);
                    foreach (OperationGroupSpec group in groups)
                    {
                        writer.Line(group.PropertyName + " = new " + context.TypeName(group.TypeName) + "(connection, options);");
                    }

                    if (root is not null)
                    {
                        writer.Line("WithRawResponse = new " + RawTypeName(context, name, root) + "(this);");
                    }
                }

                writer.Line();
                DocComment.Summary(writer, null, "Where requests go when the options and the HTTP client set no base address: the document's first server"
                    + (client.BaseAddressTemplate is null ? "." : ", with its variables' defaults (the options' values replace them when the client is built)."));
                writer.Line("public static " + Bcl.Uri + "? DefaultBaseAddress { get; } = " + (client.DefaultBaseAddress is null ? "null;" : context.New(Bcl.Uri, Literal.String(client.DefaultBaseAddress)) + ";"));
                writer.Line();
                DocComment.Summary(writer, null, "The absolute address requests are resolved against.");
                writer.Line("public " + Bcl.Uri + " BaseAddress => _connection.BaseAddress;");
                foreach (OperationGroupSpec group in groups)
                {
                    writer.Line();
                    DocComment.Summary(writer, group.Description, "The <c>" + DocComment.Inline(group.PropertyName) + "</c> operations.");
                    writer.Line("public " + context.TypeName(group.TypeName) + " " + group.PropertyName + " { get; }");
                }

                if (root is not null)
                {
                    WriteRawProperty(writer, context, name, client.InterfaceName, root);
                }

                // The interface's properties return the groups' interfaces; the client's own keep the classes.
                if (groups.Count > 0)
                {
                    writer.Line();
                }

                foreach (OperationGroupSpec group in groups)
                {
                    writer.Line(context.TypeName(group.InterfaceName) + " " + context.TypeName(client.InterfaceName) + "." + group.PropertyName + " => " + group.PropertyName + ";");
                }

                writer.Lines($$"""

                    /// <summary>Releases the connection pool if the client created it.</summary>
                    public void Dispose() => _connection.Dispose();

                    """);
                using (writer.Open("private static " + Runtime.ApiConnection + " CreateConnection(" + Bcl.HttpClient + "? httpClient, " + options + " options)"))
                {
                    writer.Line(context.ThrowIfNull("options"));
                    List<string> security = SecurityEmitter.Statement(context);
                    writer.Line("var security = " + security[0]);
                    foreach (string line in security.Skip(1))
                    {
                        writer.Line("    " + line);
                    }

                    string clientName = Literal.String(client.Namespace + "." + client.ClientName);
                    if (client.ServerVariables.IsEmpty)
                    {
                        writer.Line("return new " + Runtime.ApiConnection + "(httpClient, options, DefaultBaseAddress, security, UserAgent, " + clientName + ");");
                    }
                    else
                    {
                        // The variables are read once, like every other option, when the client is built.
                        writer.Line("var servers = new " + Runtime.ApiServers + "(new " + Bcl.Dictionary + "<string, string>");
                        writer.Line("{");
                        writer.Indent();
                        foreach (ServerVariableSpec variable in client.ServerVariables)
                        {
                            writer.Line("[" + Literal.String(variable.Name) + "] = options." + variable.PropertyName + ",");
                        }

                        writer.Unindent();
                        writer.Line("});");

                        writer.Line("var baseAddress = " + (client.BaseAddressTemplate is { } template
                            ? "options.BaseAddress ?? httpClient?.BaseAddress ?? servers.ResolveAbsolute(" + Literal.String(template) + ");"
                            : "DefaultBaseAddress;"));
                        writer.Line("return new " + Runtime.ApiConnection + "(httpClient, options, baseAddress, security, UserAgent, " + clientName + ", servers);");
                    }
                }

                OperationEmitter.WriteMethods(writer, context, root);
                if (root is not null)
                {
                    writer.Line();
                    WriteRawClass(writer, context, name, root);
                }
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
            writer.Line("/// <remarks>Reached through <see cref=\"" + context.TypeName(context.Client.ClientName) + "." + group.PropertyName + "\"/>.</remarks>");
            writer.Line(context.GeneratedCodeAttribute);
            using (writer.Open("public sealed partial class " + group.TypeName + " : " + context.TypeName(group.InterfaceName)))
            {
                OperationEmitter.WriteDescriptors(writer, context, group);
                writer.Line("private readonly " + Runtime.ApiConnection + " _connection;");
                WriteSharedFields(writer, context.Client);
                writer.Line();
                using (writer.Open("internal " + group.TypeName + "(" + Runtime.ApiConnection + " connection, " + context.TypeName(context.Client.OptionsName) + " options)"))
                {
                    writer.Line("_connection = connection;");
                    WriteSharedAssignments(writer, context.Client);
                    writer.Line("WithRawResponse = new " + RawTypeName(context, group.TypeName, group) + "(this);");
                }

                WriteRawProperty(writer, context, group.TypeName, group.InterfaceName, group);
                OperationEmitter.WriteMethods(writer, context, group);
                writer.Line();
                WriteRawClass(writer, context, group.TypeName, group);
            }
        }

        return writer.ToString();
    }

    /// <summary>The summary of every <c>WithRawResponse</c> property.</summary>
    public const string RawPropertySummary = "The same operations, each returning the whole response: its status code, its headers and the body.";

    /// <summary>The raw mirror class of a group (or of the client's untagged operations), nested in its class.</summary>
    private static string RawTypeName(EmitContext context, string containerName, OperationGroupSpec group) =>
        context.TypeName(containerName) + "." + group.RawTypeName;

    // WithRawResponse, with the concrete mirror, and the interface's, which returns the mirror's interface.
    private static void WriteRawProperty(SourceWriter writer, EmitContext context, string containerName, string interfaceName, OperationGroupSpec group)
    {
        writer.Line();
        DocComment.Summary(writer, null, RawPropertySummary);
        writer.Line("public " + RawTypeName(context, containerName, group) + " WithRawResponse { get; }");
        writer.Line();
        writer.Line(context.TypeName(group.RawInterfaceName) + " " + context.TypeName(interfaceName) + ".WithRawResponse => WithRawResponse;");
    }

    // The mirror: the same overloads, each sending through the container's connection, descriptors and request
    // builders (which stay private: a nested class may use them) and returning the whole response.
    private static void WriteRawClass(SourceWriter writer, EmitContext context, string containerName, OperationGroupSpec group)
    {
        string container = context.TypeName(containerName);
        string label = group.PropertyName.Length > 0 ? "The <c>" + DocComment.Inline(group.PropertyName) + "</c> operations" : "The operations of the client";
        DocComment.Summary(writer, null, label + ", each returning the whole response: its status code, its headers and the body.");
        writer.Line("/// <remarks>Reached through <see cref=\"" + container + ".WithRawResponse\"/>. An error status throws as from the plain methods.</remarks>");
        writer.Line(context.GeneratedCodeAttribute);
        using (writer.Open("public sealed partial class " + group.RawTypeName + " : " + context.TypeName(group.RawInterfaceName)))
        {
            writer.Line("private readonly " + container + " " + OperationEmitter.RawOwner + ";");
            writer.Line();
            using (writer.Open("internal " + group.RawTypeName + "(" + container + " client)"))
            {
                writer.Line(OperationEmitter.RawOwner + " = client;");
            }

            OperationEmitter.WriteMethods(writer, context, group, MethodSet.RawClass);
        }
    }

    // A server variable: a string property checked against the document's enum, read by Bind like the other settings.
    private static void WriteServerVariable(SourceWriter writer, ServerVariableSpec variable, List<string> bind)
    {
        string field = "_server" + variable.PropertyName;
        string values = string.Concat(variable.Values.Select(v => ", " + Literal.String(v)));
        DocComment.Summary(writer, variable.Description, "The <c>" + DocComment.Inline(variable.Name) + "</c> variable of the document's server URLs.");
        writer.Line("/// <remarks>");
        writer.Line("/// The <c>{" + DocComment.Inline(variable.Name) + "}</c> of the server URLs. Default: <c>" + DocComment.Inline(variable.Default) + "</c>."
            + (variable.Values.IsEmpty ? string.Empty : " One of " + string.Join(", ", variable.Values.Select(v => "<c>" + DocComment.Inline(v) + "</c>")) + "."));
        writer.Line("/// It shapes the default base address (when <see cref=\"" + Runtime.ApiClientOptions + ".BaseAddress\"/> is not set) and the servers of the operations that declare their own.");
        writer.Line("/// </remarks>");
        writer.Line(variable.Values.IsEmpty
            ? "/// <exception cref=\"" + Bcl.ArgumentNullException + "\">The value is null.</exception>"
            : "/// <exception cref=\"" + Bcl.ArgumentOutOfRangeException + "\">The value is not one the document allows.</exception>");
        using (writer.Open("public string " + variable.PropertyName))
        {
            writer.Line("get => " + field + ";");
            writer.Line("set => " + field + " = " + Runtime.ApiServers + ".Check(nameof(" + variable.PropertyName + "), value" + values + ");");
        }

        writer.Line();
        writer.Line("private string " + field + " = " + Literal.String(variable.Default) + ";");
        writer.Line();
        bind.Add(variable.PropertyName + " = " + Runtime.ApiServers + ".CheckSetting(nameof(" + variable.PropertyName + "), ReadSetting(read, nameof(" + variable.PropertyName + ")) ?? "
            + variable.PropertyName + values + ");");
    }

    /// <summary>The field that holds a shared header's option, read once when the client is built.</summary>
    public static string SharedField(string propertyName) => "_shared" + propertyName;

    private static void WriteSharedFields(SourceWriter writer, ClientSpec client)
    {
        foreach (SharedHeaderSpec header in client.SharedHeaders)
        {
            writer.Line("private readonly string? " + SharedField(header.PropertyName) + ";");
        }
    }

    private static void WriteSharedAssignments(SourceWriter writer, ClientSpec client)
    {
        foreach (SharedHeaderSpec header in client.SharedHeaders)
        {
            writer.Line(SharedField(header.PropertyName) + " = options." + header.PropertyName + ";");
        }
    }

    private static string CredentialsRemark(ClientSpec client)
    {
        const string apiKey = "<see cref=\"" + Runtime.ApiClientOptions + ".ApiKey\"/>";
        string others = client.Security.Count > 1 ? " Each other security scheme of the document has its own properties, named after it; each operation sends the credentials its requirement names." : string.Empty;
        return client.Security.FirstOrDefault() switch
        {
            { Kind: SecuritySchemeKind.Bearer } => apiKey + " is sent as a bearer token (<c>Authorization: Bearer</c>), or the token <see cref=\"" + Runtime.ApiClientOptions + ".AccessTokenProvider\"/> returns.",
            { Kind: SecuritySchemeKind.ApiKeyQuery } scheme => apiKey + " is sent in the <c>" + DocComment.Inline(scheme.ParameterName ?? "api_key") + "</c> query parameter.",
            { Kind: SecuritySchemeKind.ApiKeyCookie } scheme => apiKey + " is sent in the <c>" + DocComment.Inline(scheme.ParameterName ?? "api_key") + "</c> cookie.",
            { Kind: SecuritySchemeKind.Basic, IsPrimary: true } => "<see cref=\"UserName\"/> and <see cref=\"Password\"/> are sent with HTTP basic authentication.",
            { Kind: SecuritySchemeKind.Basic, UserName: { } user, Password: { } password } => "<see cref=\"" + user + "\"/> and <see cref=\"" + password + "\"/> are sent with HTTP basic authentication.",
            { Kind: SecuritySchemeKind.ApiKeyHeader } scheme => apiKey + " is sent in the <c>" + DocComment.Inline(scheme.ParameterName ?? "X-API-Key") + "</c> header.",
            _ => "The document declares no security scheme the client applies; requests carry no credentials.",
        } + others;
    }
}
