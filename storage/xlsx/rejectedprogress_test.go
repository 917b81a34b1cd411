package xlsx

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// The copy of refused rows tells how many of how many are done, up to all
// of them, and stops when told to: the error comes back and no file is
// left where the copy was to go (nor is one there replaced).
func TestRejectedRowsCopyCountsAndStops(t *testing.T) {
	const refused = 600
	rows := [][]any{{"姓名", "公民身份号码", "入党时间"}}
	for i := range refused {
		rows = append(rows, []any{fmt.Sprintf("张%d", i), "1", "2008.07"})
	}
	data := roster(t, rows)
	src := filepath.Join(t.TempDir(), "名单.xlsx")
	if err := os.WriteFile(src, data, 0o644); err != nil {
		t.Fatal(err)
	}
	rf := read(t, data)
	stop := errors.New("cancelled")
	tests := []struct {
		name    string
		stop    func(call, done int) bool // whether progress says stop
		wantErr error
		counts  []int // the counts told, each once however often
	}{
		{"to the end", func(int, int) bool { return false }, nil, []int{0, 250, 500, refused}},
		{"stopped at the start", func(call, _ int) bool { return call == 1 }, stop, []int{0}},
		{"stopped while the sheet is read again", func(call, _ int) bool { return call == 3 }, stop, []int{0}},
		{"stopped half-way", func(_, done int) bool { return done == 250 }, stop, []int{0, 250}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "问题行.xlsx")
			var counts []int
			calls := 0
			n, err := WriteRejectedRowsFile(src, out, rf.Rejected, nil, func(done, total int) error {
				calls++
				if total != refused {
					t.Errorf("total %d, want %d", total, refused)
				}
				if len(counts) == 0 || counts[len(counts)-1] != done {
					counts = append(counts, done)
				}
				if tt.stop(calls, done) {
					return stop
				}
				return nil
			})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			if fmt.Sprint(counts) != fmt.Sprint(tt.counts) {
				t.Errorf("counts %v, want %v", counts, tt.counts)
			}
			if tt.wantErr == nil && calls < 5 {
				t.Errorf("told %d times: the seconds of reading the sheet again say nothing", calls)
			}
			_, statErr := os.Stat(out)
			if tt.wantErr == nil && (n != refused || statErr != nil) {
				t.Errorf("wrote %d rows, file: %v", n, statErr)
			}
			if left, _ := os.ReadDir(filepath.Dir(out)); tt.wantErr != nil && len(left) > 0 {
				t.Errorf("a stopped copy left %s", left[0].Name())
			}
		})
	}
}
