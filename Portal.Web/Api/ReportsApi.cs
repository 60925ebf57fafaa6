using System.Security.Claims;
using Portal.Web.Features.Account;
using Portal.Web.Features.Reports;

namespace Portal.Web.Api;

/// <summary>
/// Scorecard PDFs made on request (a program's for its members, others 404; the portfolio of the programs the caller can
/// see) and stored reports for their owner.
/// </summary>
public static class ReportsApi
{
    public const string PdfType = "application/pdf";

    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/programs/{id:int}/scorecard.pdf", async Task<IResult> (int id, ClaimsPrincipal principal, ReportService reports, CancellationToken ct) =>
            await reports.ProgramPdfAsync(id, CurrentUser.Require(principal), ct) is { } pdf
                ? TypedResults.File(pdf.Bytes, PdfType, pdf.FileName)
                : PortalApi.ProgramNotFound(id));

        api.MapGet("/portfolio/scorecard.pdf", async (ClaimsPrincipal principal, ReportService reports, CancellationToken ct) =>
        {
            var pdf = await reports.PortfolioPdfAsync(CurrentUser.Require(principal), ct: ct);
            return TypedResults.File(pdf.Bytes, PdfType, pdf.FileName);
        });

        // Someone else's file, an expired one or one of a program the owner has since left: 404 alike.
        api.MapGet("/reports/{id:long}/file", async Task<IResult> (long id, ClaimsPrincipal principal, ReportService reports, CancellationToken ct) =>
            await reports.DownloadAsync(id, CurrentUser.Require(principal), ct) is { } file
                ? TypedResults.File(file.Bytes, PdfType, file.FileName)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Report not found",
                    detail: $"Report {id} does not exist, has expired or is not yours."));
        return api;
    }
}
