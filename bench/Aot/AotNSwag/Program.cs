using AutoSend.Bench.NSwag;

using var http = new HttpClient();
var client = new NSwagAutoSendClient(http) { BaseUrl = args[0], ApiKey = "AS_aot_key" };
var response = await client.ResumeCampaignAsync("60d5ec49f1b2c72d9c8b4567", null);
Console.WriteLine($"{response.Data.Id} {response.Data.Status}");
