using AutoSend.Bench.Kiota;

var client = KiotaAutoSend.Create(new HttpClientHandler(), new Uri(args[0]), "AS_aot_key", out HttpClient http);
using (http)
{
    var response = await client.Campaigns["60d5ec49f1b2c72d9c8b4567"].Resume.PostAsync();
    Console.WriteLine($"{response?.Data?.Id} {response?.Data?.Status}");
}
