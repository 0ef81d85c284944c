using Microsoft.Extensions.DependencyInjection.Extensions;
using TechZone.Platform.Identity;
using TechZone.Platform.Layout;
using TechZone.Platform.Resources;
using TechZone.Platform.Seeding;

namespace TechZone.Platform.Calendar;

/// <summary>The holiday calendar and working-day arithmetic: the table of contents of this part of Platform.</summary>
public static class CalendarModule
{
    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ZoneTime>();
        services.AddScoped<CalendarService>();
        services.AddScoped<WorkCalendar>();
        services.AddSingleton<IReferenceData, OfficialCalendar>();
        services.AddNavEntry(new NavEntry(NavGroup.Admin, 20, "/admin/calendar", MudBlazor.Icons.Material.Filled.CalendarMonth,
            Policies.Admin, () => PlatformStrings.Nav_Calendar, "calendar"));
        return services;
    }

    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        app.MapCalendarEndpoints();
        return app;
    }
}
