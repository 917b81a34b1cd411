package rosterfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The refused rows are copied from the file by the preview's row numbers:
// edited after the preview (a row deleted in WPS), the file no longer holds
// them there, and the copy held the wrong people under the wrong reasons
// (review s14-preview7 #4). It is refused, saying why, and nothing is
// written; unchanged, the copy is written.
func TestRejectedRowsNotCopiedFromAFileChangedSinceThePreview(t *testing.T) {
	zhang, li, wang := validID("19900307", "451"), validID("19920408", "462"), validID("19930509", "473")
	head := []any{"姓名", "公民身份号码", "入党时间", "转正时间"}
	rows := [][]any{head, {"张三", zhang, "2015.06", "2016.06"}, {"李四", li, "2018.13", "2019.06"}, {"王五", wang, "2019.13", "2020.06"}}
	svc, _ := newService(t)
	path := writeSheets(t, []string{"Sheet1"}, rows)
	p, err := svc.PreviewImport(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Rejected) != 2 {
		t.Fatalf("refused %+v, want 李四 and 王五", p.Rejected)
	}

	// 李四's row deleted after the preview.
	edited := writeSheets(t, []string{"Sheet1"}, [][]any{rows[0], rows[1], rows[3]})
	data, err := os.ReadFile(edited)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(2 * time.Second)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "问题行.xlsx")
	if _, err := svc.WriteRejected(p, out, nil); err == nil || !strings.Contains(err.Error(), "在预览之后改动过") {
		t.Errorf("copy from a file changed since the preview: %v, want a refusal saying so", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("%s written from a changed file", out)
	}

	// Previewed again, the copy is made.
	p, err = svc.PreviewImport(path)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := svc.WriteRejected(p, out, nil); err != nil || n != 1 {
		t.Errorf("copy after a new preview: %d rows, %v; want 1 (王五)", n, err)
	}
}

// The workbook removed after the preview (a USB stick pulled): a changed
// box is planned from what was read, so the plan imported is the one the
// boxes show; the refused rows, copied from the file, are refused saying
// where it went (review s14-preview7 #15).
func TestPreviewPlansAgainWithTheFileGone(t *testing.T) {
	zhang, li := validID("19900307", "451"), validID("19920408", "462")
	head := []any{"姓名", "公民身份号码", "入党时间", "转正时间"}
	svc, _ := newService(t)
	path := writeSheets(t, []string{"第一党支部", "第二党支部"},
		[][]any{head, {"张三", zhang, "2015.06", "2016.06"}},
		[][]any{head, {"李四", li, "2018.13", "2019.06"}})
	p, err := svc.PreviewImport(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	c := p.Choice
	c.Sheets = []string{"第一党支部"}
	again, err := svc.PreviewImportWith(path, c)
	if err != nil {
		t.Fatalf("planned again with the file gone: %v", err)
	}
	if len(again.Plan.Add) != 1 || again.Plan.Add[0].Name != "张三" || len(again.Rejected) != 0 {
		t.Errorf("plan for 第一党支部 alone: adds %+v, refuses %+v", again.Plan.Add, again.Rejected)
	}
	out := filepath.Join(t.TempDir(), "问题行.xlsx")
	if _, err := svc.WriteRejected(p, out, nil); err == nil || !strings.Contains(err.Error(), "U盘是否已拔出") {
		t.Errorf("refused rows of a file gone: %v", err)
	}
}
