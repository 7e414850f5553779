using AutoSend.Runtime;
using AutoSend.Testing;
using Fixtures.Paging;
using Microsoft.AspNetCore.Http;

namespace AutoSend.Client.Tests;

/// <summary>
/// The client generated from tests/AutoSend.Gen.Tests/Fixtures/paging.yaml, which has no vendor extension: every
/// recognised paging pattern walked against a loopback server, and no walker where the pattern is ambiguous.
/// </summary>
public sealed class PagingWireTests
{
    private static PagingClient Client(LoopbackServer server) =>
        new(new PagingClientOptions { BaseAddress = server.Address, MaxRetries = 0 });

    private static async Task<List<T>> All<T>(IAsyncEnumerable<T> items)
    {
        var result = new List<T>();
        await foreach (T item in items)
        {
            result.Add(item);
        }

        return result;
    }

    private static Task Json(HttpContext context, string json)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }

    [Fact]
    public async Task Link_header_pages_are_followed_until_there_is_no_next_link()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context =>
        {
            int page = int.Parse(context.Request.Query["page"].FirstOrDefault() ?? "1", System.Globalization.CultureInfo.InvariantCulture);
            string self = context.Request.Scheme + "://" + context.Request.Host;
            if (page < 3)
            {
                context.Response.Headers["Link"] = $"<{self}/repos?per_page=2&page={page + 1}>; rel=\"next\", <{self}/repos?per_page=2&page=3>; rel=\"last\"";
            }

            return Json(context, page switch
            {
                1 => """[{"id":1,"name":"a"},{"id":2,"name":"b"}]""",
                2 => """[{"id":3,"name":"c"},{"id":4,"name":"d"}]""",
                _ => """[{"id":5,"name":"e"}]""",
            });
        });
        using PagingClient client = Client(server);

        List<Repo> repos = await All(client.ListReposAllAsync(perPage: 2));

        Assert.Equal(["a", "b", "c", "d", "e"], repos.Select(r => r.Name));
        Assert.Equal(["GET /repos?per_page=2", "GET /repos?per_page=2&page=2", "GET /repos?per_page=2&page=3"], server.Requests.Select(r => r.Line));
    }

    [Fact]
    public async Task A_page_level_walk_yields_each_page_as_it_comes()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context =>
        {
            if (!context.Request.Query.ContainsKey("page"))
            {
                context.Response.Headers["Link"] = "</repos?page=2>; rel=\"next\"";
            }

            return Json(context, context.Request.Query.ContainsKey("page") ? """[{"id":3,"name":"c"}]""" : """[{"id":1,"name":"a"},{"id":2,"name":"b"}]""");
        });
        using PagingClient client = Client(server);

        List<IReadOnlyList<Repo>> pages = await All(client.ListReposPagesAsync());

        Assert.Equal([2, 1], pages.Select(p => p.Count));
    }

    [Fact]
    public async Task A_next_link_to_another_host_is_refused_without_sending_credentials_there()
    {
        await using LoopbackServer elsewhere = await LoopbackServer.StartAsync(200, "[]");
        await using LoopbackServer server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers["Link"] = $"<{elsewhere.Address}repos?page=2>; rel=\"next\"";
            return Json(context, """[{"id":1,"name":"a"}]""");
        });
        using PagingClient client = Client(server);

        ApiException error = await Assert.ThrowsAnyAsync<ApiException>(() => All(client.ListReposAllAsync()));

        Assert.Contains("another origin", error.Message, StringComparison.Ordinal);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task A_cursor_in_the_body_is_sent_back_until_it_is_null()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => Json(context, context.Request.Query["cursor"].FirstOrDefault() switch
        {
            null => """{"data":[{"id":"e1"},{"id":"e2"}],"next_cursor":"c2"}""",
            "c2" => """{"data":[{"id":"e3"}],"next_cursor":"c3"}""",
            _ => """{"data":[{"id":"e4"}],"next_cursor":null}""",
        }));
        using PagingClient client = Client(server);

        List<Event> events = await All(client.ListEventsAllAsync(limit: 2));

        Assert.Equal(["e1", "e2", "e3", "e4"], events.Select(e => e.Id));
        Assert.Equal(["GET /events?limit=2", "GET /events?cursor=c2&limit=2", "GET /events?cursor=c3&limit=2"], server.Requests.Select(r => r.Line));
    }

    [Fact]
    public async Task A_nested_page_token_is_sent_back_in_its_parameter()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => Json(context, context.Request.Query["pageToken"].FirstOrDefault() switch
        {
            null => """{"items":["a"],"meta":{"nextPageToken":"t2"}}""",
            _ => """{"items":["b"],"meta":{}}""",
        }));
        using PagingClient client = Client(server);

        Assert.Equal(["a", "b"], await All(client.ListTokensAllAsync()));
        Assert.Equal(["GET /tokens", "GET /tokens?pageToken=t2"], server.Requests.Select(r => r.Line));
    }

    [Fact]
    public async Task Has_more_pages_continue_after_the_last_items_id()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => Json(context, context.Request.Query["starting_after"].FirstOrDefault() switch
        {
            null => """{"object":"list","data":[{"id":"o1"},{"id":"o2"}],"has_more":true}""",
            _ => """{"object":"list","data":[{"id":"o3"}],"has_more":false}""",
        }));
        using PagingClient client = Client(server);

        Assert.Equal(["o1", "o2", "o3"], (await All(client.ListOrdersAllAsync())).Select(o => o.Id));
        Assert.Equal(["GET /orders", "GET /orders?starting_after=o2"], server.Requests.Select(r => r.Line));
    }

    [Fact]
    public async Task A_next_link_in_the_body_is_followed_relative_or_absolute()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => Json(context, context.Request.Query["$skiptoken"].FirstOrDefault() switch
        {
            null => """{"value":[{"name":"f1"}],"@odata.nextLink":"/files?$skiptoken=2"}""",
            "2" => $$"""{"value":[{"name":"f2"}],"@odata.nextLink":"{{context.Request.Scheme}}://{{context.Request.Host}}/files?$skiptoken=3"}""",
            _ => """{"value":[{"name":"f3"}]}""",
        }));
        using PagingClient client = Client(server);

        Assert.Equal(["f1", "f2", "f3"], (await All(client.ListFilesAllAsync(top: 1))).Select(f => f.Name));
        Assert.Equal(["GET /files?%24top=1", "GET /files?$skiptoken=2", "GET /files?$skiptoken=3"], server.Requests.Select(r => r.Line));
    }

    [Fact]
    public async Task Page_numbers_stop_at_the_page_count()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => Json(context, context.Request.Query["page"].FirstOrDefault() switch
        {
            "1" => """{"results":["l1","l2"],"total_pages":2}""",
            _ => """{"results":["l3"],"total_pages":2}""",
        }));
        using PagingClient client = Client(server);

        Assert.Equal(["l1", "l2", "l3"], await All(client.ListLogsAllAsync(perPage: 2)));
        Assert.Equal(["GET /logs?page=1&per_page=2", "GET /logs?page=2&per_page=2"], server.Requests.Select(r => r.Line));
    }

    [Theory]
    [InlineData("ListMixedAllAsync")]
    [InlineData("ListUnmatchedAllAsync")]
    public void An_ambiguous_or_incomplete_pattern_gets_no_walker(string method) =>
        Assert.Null(typeof(PagingClient).GetMethod(method));
}
