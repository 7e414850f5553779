using System.Text.Json;
using System.Text.Json.Nodes;
using Fixtures.Mapping;

namespace AutoSend.Client.Tests;

/// <summary>
/// JSON round trips through the types generated from tests/AutoSend.Gen.Tests/Fixtures/mapping.yaml and their
/// generated metadata (no reflection): unions, inheritance, open enums, formats, recursion, additional properties,
/// read-only and write-only properties.
/// </summary>
public sealed class MappingTests
{
    private static Zoo Read(string json) => JsonSerializer.Deserialize(json, MappingJsonContext.Default.Zoo)!;

    private static JsonNode Write(Zoo zoo) => JsonNode.Parse(JsonSerializer.Serialize(zoo, MappingJsonContext.Default.Zoo))!;

    [Fact]
    public void A_discriminated_oneOf_reads_each_variant_by_its_discriminator_and_writes_it_back()
    {
        Zoo zoo = Read("""{"name":"z","pets":[{"name":"Rex","barks":true,"petType":"dog"},{"petType":"cat","name":"Tom","indoor":false}]}""");

        Assert.True(zoo.Pets[0].IsDog);
        Assert.Equal("Rex", zoo.Pets[0].AsDog!.Name);
        Assert.True(zoo.Pets[0].AsDog!.Barks);
        Assert.Equal("Tom", zoo.Pets[1].AsCat!.Name);
        Assert.Null(zoo.Pets[1].AsDog);
        Assert.Equal("""[{"petType":"dog","name":"Rex","barks":true},{"petType":"cat","name":"Tom","indoor":false}]""", Write(zoo)["pets"]!.ToJsonString());
    }

    [Fact]
    public void A_oneOf_without_discriminator_is_chosen_by_required_properties()
    {
        Zoo zoo = Read("""{"name":"z","pets":[],"payments":[{"amount":5,"iban":"DE89370400440532013000"},{"cardNumber":"4111111111111111"}]}""");

        Assert.Equal("DE89370400440532013000", zoo.Payments![0].AsBankPayment!.Iban);
        Assert.Equal(5, zoo.Payments[0].AsBankPayment!.Amount);
        Assert.Equal("4111111111111111", zoo.Payments[1].AsCardPayment!.CardNumber);
    }

    [Fact]
    public void A_polymorphic_base_reads_the_derived_class_its_discriminator_names()
    {
        Zoo zoo = Read("""{"name":"z","pets":[],"vehicles":[{"wheels":4,"seats":5,"kind":"car"},{"kind":"Truck","wheels":6,"payload":2.5},{"kind":"bike","wheels":2}]}""");

        Car car = Assert.IsType<Car>(zoo.Vehicles![0]);
        Assert.Equal(5, car.Seats);
        Assert.Equal(4, car.Wheels);
        Truck truck = Assert.IsType<Truck>(zoo.Vehicles[1]);
        Assert.Equal(2.5, truck.Payload);
        Assert.Equal(typeof(Vehicle), zoo.Vehicles[2].GetType());
        Assert.Equal("bike", zoo.Vehicles[2].Kind);
    }

    [Fact]
    public void A_derived_class_sets_its_discriminator_and_is_written_whole_through_the_base()
    {
        var zoo = new Zoo { Name = "z", Pets = [], Vehicles = [new Car { Wheels = 4, Seats = 2 }, new Truck { Wheels = 6, Payload = 1 }] };

        Assert.Equal("car", zoo.Vehicles[0].Kind);
        Assert.Equal("""[{"kind":"car","wheels":4,"seats":2},{"kind":"Truck","wheels":6,"payload":1}]""", Write(zoo)["vehicles"]!.ToJsonString());
    }

    [Theory]
    [InlineData("\"text\"", "String")]
    [InlineData("\"9b2f6e1c-55b2-4c55-9d8e-7f3c2a1b0d4e\"", "String")]
    [InlineData("42", "Int32")]
    [InlineData("true", "Boolean")]
    [InlineData("[\"a\",\"b\"]", "StringList")]
    [InlineData("{\"petType\":\"cat\",\"name\":\"Tom\"}", "Cat")]
    public void A_union_of_primitives_and_containers_is_chosen_by_the_json_token(string value, string variant)
    {
        Zoo zoo = Read("""{"name":"z","pets":[],"scalar":""" + value + "}");

        Scalar scalar = zoo.Scalar!;
        Assert.Equal(variant, variant switch
        {
            "String" when scalar.IsString => "String",
            "Int32" when scalar.IsInt32 => "Int32",
            "Boolean" when scalar.IsBoolean => "Boolean",
            "StringList" when scalar.IsStringList => "StringList",
            "Cat" when scalar.IsCat => "Cat",
            _ => "something else: " + scalar.Value.GetType().Name,
        });
        Assert.Equal(JsonNode.Parse(value)!.ToJsonString(), Write(zoo)["scalar"]!.ToJsonString());
    }

    [Fact]
    public void A_null_variant_makes_the_property_nullable()
    {
        Zoo zoo = Read("""{"name":"z","pets":[],"favourite":null,"tags":null}""");

        Assert.Null(zoo.Favourite);
        Assert.Null(zoo.Tags);
    }

    [Fact]
    public void Open_enums_keep_unknown_values_and_use_their_names()
    {
        Zoo zoo = Read("""{"name":"z","pets":[],"level":2,"status":"on-hold"}""");
        Assert.Equal(Level.Medium, zoo.Level);
        Assert.Equal(Status.OnHold, zoo.Status);
        Assert.Equal("2fa-required", Status.Value2faRequired.Value);

        Zoo unknown = Read("""{"name":"z","pets":[],"level":7,"status":"archived"}""");
        Assert.Equal(7, unknown.Level!.Value.Value);
        Assert.Equal("archived", unknown.Status.ToString());
        JsonNode written = Write(unknown);
        Assert.Equal(7, (int)written["level"]!);
        Assert.Equal("archived", (string?)written["status"]);
    }

    [Fact]
    public void Formats_round_trip()
    {
        const string formats = """{"at":"2026-03-01T10:00:00+01:00","day":"2026-03-01","time":"10:00:00Z","duration":"PT1H30M","id":"9b2f6e1c-55b2-4c55-9d8e-7f3c2a1b0d4e","link":"https://example.com/a?b=c","small":7,"big":9007199254740993,"ratio":0.5,"precise":0.1,"money":12.34,"bytes":"AQID","maybe":null,"version":"v1"}""";
        Zoo zoo = Read("""{"name":"z","pets":[],"formats":""" + formats + "}");

        Formats value = zoo.Formats!;
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(1)), value.At);
        Assert.Equal(new DateOnly(2026, 3, 1), value.Day);
        Assert.Equal("10:00:00Z", value.Time);
        Assert.Equal(TimeSpan.FromMinutes(90), value.Duration);
        Assert.Equal(Guid.Parse("9b2f6e1c-55b2-4c55-9d8e-7f3c2a1b0d4e"), value.Id);
        Assert.Equal("https://example.com/a?b=c", value.Link);
        Assert.Equal(9007199254740993L, value.Big);
        Assert.Equal(12.34m, value.Money);
        Assert.Equal(new byte[] { 1, 2, 3 }, value.Bytes);
        Assert.Null(value.Maybe);
        Assert.Equal("v1", value.Version);
        JsonNode written = Write(zoo)["formats"]!;
        Assert.Equal("PT1H30M", (string?)written["duration"]);
        Assert.Equal("AQID", (string?)written["bytes"]);
        Assert.Equal("9007199254740993", written["big"]!.ToJsonString());
        // maybe is nullable and was read as an explicit null: written back as it came (README: explicit null).
        Assert.True(((JsonObject)written).ContainsKey("maybe"));
        Assert.Null(written["maybe"]);
    }

    [Fact]
    public void Recursive_and_mutually_recursive_schemas_nest()
    {
        Zoo zoo = Read("""{"name":"z","pets":[],"tree":{"label":"a","children":[{"label":"b","children":[{"label":"c"}]}]},"left":{"right":{"left":{}}}}""");

        Assert.Equal("c", zoo.Tree!.Children![0].Children![0].Label);
        Assert.NotNull(zoo.Left!.Right!.Left);
    }

    [Fact]
    public void Additional_properties_are_kept_where_the_schema_allows_them_and_dropped_where_it_does_not()
    {
        Zoo zoo = Read("""{"name":"z","pets":[],"extras":{"known":"k","extra":"x"},"closed":{"known":"k","extra":"x"},"counts":{"a":1,"b":2},"anything":[1,"two"],"freeForm":{"deep":{"x":1}},"address":{"street":"Main"}}""");

        Assert.Equal("x", zoo.Extras!.AdditionalProperties!["extra"].GetString());
        Assert.Equal(2, zoo.Counts!["b"]);
        Assert.Equal("two", (string?)zoo.Anything![1]);
        Assert.Equal(1, (int)zoo.FreeForm!["deep"]!["x"]!);
        Assert.Equal("Main", zoo.Address!.Street);
        JsonNode written = Write(zoo);
        Assert.Equal("""{"known":"k","extra":"x"}""", written["extras"]!.ToJsonString());
        Assert.Equal("""{"known":"k"}""", written["closed"]!.ToJsonString());
    }

    [Fact]
    public void Read_only_properties_are_not_sent_and_write_only_ones_are_not_read()
    {
        Zoo zoo = Read("""{"name":"z","pets":[],"account":{"id":"u1","email":"a@b.c","password":"leaked"}}""");

        Assert.Equal("u1", zoo.Account!.Id);
        Assert.Null(zoo.Account.Password);
        var request = new Account { Email = "a@b.c", Password = "secret" };
        Assert.Equal("""{"email":"a@b.c","password":"secret"}""", JsonSerializer.Serialize(request, MappingJsonContext.Default.Account));
    }

    [Fact]
    public void A_missing_required_property_is_an_error()
    {
        Assert.Throws<JsonException>(() => Read("""{"pets":[]}"""));
        Assert.Throws<JsonException>(() => Read("""{"name":"z","pets":[{"petType":"cat"}]}"""));
    }
}
