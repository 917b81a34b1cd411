package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"branchledger/assets"
)

// appTheme is the default Fyne theme with a CJK font. Fyne's bundled fonts
// have no Chinese glyphs and, on a machine without a Chinese system font, 党员
// would render as boxes. Droid Sans Fallback has no Latin letters, so Fyne
// falls back to its default (or bold/italic) face for those: Latin text keeps
// its usual look and weight.
type appTheme struct {
	fyne.Theme
}

// NewTheme returns the application theme; set it with app.Settings().SetTheme.
func NewTheme() fyne.Theme {
	return &appTheme{Theme: theme.DefaultTheme()}
}

// Color always takes the light variant. Records are kept here as on paper,
// and screenshots in a manual or a training look the same on every laptop,
// whatever the system's dark-mode setting.
func (t *appTheme) Color(name fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(name, theme.VariantLight)
}

// Font returns the bundled CJK font for every style but monospace and symbol:
// monospace keeps its fixed-width face (IDs, codes), symbol keeps the glyphs
// Fyne draws for keyboard shortcuts.
func (t *appTheme) Font(style fyne.TextStyle) fyne.Resource {
	if style.Monospace || style.Symbol {
		return t.Theme.Font(style)
	}
	return assets.CJKFont
}

// softwareTheme is appTheme for 兼容模式 (software rendering). There every
// frame is painted on the CPU, pixel by pixel through Fyne's shaders, and
// the rounded-rectangle shader is the dearest of them: 设置's fields, each a
// rounded fill plus a rounded outline over the same pixels, took most of
// a frame. Here corners are square (the plain rectangle shader), fields
// have no outline (one rectangle each instead of two: a field is its grey
// box, as in the normal theme, and the focused one shows its cursor), and
// table headers have no background of their own. The app's own fields
// (ui/kit) go further and are a one-pixel frame with nothing to fill
// (kit/fieldbox.go).
type softwareTheme struct {
	appTheme
}

// SoftwareRendered marks the theme of 兼容模式 for ui/kit, whose fields
// then paint their box as an image rather than a rectangle (kit/fieldbox.go).
func (t *softwareTheme) SoftwareRendered() {}

// NewSoftwareTheme returns the theme for 兼容模式; SetupApp sets it.
func NewSoftwareTheme() fyne.Theme {
	return &softwareTheme{appTheme{Theme: theme.DefaultTheme()}}
}

// Color leaves out the tables' header background: #f9f9f9 on white, hardly
// seen, it is two rectangles the width of the 党员 table in every frame.
// A colour that is exactly color.Transparent is not drawn at all.
func (t *softwareTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if name == theme.ColorNameHeaderBackground {
		return color.Transparent
	}
	return t.appTheme.Color(name, v)
}

func (t *softwareTheme) Size(name fyne.ThemeSizeName) float32 {
	switch name {
	case theme.SizeNameInputRadius, theme.SizeNameSelectionRadius,
		theme.SizeNameScrollBarRadius, theme.SizeNameWindowButtonRadius,
		theme.SizeNameInputBorder:
		return 0
	}
	return t.appTheme.Size(name)
}

// LoadFonts reads the theme's fonts into Fyne's cache. Parsing the 4 MB CJK
// font takes a noticeable part of a start-up; main calls this while the
// store opens on another goroutine, so that the first window finds the fonts
// ready instead of parsing them on the UI goroutine. Call SetupApp first.
func LoadFonts() {
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		fyne.MeasureText("党", theme.TextSize(), style)
	}
}
