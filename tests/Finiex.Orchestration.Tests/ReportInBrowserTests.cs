using Finiex.Orchestration.Reports;
using Finiex.Orchestration.Results;
using PuppeteerSharp;

namespace Finiex.Orchestration.Tests;

/// <summary>
/// report.html opened from disk in a real browser (Debian's chromium, driven by PuppeteerSharp): it renders without
/// script errors, draws its charts, and the table sorts, filters and opens a scenario. Where chromium is not installed
/// the test is skipped, except under CI (CI=true), where .ci/run installs it and a missing browser fails.
/// </summary>
public sealed class ReportInBrowserTests(ReportFixture run) : IClassFixture<ReportFixture>
{
    private static readonly string[] BrowserPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    [SkippableFact(Timeout = 120_000)]
    public async Task The_report_renders_its_charts_and_tables_and_answers_clicks()
    {
        var browserPath = BrowserPaths.FirstOrDefault(File.Exists);
        Skip.If(browserPath is null && Environment.GetEnvironmentVariable("CI") != "true", "chromium is not installed (apt-get install chromium)");
        Assert.True(browserPath is not null, "CI needs chromium: .ci/run installs it with apt-get");
        var path = HtmlReport.Write(RecordedRun.Read(run.RunFolder));

        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = browserPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        await using var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e.Message);
        page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error)
            {
                errors.Add(e.Message.Text);
            }
        };
        await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
        await page.GoToAsync(new Uri(path).AbsoluteUri);
        await page.WaitForFunctionAsync("() => window.finiexReady === true");

        Assert.Empty(errors);
        Assert.Equal(7, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#scenario-table tbody tr').length"));
        Assert.Equal(2, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#scenario .uplot canvas').length"));
        Assert.Equal(4, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#heat-map td.cell').length"));
        var best = run.Batch.Scenarios.Where(s => s.Config!.GridValues.Count > 0).MaxBy(s => s.Result.Statistics!.NetProfit)!;
        Assert.StartsWith($"#{best.Index} ", await page.EvaluateExpressionAsync<string>("document.querySelector('#scenario h2').textContent"), StringComparison.Ordinal);

        // Sorting by net P&L (descending on first click) puts the best scenario first.
        await page.EvaluateExpressionAsync("[...document.querySelectorAll('#scenario-table th')].find(th => th.textContent.startsWith('net P&L')).click()");
        var top = run.Batch.Scenarios.MaxBy(s => s.Result.Statistics!.NetProfit)!;
        Assert.Equal($"{top.Index}", await page.EvaluateExpressionAsync<string>("document.querySelector('#scenario-table tbody tr').dataset.index"));

        // Filtering by symbol, then opening the one scenario left.
        await page.TypeAsync("#filter", "NZDUSD");
        Assert.Equal(1, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#scenario-table tbody tr').length"));
        await page.ClickAsync("#scenario-table tbody tr");
        var nzd = run.Batch.Scenarios.Single(s => s.Result.Symbol == "NZDUSD");
        Assert.StartsWith($"#{nzd.Index} ", await page.EvaluateExpressionAsync<string>("document.querySelector('#scenario h2').textContent"), StringComparison.Ordinal);
        Assert.Equal(nzd.Result.Trades.Count, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#trade-table tbody tr').length"));
        Assert.Matches(@"^0\.\d{5}$", await page.EvaluateExpressionAsync<string>("document.querySelector('#trade-table tbody tr td:nth-child(6)').textContent")); // the symbol's 5 digits
        Assert.Empty(errors);

        await page.ScreenshotAsync(Path.Combine(run.Output, "report.png"), new ScreenshotOptions { FullPage = true });
    }
}
