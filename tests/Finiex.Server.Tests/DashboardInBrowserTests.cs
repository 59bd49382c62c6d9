using System.Text.Json;
using PuppeteerSharp;

namespace Finiex.Server.Tests;

/// <summary>
/// The dashboard in a real browser (Debian's chromium, driven by PuppeteerSharp) against a real server: start a run from a
/// pasted set (its problems shown first), watch progress, slots and log lines arrive, cancel it, start another and open its
/// report; the tab and log filter survive a reload; no script or Content-Security-Policy errors. Skipped where chromium is
/// not installed, except under CI (CI=true), where .ci/run installs it and a missing browser fails.
/// </summary>
[Collection("server")]
public sealed class DashboardInBrowserTests : IAsyncLifetime
{
    private static readonly string[] BrowserPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(maxParallelRuns: 2);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Where the screenshot goes: beside the test assembly, kept after the run.</summary>
    public static string ScreenshotPath => Path.Combine(AppContext.BaseDirectory, "dashboard.png");

    [SkippableFact(Timeout = 240_000)]
    public async Task A_person_starts_watches_cancels_and_reports_runs_from_the_dashboard()
    {
        var browserPath = BrowserPaths.FirstOrDefault(File.Exists);
        Skip.If(browserPath is null && Environment.GetEnvironmentVariable("CI") != "true", "chromium is not installed (apt-get install chromium)");
        Assert.True(browserPath is not null, "CI needs chromium: .ci/run installs it with apt-get");
        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = browserPath, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        await using var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e.Message);
        page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error && !e.Message.Text.Contains("status of 400", StringComparison.Ordinal)) // the refused set's answer is expected
            {
                errors.Add($"{e.Message.Text} {e.Message.Location?.URL}");
            }
        };
        await page.SetViewportAsync(new ViewPortOptions { Width = 1400, Height = 1000 });
        await page.GoToAsync($"{_server.Client.BaseAddress}?access_token={TestServer.Token}");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#set-select option').length > 0 && document.querySelector('#connection').textContent === 'live'");
        Assert.Equal(["channel_breakout_example", "eurusd_example"],
            await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#set-select option')].map(o => o.value)")); // the shipped sets, by name

        // A pasted set with a problem: refused, the problem shown with its JSON path next to the input.
        var broken = TestServer.Grid("broken", 2);
        broken["defaults"]!["account"]!["initial_balance"] = -1;
        await page.ClickAsync("#source-pasted");
        await PasteAsync(page, broken.ToJsonString());
        await page.ClickAsync("#start-run");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#submit-problems li').length > 0");
        Assert.StartsWith("$.defaults.account.initial_balance", await page.EvaluateExpressionAsync<string>("document.querySelector('#submit-problems li code').textContent"),
            StringComparison.Ordinal);

        // A long grid: progress, busy slots and log lines arrive live; then it is canceled from its tab.
        await PasteAsync(page, TestServer.Grid("long_grid", 1000).ToJsonString());
        await page.ClickAsync("#start-run");
        await page.WaitForFunctionAsync("() => document.querySelector('.run-view .stage')?.dataset.stage === 'running'");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.slot.busy').length > 0 && document.querySelectorAll('#log-lines div').length > 3"
                                        + " && [...document.querySelectorAll('tr[data-status]')].some(r => r.dataset.status === 'completed')");
        var longId = await page.EvaluateExpressionAsync<string>("document.querySelector('.run-view').dataset.run");
        Assert.StartsWith("long_grid--", longId, StringComparison.Ordinal);
        await page.ScreenshotAsync(ScreenshotPath, new ScreenshotOptions { FullPage = true });
        await page.ClickAsync("#cancel-run");
        await page.WaitForFunctionAsync("() => document.querySelector('.run-view .stage')?.dataset.stage === 'canceled'", new WaitForFunctionOptions { Timeout = 60_000 });
        Assert.Equal("canceled", (await _server.GetJsonAsync($"/runs/{longId}")).GetProperty("run").GetProperty("stage").GetString());

        // A set under configs/, to its end: the ranking and the report link.
        await page.ClickAsync("#source-named");
        await page.SelectAsync("#set-select", "eurusd_example");
        await page.ClickAsync("#start-run");
        await page.WaitForFunctionAsync($"() => document.querySelector('.run-view')?.dataset.run !== '{longId}'");
        var exampleId = await page.EvaluateExpressionAsync<string>("document.querySelector('.run-view').dataset.run");
        await page.WaitForFunctionAsync("() => document.querySelector('#report-link') !== null && document.querySelectorAll('table.ranking tr').length === 5",
            new WaitForFunctionOptions { Timeout = 120_000 });
        var report = await page.EvaluateExpressionAsync<string>("document.querySelector('#report-link').href");
        using (var anonymous = new HttpClient())
        {
            Assert.Contains("eurusd_may06", await anonymous.GetStringAsync(new Uri(report)), StringComparison.Ordinal); // the link carries the token
        }

        // An equity chart for a scenario picked from the table.
        await page.ClickAsync("tr[data-scenario='eurusd_may06']");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#equity-chart .uplot canvas').length === 1");

        var lags = await page.EvaluateExpressionAsync<double[]>("window.finiexLag");
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "dashboard-lag.json"), JsonSerializer.Serialize(lags));

        // The log filter and the open tabs survive a reload.
        await page.SelectAsync("#log-level", "WARN");
        await page.ReloadAsync();
        await page.WaitForFunctionAsync($"() => document.querySelector('.run-view')?.dataset.run === '{exampleId}' && document.querySelector('#log-level')?.value === 'WARN'");
        Assert.Equal(2, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#tab-bar .tab').length"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static Task PasteAsync(IPage page, string text) =>
        page.EvaluateFunctionAsync("text => { const box = document.querySelector('#set-json'); box.value = text; box.dispatchEvent(new Event('input')); }", text);
}
