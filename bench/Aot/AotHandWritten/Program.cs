using AutoSend.Bench.HandWritten;

using var http = new HttpClient();
var client = new HandWrittenClient(http, new Uri(args[0]), "AS_aot_key");
var response = await client.ResumeAsync("60d5ec49f1b2c72d9c8b4567");
Console.WriteLine($"{response.Data.Id} {response.Data.Status}");
