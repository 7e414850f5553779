using System.Linq;
using AutoSend.Gen.Model;
using static AutoSend.Gen.Emitting.KnownTypes;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// Writes <c>&lt;Client&gt;ServiceCollectionExtensions</c>: <c>services.Add&lt;Client&gt;(...)</c>, which registers the
/// client as a typed client of <c>IHttpClientFactory</c>. Emitted only when the consumer references
/// Microsoft.Extensions.Http (<see cref="ReferencedPackages"/>), so the runtime itself stays BCL-only.
/// </summary>
/// <remarks>
/// The generated code decides who retries: the client by default; a resilience handler in the HttpClient's pipeline
/// when there is one, in which case the client's <c>MaxRetries</c> becomes 0. It finds the handler with a
/// <c>PostConfigure&lt;HttpClientFactoryOptions&gt;</c> action, which runs after every handler registration (also those
/// made after <c>Add&lt;Client&gt;</c>) and before the typed-client factory builds the client.
/// </remarks>
internal static class DependencyInjectionEmitter
{
    /// <summary>The static class's name, e.g. <c>AutoSendClientServiceCollectionExtensions</c>.</summary>
    public static string ClassName(ClientSpec client) => client.ClientName + "ServiceCollectionExtensions";

    public static string Emit(EmitContext context, string ns, bool configuration)
    {
        ClientSpec client = context.Client;
        string clientType = context.TypeName(client.ClientName);
        string optionsType = context.TypeName(client.OptionsName);
        string clientCref = "<see cref=\"" + clientType + "\"/>";
        string optionsCref = "<see cref=\"" + optionsType + "\"/>";
        string method = "Add" + client.ClientName;
        string category = client.Namespace + "." + client.ClientName;
        const string OptionsExtensions = Extensions.OptionsServiceCollectionExtensions;

        SourceWriter writer = context.StartFile(ns, out SourceWriter.Block namespaceBlock);
        using (namespaceBlock)
        {
            DocComment.Summary(writer, null, "Registers " + clientCref + " with dependency injection, as a typed client of <c>IHttpClientFactory</c>.");
            writer.Lines($$"""
                /// <remarks>
                /// The client retries failed calls itself (<see cref="{{Runtime.ApiClientOptions}}.MaxRetries"/>) unless the
                /// <see cref="{{Bcl.HttpClient}}"/>'s pipeline has a resilience handler (from
                /// Microsoft.Extensions.Http.Resilience, such as <c>AddStandardResilienceHandler()</c>, or Polly's
                /// <c>PolicyHttpMessageHandler</c>): then the handler owns retries and the client's <c>MaxRetries</c> is set to 0,
                /// so that no request is retried twice. When an <see cref="{{Extensions.ILoggerFactory}}"/> is registered and
                /// <see cref="{{Runtime.ApiClientOptions}}.Log"/> is not set, the client logs to the category
                /// <c>{{DocComment.Inline(category)}}</c>.
                /// </remarks>
                """);
            writer.Line(context.GeneratedCodeAttribute);
            using (writer.Open("public static class " + ClassName(client)))
            {
                writer.Line("private const string LoggerCategory = " + Literal.String(category) + ";");
                writer.Line();
                DocComment.Summary(writer, null,
                    "Registers " + clientCref + " as a typed client of <c>IHttpClientFactory</c>, with its\n" + optionsCref + " as named options.");
                writer.Lines($$"""
                    /// <remarks>
                    /// The HTTP client and the options are both named <c>{{DocComment.Inline(client.ClientName)}}</c> (the returned builder's
                    /// <see cref="{{Extensions.IHttpClientBuilder}}.Name"/>). Without a <see cref="{{Runtime.ApiClientOptions}}.BaseAddress"/>,
                    /// requests go to the <see cref="{{Bcl.HttpClient}}.BaseAddress"/> set with <c>ConfigureHttpClient</c>,
                    /// else to the document's first server. <see cref="{{context.TypeName(client.InterfaceName)}}"/> and the interface of each
                    /// group are registered too (transient), resolved through the client.
                    /// </remarks>
                    /// <param name="services">The service collection.</param>
                    /// <param name="configure">Sets the client's options: credentials, base address, retries, timeouts.</param>
                    /// <returns>The builder of the named HTTP client, to add handlers such as <c>AddStandardResilienceHandler()</c>.</returns>
                    public static {{Extensions.IHttpClientBuilder}} {{method}}(this {{Extensions.IServiceCollection}} services, {{Bcl.Action}}<{{optionsType}}>? configure = null)
                    {
                        {{context.ThrowIfNull("services")}}
                        {{Extensions.IHttpClientBuilder}} builder = {{Extensions.HttpClientFactoryServiceCollectionExtensions}}.AddHttpClient(services, {{Literal.String(client.ClientName)}});
                        string name = builder.Name;
                        {{Extensions.OptionsBuilder}}<{{optionsType}}> options = {{OptionsExtensions}}.AddOptions<{{optionsType}}>(services, name);
                        if (configure is not null)
                        {
                            options.Configure(configure);
                        }

                        // After every Configure: log through ILogger unless the caller set Log.
                        options.PostConfigure<{{Bcl.IServiceProvider}}>(static (value, provider) => ConnectLogging(value, provider));

                        // Who retries: the probe runs each time the factory builds this client's handler chain, after every handler
                        // was added (also those added after this call), and before the typed-client factory below runs.
                        var retries = new RetryOwnership();
                        {{OptionsExtensions}}.PostConfigure<{{Extensions.HttpClientFactoryOptions}}>(services, name, factoryOptions =>
                            factoryOptions.HttpMessageHandlerBuilderActions.Add(handlerBuilder => retries.HandlerRetries = HasResilienceHandler(handlerBuilder.AdditionalHandlers)));
                        {{Extensions.HttpClientBuilderExtensions}}.AddTypedClient<{{clientType}}>(builder, (httpClient, provider) => Create(httpClient, provider, name, retries));

                        // The interfaces resolve through the typed client (transient, like it); a group's is that client's group.
                    """);
                writer.Indent();
                WriteInterfaceRegistration(writer, context.TypeName(client.InterfaceName), "provider", clientType, string.Empty);
                foreach (OperationGroupSpec group in client.Groups.Where(g => g.PropertyName.Length > 0))
                {
                    WriteInterfaceRegistration(writer, context.TypeName(group.InterfaceName), "provider", clientType, "." + group.PropertyName);
                }

                writer.Line("return builder;");
                writer.Unindent();
                writer.Line("}");

                if (configuration)
                {
                    writer.Line();
                    WriteConfigurationOverload(writer, context, client, clientCref, optionsCref, optionsType, method);
                }

                writer.Lines($$"""

                    private static {{clientType}} Create({{Bcl.HttpClient}} httpClient, {{Bcl.IServiceProvider}} provider, string name, RetryOwnership retries)
                    {
                        {{optionsType}} options = {{Extensions.ServiceProviderServiceExtensions}}.GetRequiredService<{{Extensions.IOptionsMonitor}}<{{optionsType}}>>(provider).Get(name);
                        if (retries.HandlerRetries && options.MaxRetries != 0)
                        {
                            // A resilience handler retries every request of this HttpClient; retrying here too would multiply the attempts.
                            // The handler chain is the same for every client of this name, so the named options say so once.
                            options.MaxRetries = 0;
                        }

                        return new {{clientType}}(httpClient, options);
                    }

                    private static bool HasResilienceHandler({{Bcl.IList}}<{{Bcl.DelegatingHandler}}> handlers)
                    {
                        foreach ({{Bcl.DelegatingHandler}} handler in handlers)
                        {
                            // By name: the resilience handler type is [Experimental], and neither package needs to be referenced.
                            string? type = handler.GetType().FullName;
                            if (type is not null && (type.StartsWith("Microsoft.Extensions.Http.Resilience.", {{Bcl.StringComparison}}.Ordinal) || type == "Microsoft.Extensions.Http.PolicyHttpMessageHandler"))
                            {
                                return true;
                            }
                        }

                        return false;
                    }

                    private static void ConnectLogging({{optionsType}} options, {{Bcl.IServiceProvider}} provider)
                    {
                        if (options.Log is null && {{Extensions.ServiceProviderServiceExtensions}}.GetService<{{Extensions.ILoggerFactory}}>(provider) is {{(context.Features.CSharp8 ? "{ }" : Extensions.ILoggerFactory)}} loggerFactory)
                        {
                            {{Extensions.ILogger}} logger = loggerFactory.CreateLogger(LoggerCategory);
                            options.Log = entry => Log(logger, entry);
                        }
                    }

                    private static void Log({{Extensions.ILogger}} logger, {{Runtime.ApiLogEntry}} entry)
                    {
                        // ApiLogLevel has the values of LogLevel. The message is built only when the level is enabled.
                        var level = ({{Extensions.LogLevel}})(int)entry.Level;
                        if (logger.IsEnabled(level))
                        {
                            logger.Log(level, new {{Extensions.EventId}}(entry.EventId, entry.EventName), entry, entry.Exception, static (state, _) => state.Message);
                        }
                    }

                    /// <summary>Whether the HttpClient's handler chain retries, as last seen when the factory built it.</summary>
                    private sealed class RetryOwnership
                    {
                        public bool HandlerRetries { get; set; }
                    }
                    """);
            }
        }

        return writer.ToString();
    }

    private static void WriteInterfaceRegistration(SourceWriter writer, string interfaceType, string provider, string clientType, string member) =>
        writer.Line(Extensions.ServiceCollectionDescriptorExtensions + ".TryAddTransient<" + interfaceType + ">(services, static " + provider + " => "
            + Extensions.ServiceProviderServiceExtensions + ".GetRequiredService<" + clientType + ">(" + provider + ")" + member + ");");

    // Add<Client>(services, configuration, configure): binds the options from configuration without reflection.
    private static void WriteConfigurationOverload(SourceWriter writer, EmitContext context, ClientSpec client, string clientCref, string optionsCref, string optionsType, string method)
    {
        bool basic = System.Linq.Enumerable.FirstOrDefault(client.Security)?.Kind == SecuritySchemeKind.Basic;
        DocComment.Summary(writer, null,
            "Registers " + clientCref + " as a typed client of <c>IHttpClientFactory</c>, with its\n" + optionsCref + " read from <paramref name=\"configuration\"/>, then from <paramref name=\"configure\"/>.");
        writer.Lines($$"""
            /// <remarks>
            /// Keys, read without reflection by <see cref="{{Runtime.ApiClientOptions}}.Bind"/>: <c>ApiKey</c>, <c>BaseAddress</c>,
            /// <c>MaxRetries</c>, <c>Timeout</c>, <c>TotalTimeout</c>, <c>RetryDelay</c>, <c>MaxRetryDelay</c>, <c>MaxResponseBodyBytes</c>,
            /// <c>MaxErrorBodyBytes</c>, <c>AllowInsecureHttp</c>, <c>UserAgent</c>{{(basic ? ", <c>UserName</c>, <c>Password</c>" : string.Empty)}}. They are read when the client is
            /// first resolved; a value that cannot be used throws <see cref="{{Bcl.InvalidOperationException}}"/> then,
            /// naming the key, never the value.
            /// </remarks>
            /// <param name="services">The service collection.</param>
            """);
        DocComment.Param(writer, "configuration", null, "The configuration section holding the options, for example <c>configuration.GetSection(\"" + DocComment.Inline(client.ClientName) + "\")</c>.");
        writer.Lines($$"""
            /// <param name="configure">Sets options after the configuration is read.</param>
            /// <returns>The builder of the named HTTP client, to add handlers such as <c>AddStandardResilienceHandler()</c>.</returns>
            public static {{Extensions.IHttpClientBuilder}} {{method}}(this {{Extensions.IServiceCollection}} services, {{Extensions.IConfiguration}} configuration, {{Bcl.Action}}<{{optionsType}}>? configure = null)
            {
                {{context.ThrowIfNull("configuration")}}
                return {{method}}(services, options =>
                {
                    Bind(options, configuration);
                    configure?.Invoke(options);
                });
            }

            private static void Bind({{optionsType}} options, {{Extensions.IConfiguration}} configuration)
            {
                string? key = null;
                try
                {
                    options.Bind(name => configuration[key = name]);
                }
                catch ({{Bcl.FormatException}} exception)
                {
                    string path = {{(context.Features.CSharp10
                        ? "configuration is " + Extensions.IConfigurationSection + " { Path.Length: > 0 } section"
                        : "configuration is " + Extensions.IConfigurationSection + " section && section.Path.Length > 0")}} ? section.Path + ":" + key : key ?? string.Empty;
                    throw new {{Bcl.InvalidOperationException}}("The configuration value '" + path + "' of {{client.ClientName}} cannot be used: " + exception.Message, exception);
                }
            }
            """);
    }
}
