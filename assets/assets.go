// Package assets holds the files compiled into the executable: the CJK font,
// the application icon and the UI translations. Everything is embedded so the
// app runs from a USB stick on a machine with no Chinese fonts installed.
package assets

import (
	"embed"

	"fyne.io/fyne/v2"
)

//go:embed fonts/DroidSansFallbackFull.ttf
var cjkFont []byte

//go:embed icon.png
var icon []byte

// CJKFont is Droid Sans Fallback (Apache-2.0, see fonts/NOTICE). Fyne never
// uses system fonts, and its default font has no Chinese glyphs.
var CJKFont fyne.Resource = fyne.NewStaticResource("DroidSansFallbackFull.ttf", cjkFont)

// Icon is the 512x512 application icon; FyneApp.toml points at the same file.
var Icon fyne.Resource = fyne.NewStaticResource("icon.png", icon)

// Translations holds translations/en.json and translations/zh.json, for
// lang.AddTranslationsFS(assets.Translations, TranslationsDir).
//
//go:embed translations/*.json
var Translations embed.FS

// TranslationsDir is the directory inside Translations that holds the files.
const TranslationsDir = "translations"
