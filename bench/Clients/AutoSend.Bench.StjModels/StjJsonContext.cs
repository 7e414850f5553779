using System.Text.Json.Serialization;
using AutoSend.Client;

namespace AutoSend.Bench.Stj;

/// <summary>The System.Text.Json source generator's metadata (and fast-path serializers) for our model types.</summary>
[JsonSerializable(typeof(CampaignResponse))]
[JsonSerializable(typeof(ListCampaignsResponse))]
[JsonSerializable(typeof(Campaign))]
[JsonSerializable(typeof(IReadOnlyList<Campaign>))]
public sealed partial class StjJsonContext : JsonSerializerContext;
