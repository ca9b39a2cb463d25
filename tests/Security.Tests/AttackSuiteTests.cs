using System.Net.Http.Headers;
using System.Text;
using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Security.Tests.Support;

namespace OrleansBatch.Security.Tests;

/// <summary>
/// Every attack request of the suite (and the 27 that were 500s) in one run against the real gateway: not one answer may
/// be a 5xx, and each must be problem+json or a plain success.
/// </summary>
[Collection(SecurityGateway.Name)]
public sealed class AttackSuiteTests(GatewayFixture gateway, Xunit.Abstractions.ITestOutputHelper output)
{
    private sealed record Attack(string Method, string Route, string? Body = null, string ContentType = "application/json", string? Header = null, string? HeaderValue = null, byte[]? Raw = null);

    private static IEnumerable<Attack> Attacks(string upload, string dataDirectory)
    {
        var deep = new string('[', 5000) + new string(']', 5000);
        var aliasBomb = "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n";
        string Invoke(string extra) => $$"""{"input":{"type":"uri_folder","path":"{{upload}}"}{{extra}}}""";
        return
        [
            // bodies
            new("PUT", "/v1/endpoints/atk", """{"description":"a","description":"b"}"""),
            new("PUT", "/v1/endpoints/atk", "description: 1e999\n", "application/yaml"),
            new("PUT", "/v1/endpoints/scorer/deployments/atk", "model: cancer:1\nsettings:\n  error_threshold: 1e999\n", "application/yaml"),
            new("PUT", "/v1/endpoints/scorer/deployments/atk", "model: cancer:1\nsettings:\n  max_concurrency_per_instance: 99999999999999999999\n", "application/yaml"),
            new("PUT", "/v1/endpoints/scorer/deployments/atk", """{"model":"cancer:1","settings":{"error_threshold":1e400}}"""),
            new("PUT", "/v1/endpoints/scorer/deployments/atk", """{"model":"azureml:cancer:2147483648"}"""),
            new("PUT", "/v1/endpoints/scorer/deployments/atk", """{"model":{"name":"cancer","version":99999999999999}}"""),
            new("PUT", "/v1/endpoints/scorer/deployments/atk", """{"model":"cancer:1","settings":{"mini_batch_size":"999999999999999999999 rows"}}"""),
            new("PUT", "/v1/endpoints/scorer/deployments/atk", """{"model":"cancer:1","settings":{"mini_bach_size":5}}"""),
            new("PUT", "/v1/endpoints/atk", deep),
            new("PUT", "/v1/endpoints/atk", aliasBomb, "application/yaml"),
            new("PUT", "/v1/endpoints/atk", "{\"description\":\"\u0000\"}"),
            new("PUT", "/v1/endpoints/atk", null, Raw: [0xff, 0xfe, 0x7b, 0x7d]),
            new("PUT", "/v1/endpoints/atk", "[1,2]"),
            new("PUT", "/v1/endpoints/atk", "null"),
            new("PATCH", "/v1/endpoints/scorer", """{"defaults":{"deployment_name":"nope"}}"""),
            new("PATCH", "/v1/endpoints/scorer", """{"defaults":null,"tags":{"a":{"b":1}}}"""),
            new("POST", "/v1/tenants/x/keys", """{"role":"Reader, Contributor"}"""),
            // invoke
            new("POST", "/v1/endpoints/scorer/jobs", """{"input":{"type":"uri_folder","path":"azureml:xyz:2147483648"}}"""),
            new("POST", "/v1/endpoints/scorer/jobs", Invoke(""",\"output\":{\"path\":\"a\u0000b\"}""")),
            new("POST", "/v1/endpoints/scorer/jobs", Invoke(""",\"output\":{\"path\":\"a\r\nb\"}""")),
            new("POST", "/v1/endpoints/scorer/jobs", Invoke(""",\"output\":{\"path\":\"a\",\"file_name\":\"x\r\n.csv\"}""")),
            new("POST", "/v1/endpoints/scorer/jobs", Invoke($$""","output":{"path":"a","file_name":"{{new string('a', 300)}}"}""")),
            new("POST", "/v1/endpoints/scorer/jobs", Invoke(""","output":{"path":"/etc"}""")),
            new("POST", "/v1/endpoints/scorer/jobs", Invoke(""","output":{"path":"../../x"}""")),
            new("POST", "/v1/endpoints/scorer/jobs", Invoke(""","settings":{"mini_batch_size":"99999999999999999999"}""")),
            new("POST", "/v1/endpoints/scorer/jobs", Invoke(""","settings":{"instance_count":1e999}""")),
            new("POST", "/v1/endpoints/scorer/jobs", """{"input":{"type":"uri_file","path":"/etc/passwd"}}"""),
            new("POST", "/v1/endpoints/scorer/jobs", """{"input":{"type":"uri_file","path":"file:///proc/self/environ"}}"""),
            new("POST", "/v1/endpoints/scorer/jobs", """{"input":{"type":"uri_folder","path":"upload://../../tenants/other/uploads/x/"}}"""),
            new("POST", "/v1/endpoints/scorer/jobs", """{"properties":{"InputData":{"d":{"JobInputType":"UriFolder","Uri":"upload://zz/"}},"OutputData":{"o":{"JobOutputType":"UriFile","Uri":"x\u0000/p.csv"}}}}"""),
            new("POST", "/v1/endpoints/scorer/jobs", Invoke(""), Header: "Idempotency-Key", HeaderValue: new string('k', 300)),
            new("POST", "/v1/endpoints/scorer/jobs", Invoke($$""","output":{"path":"{{dataDirectory}}/files"},"output_policy":"overwrite" """)),
            new("POST", "/v1/endpoints/scorer/jobs", Invoke($$""","output":{"path":"file://{{dataDirectory}}/data/x/../../files"}""")),
            new("POST", "/v1/endpoints/scorer/jobs", """{"input":{"type":"uri_folder","path":"http://169.254.169.254/latest/meta-data?sig=x"}}"""),
            new("POST", "/v1/endpoints/scorer/jobs", Invoke(""","output":{"path":"http://127.0.0.1:1/acct/c?sp=rwl&sig=x"}""")),
            new("POST", "/v1/endpoints/scorer/jobs", Invoke(""), Header: "azureml-model-deployment", HeaderValue: "../blue"),
            new("POST", "/v1/data/atk/versions", """{"type":"uri_file","path":"/etc/passwd\u0000"}"""),
            // lists and routes
            new("GET", "/v1/jobs?continuation=!!!"),
            new("GET", "/v1/jobs?continuation=bm90LWEta2V5"),
            new("GET", "/v1/endpoints?continuation=%00"),
            new("GET", "/v1/jobs?top=-1"),
            new("GET", "/v1/jobs?top=99999999999"),
            new("GET", "/v1/jobs?status=Reader,Running"),
            new("GET", "/v1/jobs/nope/errors?continuation=abc"),
            new("GET", "/v1/jobs/..%2F..%2Fx"),
            new("GET", "/v1/jobs/a%2Fb/outputs/score"),
            new("GET", "/v1/jobs/" + new string('a', 5000)),
            new("GET", "/v1/jobs/nope/outputs/score"),
            new("GET", "/v1/endpoints/scorer/jobs?top=abc"),
            new("GET", "/v1/cluster"),
            new("PUT", "/v1/endpoints/a%2Fb", """{"description":"x"}"""),
            new("PUT", "/v1/endpoints/scorer", """{"description":"x"}""", Header: "If-Match", HeaderValue: "\"99999999999999999999\""),
            new("PUT", "/v1/endpoints/scorer", """{"description":"x"}""", Header: "If-Match", HeaderValue: "W/\"1\", garbage"),
            new("DELETE", "/v1/endpoints/scorer/deployments/blue", Header: "If-Match", HeaderValue: "\"abc\""),
            new("GET", "/v1/jobs/nope/logs?follow=true"),
            new("POST", "/v1/jobs/nope/cancel"),
            new("GET", "/v1/models/cancer/versions/99999999999"),
            new("GET", "/v1/models/cancer/versions/-1"),
            new("DELETE", "/v1/models/cancer/versions/2147483648"),
            new("DELETE", "/v1/uploads/..%2F..%2F"),
            new("PUT", "/v1/endpoints/scorer/deployments/atk?set_default=maybe", """{"model":"cancer:1"}"""),
            // uploads
            new("POST", "/v1/uploads", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nx", "multipart/form-data; boundary=b"),
            new("POST", "/v1/uploads", "junk", "multipart/form-data"),
            new("POST", "/v1/uploads", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../../a\u0000.csv\"\r\n\r\nx\r\n--b--\r\n", "multipart/form-data; boundary=b"),
            new("POST", "/v1/models/atk/versions", "--b\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n{\"type\":\"onnx\",\"type\":\"x\"}\r\n--b--\r\n", "multipart/form-data; boundary=b"),
        ];
    }

    [Fact]
    public async Task No_attack_request_is_answered_with_a_5xx()
    {
        var (tenant, upload) = await SecurityGateway.ScorerAsync(gateway);
        using var client = tenant.Admin();
        var failures = new List<string>();
        var count = 0;

        foreach (var attack in Attacks(upload, gateway.DataDirectory))
        {
            count++;
            using var request = new HttpRequestMessage(new HttpMethod(attack.Method), attack.Route);
            if (attack.Raw is not null || attack.Body is not null)
            {
                request.Content = new ByteArrayContent(attack.Raw ?? Encoding.UTF8.GetBytes(attack.Body!));
                request.Content.Headers.TryAddWithoutValidation("Content-Type", attack.ContentType);
            }
            if (attack.Header is not null)
                request.Headers.TryAddWithoutValidation(attack.Header, attack.HeaderValue);
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            output.WriteLine($"{(int)response.StatusCode} {attack.Method} {attack.Route[..Math.Min(60, attack.Route.Length)]} {attack.Body?[..Math.Min(60, attack.Body.Length)]}");
            if ((int)response.StatusCode >= 500)
                failures.Add($"{attack.Method} {attack.Route} {attack.Body?[..Math.Min(80, attack.Body.Length)]} -> {(int)response.StatusCode} {text}");
            else if ((int)response.StatusCode >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{attack.Method} {attack.Route} -> {(int)response.StatusCode} without problem+json");
            Assert.DoesNotContain(gateway.DataDirectory, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Path.GetTempPath().TrimEnd('/') + "/obatch", text, StringComparison.Ordinal);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {count} attacks failed:\n" + string.Join("\n", failures));
    }
}
