using AutoSend.Runtime;

namespace AutoSend.Client.Tests.Prism;

/// <summary>
/// Every operation (and each paginated walk and file form) against Prism generating its responses from the schemas
/// (<c>--dynamic</c>, seeded): the request must pass Prism's validation and whatever the schemas allow must
/// deserialize into the generated types.
/// </summary>
[Collection(PrismDynamicDefinition.Name)]
[Trait("Category", "Slow")]
public sealed class DynamicResponseTests(PrismDynamicFixture prism) : PrismTest(prism)
{
    public static TheoryData<string> Calls => new(Operations.ByName.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Generated_response_deserializes(string operation)
    {
        object result;
        try
        {
            result = await Operations.ByName[operation](Client);
        }
        catch (ApiException exception)
        {
            Assert.Fail($"{operation}: {exception.GetType().Name} {(int)exception.StatusCode}: {exception.Message}\n"
                        + $"Inner: {exception.InnerException?.Message}\nBody: {exception.ResponseBody}");
            throw;
        }

        Assert.NotNull(result);
    }
}
