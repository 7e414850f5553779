using AutoSend.Gen.Model;

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
    private const string Runtime = "global::AutoSend.Runtime";
    private const string DI = "global::Microsoft.Extensions.DependencyInjection";
    private const string Options = "global::Microsoft.Extensions.Options";
    private const string Logging = "global::Microsoft.Extensions.Logging";

    /// <summary>The static class's name, e.g. <c>AutoSendClientServiceCollectionExtensions</c>.</summary>
    public static string ClassName(ClientSpec client) => client.ClientName + "ServiceCollectionExtensions";

    public static string Emit(EmitContext context, bool configuration)
    {
        ClientSpec client = context.Client;
        string clientType = "global::" + client.Namespace + "." + client.ClientName;
        string optionsType = "global::" + client.Namespace + "." + client.OptionsName;
        string clientCref = "<see cref=\"" + clientType + "\"/>";
        string optionsCref = "<see cref=\"" + optionsType + "\"/>";
        string method = "Add" + client.ClientName;

        var writer = new SourceWriter();
        writer.FileHeader(context.SpecFileName);
        using (writer.Open("namespace Microsoft.Extensions.DependencyInjection"))
        {
            DocComment.Summary(writer, null, "Registers " + clientCref + " with dependency injection, as a typed client of <c>IHttpClientFactory</c>.");
            writer.Line("/// <remarks>");
            writer.Line("/// The client retries failed calls itself (<see cref=\"" + Runtime + ".ApiClientOptions.MaxRetries\"/>) unless the");
            writer.Line("/// <see cref=\"global::System.Net.Http.HttpClient\"/>'s pipeline has a resilience handler (from");
            writer.Line("/// Microsoft.Extensions.Http.Resilience, such as <c>AddStandardResilienceHandler()</c>, or Polly's");
            writer.Line("/// <c>PolicyHttpMessageHandler</c>): then the handler owns retries and the client's <c>MaxRetries</c> is set to 0,");
            writer.Line("/// so that no request is retried twice. When an <see cref=\"" + Logging + ".ILoggerFactory\"/> is registered and");
            writer.Line("/// <see cref=\"" + Runtime + ".ApiClientOptions.Log\"/> is not set, the client logs to the category");
            writer.Line("/// <c>" + DocComment.Inline(client.Namespace + "." + client.ClientName) + "</c>.");
            writer.Line("/// </remarks>");
            writer.Line(context.GeneratedCodeAttribute);
            using (writer.Open("public static class " + ClassName(client)))
            {
                writer.Line("private const string LoggerCategory = " + Literal.String(client.Namespace + "." + client.ClientName) + ";");
                writer.Line();

                DocComment.Summary(writer, null,
                    "Registers " + clientCref + " as a typed client of <c>IHttpClientFactory</c>, with its\n" + optionsCref + " as named options.");
                writer.Line("/// <remarks>");
                writer.Line("/// The HTTP client and the options are both named <c>" + DocComment.Inline(client.ClientName) + "</c> (the returned builder's");
                writer.Line("/// <see cref=\"" + DI + ".IHttpClientBuilder.Name\"/>). Without a <see cref=\"" + Runtime + ".ApiClientOptions.BaseAddress\"/>,");
                writer.Line("/// requests go to the <see cref=\"global::System.Net.Http.HttpClient.BaseAddress\"/> set with <c>ConfigureHttpClient</c>,");
                writer.Line("/// else to the document's first server.");
                writer.Line("/// </remarks>");
                DocComment.Param(writer, "services", null, "The service collection.");
                DocComment.Param(writer, "configure", null, "Sets the client's options: credentials, base address, retries, timeouts.");
                DocComment.Returns(writer, null, "The builder of the named HTTP client, to add handlers such as <c>AddStandardResilienceHandler()</c>.");
                using (writer.Open("public static " + DI + ".IHttpClientBuilder " + method + "(this " + DI + ".IServiceCollection services, global::System.Action<" + optionsType + ">? configure = null)"))
                {
                    writer.Line("global::System.ArgumentNullException.ThrowIfNull(services);");
                    writer.Line(DI + ".IHttpClientBuilder builder = " + DI + ".HttpClientFactoryServiceCollectionExtensions.AddHttpClient(services, " + Literal.String(client.ClientName) + ");");
                    writer.Line("string name = builder.Name;");
                    writer.Line(Options + ".OptionsBuilder<" + optionsType + "> options = " + DI + ".OptionsServiceCollectionExtensions.AddOptions<" + optionsType + ">(services, name);");
                    using (writer.Open("if (configure is not null)"))
                    {
                        writer.Line("options.Configure(configure);");
                    }

                    writer.Line();
                    writer.Line("// After every Configure: log through ILogger unless the caller set Log.");
                    writer.Line("options.PostConfigure<global::System.IServiceProvider>(static (value, provider) => ConnectLogging(value, provider));");
                    writer.Line();
                    writer.Line("// Who retries: the probe runs each time the factory builds this client's handler chain, after every handler");
                    writer.Line("// was added (also those added after this call), and before the typed-client factory below runs.");
                    writer.Line("var retries = new RetryOwnership();");
                    writer.Line(DI + ".OptionsServiceCollectionExtensions.PostConfigure<global::Microsoft.Extensions.Http.HttpClientFactoryOptions>(services, name, factoryOptions =>");
                    writer.Line("    factoryOptions.HttpMessageHandlerBuilderActions.Add(handlerBuilder => retries.HandlerRetries = HasResilienceHandler(handlerBuilder.AdditionalHandlers)));");
                    writer.Line(DI + ".HttpClientBuilderExtensions.AddTypedClient<" + clientType + ">(builder, (httpClient, provider) => Create(httpClient, provider, name, retries));");
                    writer.Line("return builder;");
                }

                if (configuration)
                {
                    writer.Line();
                    DocComment.Summary(writer, null,
                        "Registers " + clientCref + " as a typed client of <c>IHttpClientFactory</c>, with its\n" + optionsCref + " read from <paramref name=\"configuration\"/>, then from <paramref name=\"configure\"/>.");
                    writer.Line("/// <remarks>");
                    writer.Line("/// Keys, read without reflection by <see cref=\"" + Runtime + ".ApiClientOptions.Bind\"/>: <c>ApiKey</c>, <c>BaseAddress</c>,");
                    writer.Line("/// <c>MaxRetries</c>, <c>Timeout</c>, <c>TotalTimeout</c>, <c>RetryDelay</c>, <c>MaxRetryDelay</c>, <c>MaxResponseBodyBytes</c>,");
                    writer.Line("/// <c>MaxErrorBodyBytes</c>, <c>AllowInsecureHttp</c>, <c>UserAgent</c>" + (HasBasicAuth(client) ? ", <c>UserName</c>, <c>Password</c>" : string.Empty) + ". They are read when the client is");
                    writer.Line("/// first resolved; a value that cannot be used throws <see cref=\"global::System.InvalidOperationException\"/> then,");
                    writer.Line("/// naming the key, never the value.");
                    writer.Line("/// </remarks>");
                    DocComment.Param(writer, "services", null, "The service collection.");
                    DocComment.Param(writer, "configuration", null, "The configuration section holding the options, for example <c>configuration.GetSection(\"" + DocComment.Inline(client.ClientName) + "\")</c>.");
                    DocComment.Param(writer, "configure", null, "Sets options after the configuration is read.");
                    DocComment.Returns(writer, null, "The builder of the named HTTP client, to add handlers such as <c>AddStandardResilienceHandler()</c>.");
                    using (writer.Open("public static " + DI + ".IHttpClientBuilder " + method + "(this " + DI + ".IServiceCollection services, global::Microsoft.Extensions.Configuration.IConfiguration configuration, global::System.Action<" + optionsType + ">? configure = null)"))
                    {
                        writer.Line("global::System.ArgumentNullException.ThrowIfNull(configuration);");
                        writer.Line("return " + method + "(services, options =>");
                        writer.Line("{");
                        writer.Indent();
                        writer.Line("Bind(options, configuration);");
                        writer.Line("configure?.Invoke(options);");
                        writer.Unindent();
                        writer.Line("});");
                    }

                    writer.Line();
                    using (writer.Open("private static void Bind(" + optionsType + " options, global::Microsoft.Extensions.Configuration.IConfiguration configuration)"))
                    {
                        writer.Line("string? key = null;");
                        using (writer.Open("try"))
                        {
                            writer.Line("options.Bind(name => configuration[key = name]);");
                        }

                        using (writer.Open("catch (global::System.FormatException exception)"))
                        {
                            writer.Line("string path = configuration is global::Microsoft.Extensions.Configuration.IConfigurationSection { Path.Length: > 0 } section ? section.Path + \":\" + key : key ?? string.Empty;");
                            writer.Line("throw new global::System.InvalidOperationException(\"The configuration value '\" + path + \"' of " + client.ClientName + " cannot be used: \" + exception.Message, exception);");
                        }
                    }
                }

                writer.Line();
                using (writer.Open("private static " + clientType + " Create(global::System.Net.Http.HttpClient httpClient, global::System.IServiceProvider provider, string name, RetryOwnership retries)"))
                {
                    writer.Line(optionsType + " options = " + DI + ".ServiceProviderServiceExtensions.GetRequiredService<" + Options + ".IOptionsMonitor<" + optionsType + ">>(provider).Get(name);");
                    using (writer.Open("if (retries.HandlerRetries && options.MaxRetries != 0)"))
                    {
                        writer.Line("// A resilience handler retries every request of this HttpClient; retrying here too would multiply the attempts.");
                        writer.Line("// The handler chain is the same for every client of this name, so the named options say so once.");
                        writer.Line("options.MaxRetries = 0;");
                    }

                    writer.Line();
                    writer.Line("return new " + clientType + "(httpClient, options);");
                }

                writer.Line();
                using (writer.Open("private static bool HasResilienceHandler(global::System.Collections.Generic.IList<global::System.Net.Http.DelegatingHandler> handlers)"))
                {
                    using (writer.Open("foreach (global::System.Net.Http.DelegatingHandler handler in handlers)"))
                    {
                        writer.Line("// By name: the resilience handler type is [Experimental], and neither package needs to be referenced.");
                        writer.Line("string? type = handler.GetType().FullName;");
                        using (writer.Open("if (type is not null && (type.StartsWith(\"Microsoft.Extensions.Http.Resilience.\", global::System.StringComparison.Ordinal) || type == \"Microsoft.Extensions.Http.PolicyHttpMessageHandler\"))"))
                        {
                            writer.Line("return true;");
                        }
                    }

                    writer.Line();
                    writer.Line("return false;");
                }

                writer.Line();
                using (writer.Open("private static void ConnectLogging(" + optionsType + " options, global::System.IServiceProvider provider)"))
                {
                    using (writer.Open("if (options.Log is null && " + DI + ".ServiceProviderServiceExtensions.GetService<" + Logging + ".ILoggerFactory>(provider) is { } loggerFactory)"))
                    {
                        writer.Line(Logging + ".ILogger logger = loggerFactory.CreateLogger(LoggerCategory);");
                        writer.Line("options.Log = entry => Log(logger, entry);");
                    }
                }

                writer.Line();
                using (writer.Open("private static void Log(" + Logging + ".ILogger logger, " + Runtime + ".ApiLogEntry entry)"))
                {
                    writer.Line("// ApiLogLevel has the values of LogLevel. The message is built only when the level is enabled.");
                    writer.Line("var level = (" + Logging + ".LogLevel)(int)entry.Level;");
                    using (writer.Open("if (logger.IsEnabled(level))"))
                    {
                        writer.Line("logger.Log(level, new " + Logging + ".EventId(entry.EventId, entry.EventName), entry, entry.Exception, static (state, _) => state.Message);");
                    }
                }

                writer.Line();
                writer.Line("/// <summary>Whether the HttpClient's handler chain retries, as last seen when the factory built it.</summary>");
                using (writer.Open("private sealed class RetryOwnership"))
                {
                    writer.Line("public bool HandlerRetries { get; set; }");
                }
            }
        }

        return writer.ToString();
    }

    private static bool HasBasicAuth(ClientSpec client) =>
        System.Linq.Enumerable.FirstOrDefault(client.Security)?.Kind == SecuritySchemeKind.Basic;
}
