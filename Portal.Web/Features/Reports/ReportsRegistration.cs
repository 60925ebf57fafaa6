using Portal.Web.Features.Reports.Pdf;

namespace Portal.Web.Features.Reports;

public static class ReportsRegistration
{
    public static IServiceCollection AddPortalReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PdfOptions>(configuration.GetSection(PdfOptions.Section));
        services.AddSingleton<ReportService>();
        services.AddSingleton<ReportSubscriptionService>();
        services.AddSingleton<WeeklyReportService>();
        services.AddSingleton<ReportGenerationQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<ReportGenerationQueue>());
        return services;
    }
}
