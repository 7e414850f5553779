using AutoSend.Testing;
using Microsoft.AspNetCore.Http;

namespace AutoSend.Packaging.Tests;

/// <summary>
/// Done-when of issue 14 for paging: a consumer of the packed package, on a document it has never seen and that has no
/// vendor extension, walks Link-header pages and cursor pages with <c>ListAllAsync</c>.
/// </summary>
[Collection(PackageFeedCollection.Name)]
[Trait("Category", "Slow")]
public sealed class PagingConsumerTests(PackageFeed feed)
{
    // A small document in the style of public APIs: GitHub-like Link headers, a Slack-like cursor.
    private const string Spec = """
        openapi: 3.0.3
        info:
          title: Gadget Store API
          version: 1.0.0
        servers:
          - url: https://api.gadgets.example
        paths:
          /gadgets:
            get:
              operationId: listGadgets
              tags: [gadgets]
              parameters:
                - {name: per_page, in: query, schema: {type: integer}}
                - {name: page, in: query, schema: {type: integer}}
              responses:
                '200':
                  description: One page.
                  headers:
                    Link:
                      schema: {type: string}
                  content:
                    application/json:
                      schema:
                        type: array
                        items: {$ref: '#/components/schemas/Gadget'}
          /reviews:
            get:
              operationId: listReviews
              tags: [reviews]
              parameters:
                - {name: cursor, in: query, schema: {type: string}}
              responses:
                '200':
                  description: One page.
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          reviews:
                            type: array
                            items: {type: string}
                          response_metadata:
                            type: object
                            properties:
                              next_cursor: {type: string}
        components:
          schemas:
            Gadget:
              type: object
              required: [name]
              properties:
                name: {type: string}
        """;

    private const string Program = """
        using Gadgets;

        using var client = new GadgetStoreClient(new GadgetStoreClientOptions { BaseAddress = new Uri(args[0]) });
        await foreach (Gadget gadget in client.Gadgets.ListAllAsync(perPage: 2).ConfigureAwait(false))
        {
            Console.WriteLine("gadget " + gadget.Name);
        }

        await foreach (string review in client.Reviews.ListAllAsync().ConfigureAwait(false))
        {
            Console.WriteLine("review " + review);
        }
        """;

    [Fact]
    public async Task ListAllAsync_walks_Link_header_pages_and_cursor_pages_of_an_unseen_document()
    {
        using Consumer consumer = await Consumer.BuildUnseenAsync(feed, Spec, "Gadgets", Program);

        await using LoopbackServer server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/json";
            string self = context.Request.Scheme + "://" + context.Request.Host;
            if (context.Request.Path == "/gadgets")
            {
                bool first = !context.Request.Query.ContainsKey("page");
                if (first)
                {
                    context.Response.Headers["Link"] = $"<{self}/gadgets?per_page=2&page=2>; rel=\"next\"";
                }

                return context.Response.WriteAsync(first ? """[{"name":"a"},{"name":"b"}]""" : """[{"name":"c"}]""");
            }

            return context.Response.WriteAsync(context.Request.Query.ContainsKey("cursor")
                ? """{"reviews":["r3"],"response_metadata":{"next_cursor":""}}"""
                : """{"reviews":["r1","r2"],"response_metadata":{"next_cursor":"dXNlcjo"}}""");
        });
        IReadOnlyList<string> output = await consumer.RunAgainstAsync(server);

        Assert.Equal(["gadget a", "gadget b", "gadget c", "review r1", "review r2", "review r3"], output);
        Assert.Equal(["GET /gadgets?per_page=2", "GET /gadgets?per_page=2&page=2", "GET /reviews", "GET /reviews?cursor=dXNlcjo"],
            server.Requests.Select(r => r.Line));
    }
}
