using System.Diagnostics;
using Portal.Core.Scorecards;
using Portal.Web.Features.Reports.Pdf;

namespace Portal.Benchmarks;

/// <summary>
/// Issue 7's PDF budget: a portfolio PDF of N programs (default 40) rendered from scorecards shaped like the demo's Atlas
/// (8 sections, 20 items with their full rules, 8 sign-offs, every fourth program with a very long name); median and p95
/// of the whole render (summary, charts, tables, page numbers, save).
///   dotnet run --project benchmarks/Portal.Benchmarks -c Release -- pdf [--programs 40] [--iterations 20]
/// Loading the cards from the database is the portfolio page's own query (ScorecardService.PortfolioAsync), not timed here.
/// </summary>
public static class PortfolioPdfTiming
{
    public static Task<int> RunAsync(string[] args)
    {
        string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var programs = int.Parse(Option("--programs", "40"));
        var iterations = int.Parse(Option("--iterations", "20"));
        PdfSetup.EnsureInitialized(new PdfOptions());
        var now = DateTimeOffset.UtcNow;
        var reports = Enumerable.Range(1, programs).Select(i => Report(i, now)).ToList();

        byte[] pdf = [];
        for (var i = 0; i < 3; i++)
            pdf = ScorecardPdfWriter.Portfolio(reports, now);
        var times = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            pdf = ScorecardPdfWriter.Portfolio(reports, now);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var pages = CountPages(pdf);
        Console.WriteLine($"portfolio PDF, {programs} programs: {pages} pages, {pdf.Length / 1024} KB");
        Console.WriteLine($"median {times[times.Count / 2]:0} ms, p95 {times[(int)Math.Ceiling(times.Count * 0.95) - 1]:0} ms, " +
                          $"min {times[0]:0} ms, max {times[^1]:0} ms ({iterations} iterations after 3 warm-ups)");
        return Task.FromResult(0);
    }

    private static int CountPages(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;

    private static ScorecardReport Report(int i, DateTimeOffset now)
    {
        var name = i % 4 == 0
            ? $"Program {i:00}: Group-wide consolidation of project commitments, purchase orders and supplier invoices across EMEA and APAC"
            : $"Program {i:00}: PSA time and HCM rates";
        var statuses = new[] { ScoreStatus.Red, ScoreStatus.Amber, ScoreStatus.Green, ScoreStatus.None, ScoreStatus.Green };
        var rule = "Green at or above 90% (the program's threshold); amber up to 10 points below; red further below; no data until there is " +
                   "something to measure, so an empty register never looks healthy.";
        var sections = new[] { "Phase gates: technical and change", "Change readiness", "Training and UAT", "Decommissioning old workarounds",
                "Integration health", "Adoption reviews 30/60/90", "Sponsorship activity", "Change management budget" }
            .Select((title, s) => new ScorecardSection($"s{s}", title, $"/programs/{i}",
                Enumerable.Range(0, s == 0 ? 6 : 2).Select(k => new ScorecardItem($"Item {s}.{k}",
                    $"{50 + (i + k) % 50}.5% ({i + k} of {i + k + 9}); Financial analysts, project managers and controllers",
                    50 + (i + k) % 50 + 0.5m, statuses[(i + s + k) % statuses.Length], rule, $"/programs/{i}")).ToList()))
            .ToList();
        var signOffs = Enumerable.Range(0, 8).Select(k => new SignOffLine(
            $"Design · Process redesign workshops with project and finance teams; new role responsibilities documented ({k})",
            k % 2 == 0 ? "Mara Lindqvist" : "Sofia Reyes", "Approved", now.AddDays(-10 * k))).ToList();
        return new ScorecardReport(new Scorecard(i, name, now, sections), signOffs);
    }
}
