using System.Collections;
using System.Reflection;
using AutoSend.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace AutoSend.Gen.Tests;

/// <summary>
/// Never silence, proven: every property of the OpenAPI object model (Microsoft.OpenApi) is classified here as mapped
/// (M), documentation that changes no client (D), a validation keyword the client does not enforce (V), reader
/// plumbing (P), or not mapped and diagnosed (N, with the ID and the construct the message names). A property the
/// reader adds in a new version fails the first test until it is classified; the fixtures of Fixtures/Constructs
/// (Swagger 2.0, OpenAPI 3.0, 3.1, 3.2) are walked property by property, and every N construct they hold must be
/// reported, located in the file.
/// </summary>
public sealed class ObjectModelCoverageTests
{
    // Type.Property, use, and for N the diagnostic ID and the construct its message names.
    private const string Table = """
        OpenApiCallback.Extensions D callbacks are AG0016 as a whole
        OpenApiCallback.PathItems D callbacks are AG0016 as a whole
        OpenApiComponents.Callbacks N AG0016 callbacks
        OpenApiComponents.Examples D examples
        OpenApiComponents.Extensions M
        OpenApiComponents.Headers M
        OpenApiComponents.Links N AG0016 links
        OpenApiComponents.MediaTypes M
        OpenApiComponents.Parameters M
        OpenApiComponents.PathItems M
        OpenApiComponents.RequestBodies M
        OpenApiComponents.Responses M
        OpenApiComponents.Schemas M
        OpenApiComponents.SecuritySchemes M
        OpenApiContact.Email D contact
        OpenApiContact.Extensions D contact
        OpenApiContact.Name D contact
        OpenApiContact.Url D contact
        OpenApiDiscriminator.DefaultMapping N AG0016 defaultMapping
        OpenApiDiscriminator.Extensions M
        OpenApiDiscriminator.Mapping M
        OpenApiDiscriminator.PropertyName M
        OpenApiDocument.BaseUri P
        OpenApiDocument.Components M
        OpenApiDocument.Extensions M
        OpenApiDocument.ExternalDocs D external documentation
        OpenApiDocument.Info M
        OpenApiDocument.JsonSchemaDialect N AG0016 jsonSchemaDialect
        OpenApiDocument.Metadata P
        OpenApiDocument.Paths M
        OpenApiDocument.Security M
        OpenApiDocument.Self D the document's own URI; external references are never loaded
        OpenApiDocument.Servers M
        OpenApiDocument.Tags M
        OpenApiDocument.Webhooks M
        OpenApiDocument.Workspace P
        OpenApiEncoding.AllowReserved M
        OpenApiEncoding.ContentType M
        OpenApiEncoding.Encoding M
        OpenApiEncoding.Explode M
        OpenApiEncoding.Extensions M
        OpenApiEncoding.Headers M
        OpenApiEncoding.ItemEncoding N AG0016 itemEncoding
        OpenApiEncoding.PrefixEncoding N AG0016 prefixEncoding
        OpenApiEncoding.Style M
        OpenApiExample.DataValue D examples
        OpenApiExample.Description D examples
        OpenApiExample.Extensions D examples
        OpenApiExample.ExternalValue D examples
        OpenApiExample.SerializedValue D examples
        OpenApiExample.Summary D examples
        OpenApiExample.Value D examples
        OpenApiExternalDocs.Description D external documentation
        OpenApiExternalDocs.Extensions D external documentation
        OpenApiExternalDocs.Url D external documentation
        OpenApiHeader.AllowEmptyValue D a response header is read as sent
        OpenApiHeader.AllowReserved D a response header is read as sent
        OpenApiHeader.Content N AG0016 header content
        OpenApiHeader.Deprecated D a response header is read as sent
        OpenApiHeader.Description D a response header is read as sent
        OpenApiHeader.Example D examples
        OpenApiHeader.Examples D examples
        OpenApiHeader.Explode D a response header is read as sent
        OpenApiHeader.Extensions M
        OpenApiHeader.Required D a response header is read as sent
        OpenApiHeader.Schema M
        OpenApiHeader.Style D a response header is read as sent
        OpenApiInfo.Contact D contact
        OpenApiInfo.Description M
        OpenApiInfo.Extensions M
        OpenApiInfo.License D license
        OpenApiInfo.Summary D summary
        OpenApiInfo.TermsOfService D terms of service
        OpenApiInfo.Title M
        OpenApiInfo.Version D the API's version is not sent
        OpenApiLicense.Extensions D license
        OpenApiLicense.Identifier D license
        OpenApiLicense.Name D license
        OpenApiLicense.Url D license
        OpenApiLink.Description D links are AG0016 as a whole
        OpenApiLink.Extensions D links are AG0016 as a whole
        OpenApiLink.OperationId D links are AG0016 as a whole
        OpenApiLink.OperationRef D links are AG0016 as a whole
        OpenApiLink.Parameters D links are AG0016 as a whole
        OpenApiLink.RequestBody D links are AG0016 as a whole
        OpenApiLink.Server D links are AG0016 as a whole
        OpenApiMediaType.Encoding M
        OpenApiMediaType.Example D examples
        OpenApiMediaType.Examples D examples
        OpenApiMediaType.Extensions M
        OpenApiMediaType.ItemEncoding N AG0016 itemEncoding
        OpenApiMediaType.ItemSchema M
        OpenApiMediaType.PrefixEncoding N AG0016 prefixEncoding
        OpenApiMediaType.Schema M
        OpenApiOAuthFlow.AuthorizationUrl D interactive flows: the token comes from AccessTokenProvider
        OpenApiOAuthFlow.DeviceAuthorizationUrl D interactive flows: the token comes from AccessTokenProvider
        OpenApiOAuthFlow.Extensions M
        OpenApiOAuthFlow.RefreshUrl D client credentials request a new token rather than refresh
        OpenApiOAuthFlow.Scopes M
        OpenApiOAuthFlow.TokenUrl M
        OpenApiOAuthFlows.AuthorizationCode M
        OpenApiOAuthFlows.ClientCredentials M
        OpenApiOAuthFlows.DeviceAuthorization M
        OpenApiOAuthFlows.Extensions M
        OpenApiOAuthFlows.Implicit M
        OpenApiOAuthFlows.Password M
        OpenApiOperation.Callbacks N AG0016 callbacks
        OpenApiOperation.Deprecated M
        OpenApiOperation.Description M
        OpenApiOperation.Extensions M
        OpenApiOperation.ExternalDocs D external documentation
        OpenApiOperation.Metadata P
        OpenApiOperation.OperationId M
        OpenApiOperation.Parameters M
        OpenApiOperation.RequestBody M
        OpenApiOperation.Responses M
        OpenApiOperation.Security M
        OpenApiOperation.Servers N AG0016 servers
        OpenApiOperation.Summary M
        OpenApiOperation.Tags M
        OpenApiParameter.AllowEmptyValue D the client leaves out null values; an empty string is sent as given
        OpenApiParameter.AllowReserved M
        OpenApiParameter.Content M
        OpenApiParameter.Deprecated M
        OpenApiParameter.Description M
        OpenApiParameter.Example D examples
        OpenApiParameter.Examples D examples
        OpenApiParameter.Explode M
        OpenApiParameter.Extensions M
        OpenApiParameter.In M
        OpenApiParameter.Name M
        OpenApiParameter.Required M
        OpenApiParameter.Schema M
        OpenApiParameter.Style M
        OpenApiPathItem.Description D summary
        OpenApiPathItem.Extensions M
        OpenApiPathItem.Operations M
        OpenApiPathItem.Parameters M
        OpenApiPathItem.Servers N AG0016 servers
        OpenApiPathItem.Summary D summary
        OpenApiPaths.Extensions M
        OpenApiRequestBody.Content M
        OpenApiRequestBody.Description M
        OpenApiRequestBody.Extensions M
        OpenApiRequestBody.Required M
        OpenApiResponse.Content M
        OpenApiResponse.Description M
        OpenApiResponse.Extensions M
        OpenApiResponse.Headers M
        OpenApiResponse.Links N AG0016 links
        OpenApiResponse.Summary D summary
        OpenApiResponses.Extensions M
        OpenApiSchema.AdditionalProperties M
        OpenApiSchema.AdditionalPropertiesAllowed M
        OpenApiSchema.AllOf M
        OpenApiSchema.Anchor P
        OpenApiSchema.AnyOf M
        OpenApiSchema.Comment D comment
        OpenApiSchema.Const M
        OpenApiSchema.Contains N AG0016 contains
        OpenApiSchema.ContentEncoding N AG0016 content keywords
        OpenApiSchema.ContentMediaType N AG0016 content keywords
        OpenApiSchema.ContentSchema N AG0016 content keywords
        OpenApiSchema.Default D the server applies defaults; the client sends only what is set
        OpenApiSchema.Definitions M
        OpenApiSchema.DependentRequired V
        OpenApiSchema.DependentSchemas N AG0016 dependentSchemas
        OpenApiSchema.Deprecated M
        OpenApiSchema.Description M
        OpenApiSchema.Discriminator M
        OpenApiSchema.DynamicAnchor P
        OpenApiSchema.DynamicRef N AG0016 $dynamicRef
        OpenApiSchema.Else N AG0016 if/then/else
        OpenApiSchema.Enum M
        OpenApiSchema.Example D examples
        OpenApiSchema.Examples D examples
        OpenApiSchema.ExclusiveMaximum V
        OpenApiSchema.ExclusiveMinimum V
        OpenApiSchema.Extensions M
        OpenApiSchema.ExternalDocs D external documentation
        OpenApiSchema.Format M
        OpenApiSchema.Id P
        OpenApiSchema.If N AG0016 if/then/else
        OpenApiSchema.Items M
        OpenApiSchema.MaxContains V
        OpenApiSchema.MaxItems V
        OpenApiSchema.MaxLength V
        OpenApiSchema.MaxProperties V
        OpenApiSchema.Maximum V
        OpenApiSchema.Metadata P
        OpenApiSchema.MinContains V
        OpenApiSchema.MinItems V
        OpenApiSchema.MinLength V
        OpenApiSchema.MinProperties V
        OpenApiSchema.Minimum V
        OpenApiSchema.MultipleOf V
        OpenApiSchema.Not N AG0006 not
        OpenApiSchema.OneOf M
        OpenApiSchema.Pattern V
        OpenApiSchema.PatternProperties N AG0016 patternProperties
        OpenApiSchema.Properties M
        OpenApiSchema.PropertyNames V
        OpenApiSchema.ReadOnly M
        OpenApiSchema.Required M
        OpenApiSchema.Schema P
        OpenApiSchema.Then N AG0016 if/then/else
        OpenApiSchema.Title D title
        OpenApiSchema.Type M
        OpenApiSchema.UnevaluatedProperties V
        OpenApiSchema.UnevaluatedPropertiesSchema N AG0016 unevaluatedProperties
        OpenApiSchema.UniqueItems V
        OpenApiSchema.UnrecognizedKeywords N AG0016 is not a keyword the generator knows
        OpenApiSchema.Vocabulary P
        OpenApiSchema.WriteOnly M
        OpenApiSchema.Xml N AG0016 xml
        OpenApiSecurityScheme.BearerFormat D the token's format is the issuer's business
        OpenApiSecurityScheme.Deprecated D deprecation of a scheme changes no request
        OpenApiSecurityScheme.Description M
        OpenApiSecurityScheme.Extensions M
        OpenApiSecurityScheme.Flows M
        OpenApiSecurityScheme.In M
        OpenApiSecurityScheme.Name M
        OpenApiSecurityScheme.OAuth2MetadataUrl D the generator does no I/O; the token comes from the flows or AccessTokenProvider
        OpenApiSecurityScheme.OpenIdConnectUrl D the generator does no I/O; the token comes from AccessTokenProvider
        OpenApiSecurityScheme.Scheme M
        OpenApiSecurityScheme.Type M
        OpenApiServer.Description M
        OpenApiServer.Extensions M
        OpenApiServer.Name D summary
        OpenApiServer.Url M
        OpenApiServer.Variables M
        OpenApiServerVariable.Default M
        OpenApiServerVariable.Description M
        OpenApiServerVariable.Enum M
        OpenApiServerVariable.Extensions M
        OpenApiTag.Description M
        OpenApiTag.Extensions M
        OpenApiTag.ExternalDocs D external documentation
        OpenApiTag.Kind D navigation: groups follow the first tag only
        OpenApiTag.Name M
        OpenApiTag.Parent D navigation: groups follow the first tag only
        OpenApiTag.Summary D summary
        OpenApiWorkspace.BaseUrl P
        OpenApiXml.Extensions D xml is AG0016 as a whole
        OpenApiXml.Name D xml is AG0016 as a whole
        OpenApiXml.Namespace D xml is AG0016 as a whole
        OpenApiXml.NodeType D xml is AG0016 as a whole
        OpenApiXml.Prefix D xml is AG0016 as a whole
        BodyExpression.Expression D links are AG0016 as a whole
        BodyExpression.Fragment D links are AG0016 as a whole
        CompositeExpression.ContainedExpressions D links are AG0016 as a whole
        CompositeExpression.Expression D links are AG0016 as a whole
        HeaderExpression.Expression D links are AG0016 as a whole
        HeaderExpression.Token D links are AG0016 as a whole
        MethodExpression.Expression D links are AG0016 as a whole
        PathExpression.Expression D links are AG0016 as a whole
        PathExpression.Name D links are AG0016 as a whole
        QueryExpression.Expression D links are AG0016 as a whole
        QueryExpression.Name D links are AG0016 as a whole
        RequestExpression.Expression D links are AG0016 as a whole
        RequestExpression.Source D links are AG0016 as a whole
        ResponseExpression.Expression D links are AG0016 as a whole
        ResponseExpression.Source D links are AG0016 as a whole
        SourceExpression.Expression D links are AG0016 as a whole
        StatusCodeExpression.Expression D links are AG0016 as a whole
        UrlExpression.Expression D links are AG0016 as a whole
        RuntimeExpression.Expression D links are AG0016 as a whole
        RuntimeExpressionAnyWrapper.Any D links are AG0016 as a whole
        RuntimeExpressionAnyWrapper.Expression D links are AG0016 as a whole
        """;

    private static readonly Dictionary<string, (string Use, string Id, string Construct)> s_table = Table.Split('\n')
        .Select(line => line.Trim().Split(' ', 4))
        .ToDictionary(p => p[0], p => (p[1], p[1] == "N" ? p[2] : string.Empty, p[1] == "N" ? p[3] : string.Empty), StringComparer.Ordinal);

    [Fact]
    public void Every_property_of_the_object_model_is_classified()
    {
        SortedDictionary<string, PropertyInfo> properties = ObjectModel.Properties();

        Assert.Empty(properties.Keys.Except(s_table.Keys).Select(k => "not classified: " + k));
        Assert.Empty(s_table.Keys.Except(properties.Keys).Select(k => "no longer in the object model: " + k));
        Assert.All(s_table.Values, v => Assert.Contains(v.Use, new[] { "M", "D", "V", "P", "N" }));
    }

    [Theory]
    [InlineData("swagger2.yaml", 1, "'format'")]
    [InlineData("openapi30.yaml", 5, "'format'")]
    [InlineData("openapi31.yaml", 8)]
    [InlineData("openapi32.yaml", 4, "'format'")]
    public void Every_unmapped_construct_of_a_document_is_reported_where_it_is_written(string fileName, int expectedKinds, params string[] alsoReported)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Constructs", fileName);
        string text = File.ReadAllText(path);
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        ReadResult read = OpenApiDocument.Parse(text, "yaml", settings);
        Assert.True(read.Document is not null, string.Join("\n", read.Diagnostic?.Errors.Select(e => e.ToString()) ?? []));
        OpenApiDocument document = read.Document;

        // What the document holds, found by walking its objects; what the generator said about it.
        var present = new SortedSet<string>(StringComparer.Ordinal);
        ObjectModel.Walk(document, present);
        var expected = present.Where(p => s_table.TryGetValue(p, out var use) && use.Use == "N").Select(p => (Property: p, s_table[p].Id, s_table[p].Construct)).ToList();
        GeneratorRun run = GeneratorHarness.Run(new SpecInput(path, text));
        List<Diagnostic> reported = run.GeneratorDiagnostics.Where(d => d.Location.IsInSource || d.Location.Kind == LocationKind.ExternalFile).ToList();

        Assert.Empty(present.Where(p => !s_table.ContainsKey(p)).Select(p => "not classified: " + p));
        Assert.True(expected.Select(e => e.Construct).Distinct().Count() >= expectedKinds,
            $"{fileName} holds {string.Join(", ", present)}: fewer unmapped constructs than it was written for");
        foreach ((string property, string id, string construct) in expected)
        {
            Assert.True(reported.Any(d => d.Id == id && d.GetMessage().Contains(construct, StringComparison.Ordinal)
                    && d.Location.GetLineSpan().Path == path && d.Location.GetLineSpan().StartLinePosition.Line > 0),
                $"{fileName}: {property} is present but no located {id} names '{construct}'. Reported:\n"
                + string.Join("\n", run.GeneratorDiagnostics.Select(d => d.ToString())));
        }

        // Constructs that are mapped in general but not in every value (an unknown format).
        foreach (string construct in alsoReported)
        {
            Assert.Contains(reported, d => d.Id == "AG0016" && d.GetMessage().Contains(construct, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }
}

/// <summary>The OpenAPI object model seen by reflection (in this test only: the generator never reflects).</summary>
internal static class ObjectModel
{
    private static readonly Assembly s_assembly = typeof(OpenApiDocument).Assembly;

    /// <summary>Every public property of every model class reachable from <see cref="OpenApiDocument"/>, as <c>Type.Property</c>.</summary>
    public static SortedDictionary<string, PropertyInfo> Properties()
    {
        var result = new SortedDictionary<string, PropertyInfo>(StringComparer.Ordinal);
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>([typeof(OpenApiDocument)]);
        while (queue.Count > 0)
        {
            Type type = queue.Dequeue();
            if (!seen.Add(type))
            {
                continue;
            }

            foreach (PropertyInfo property in ModelProperties(type))
            {
                result[type.Name + "." + property.Name] = property;
                foreach (Type inner in Concrete(property.PropertyType))
                {
                    queue.Enqueue(inner);
                }
            }

            // Subclasses the reader may hand out where the property's type is a base class (link expressions).
            foreach (Type derived in s_assembly.GetTypes().Where(t => t.IsPublic && t.BaseType == type && !t.Name.EndsWith("Reference", StringComparison.Ordinal)))
            {
                queue.Enqueue(derived);
            }

            if (type.BaseType is { IsGenericType: true } generic)
            {
                foreach (Type inner in generic.GetGenericArguments().SelectMany(Concrete))
                {
                    queue.Enqueue(inner);
                }
            }
        }

        return result;
    }

    /// <summary>Adds <c>Type.Property</c> for every property that holds a value (other than its default) anywhere in the document.</summary>
    public static void Walk(object root, ISet<string> present)
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<object>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            object? current = stack.Pop();
            if (current is null)
            {
                continue;
            }

            Type type = current.GetType();
            if (!visited.Add(current) || type.Assembly != s_assembly || type.Name.EndsWith("Reference", StringComparison.Ordinal))
            {
                continue;
            }

            object? defaults = type.GetConstructor(Type.EmptyTypes) is { } constructor ? constructor.Invoke(null) : null;

            foreach (PropertyInfo property in ModelProperties(type))
            {
                object? value;
                try
                {
                    value = property.GetValue(current);
                }
                catch (TargetInvocationException)
                {
                    // A getter that needs state the reader did not set (a reference's target): nothing is there.
                    continue;
                }

                if (IsEmpty(value) || (defaults is not null && Equals(value, property.GetValue(defaults))))
                {
                    continue;
                }

                present.Add(type.Name + "." + property.Name);
                Push(stack, value!);
            }

            if (current is IEnumerable items and not string)
            {
                Push(stack, items);
            }
        }
    }

    private static void Push(Stack<object> stack, object value)
    {
        if (value is IDictionary dictionary)
        {
            foreach (object? item in dictionary.Values)
            {
                Push(stack, item!);
            }
        }
        else if (value is IEnumerable items and not string)
        {
            foreach (object? item in items)
            {
                if (item is not null)
                {
                    Push(stack, item is DictionaryEntry entry ? entry.Value! : item);
                }
            }
        }
        else if (value is not null && value.GetType().Assembly == s_assembly)
        {
            stack.Push(value);
        }
    }

    private static bool IsEmpty(object? value) => value is null || (value is ICollection { Count: 0 }) || (value is string { Length: 0 });

    private static IEnumerable<PropertyInfo> ModelProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.DeclaringType!.Assembly == s_assembly);

    // The model classes a property's type stands for: interfaces as their class (IOpenApiSchema → OpenApiSchema),
    // collections as their items; reference wrappers are the reader's plumbing, their targets are walked.
    private static IEnumerable<Type> Concrete(Type type)
    {
        if (type.IsGenericType)
        {
            return type.GetGenericArguments().SelectMany(Concrete);
        }

        if (type.Assembly != s_assembly || type.IsEnum || type.Name.EndsWith("Reference", StringComparison.Ordinal))
        {
            return [];
        }

        if (type.IsInterface && type.Name.StartsWith("IOpenApi", StringComparison.Ordinal))
        {
            Type? model = s_assembly.GetType("Microsoft.OpenApi." + type.Name.Substring(1));
            return model is null ? [] : [model];
        }

        return [type];
    }
}
