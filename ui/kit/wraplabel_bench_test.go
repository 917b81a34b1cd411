package kit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// A table's wrapped cell set again as it scrolls back into view: the same
// 议题 at the same width, rebroken each time before brokenText kept it.
func BenchmarkWrapLabelSetTextAgain(b *testing.B) {
	test.NewTempApp(b)
	texts := []string{
		"学习贯彻党的二十届四中全会精神，结合本公司安全生产和技术攻关实际，开展“我为群众办实事”专题研讨并部署第四季度重点工作",
		"通报上半年支部工作，部署下半年任务，讨论发展对象的培养考察情况",
	}
	l := NewWrapLabel("")
	test.WidgetRenderer(l)
	l.Resize(fyne.NewSize(170, 60))
	for i := 0; b.Loop(); i++ {
		l.SetText(texts[i%2])
	}
}
