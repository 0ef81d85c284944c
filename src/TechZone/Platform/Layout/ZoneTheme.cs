using MudBlazor;

namespace TechZone.Platform.Layout;

/// <summary>The shell's colours and type: a calm government blue, system CJK fonts (no web fonts are fetched).</summary>
public static class ZoneTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5fae",
            Secondary = "#0f8a7e",
            AppbarBackground = "#17467f",
            Background = "#f4f6fa",
            DrawerBackground = "#ffffff",
            Success = "#2e7d32",
            Warning = "#ed8a00",
            Error = "#c62828",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "sans-serif"],
            },
            // Chinese has no case, and English in capitals reads as shouting.
            Button = new ButtonTypography { TextTransform = "none" },
        },
    };
}
