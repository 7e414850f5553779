using AutoSend.Client;

using var client = new AutoSendClient(new AutoSendClientOptions { ApiKey = "AS_aot_key", BaseAddress = new Uri(args[0]) });
CampaignResponse response = await client.Campaigns.ResumeAsync("60d5ec49f1b2c72d9c8b4567");
Console.WriteLine($"{response.Data.Id} {response.Data.Status}");
