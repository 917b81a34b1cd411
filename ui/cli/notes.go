package cli

import (
	"fmt"
	"strings"

	"branchledger/model"
)

// noteLine is how roster import and dues bases import print a note about
// the file: "提示：" and where it is, by row, with its sheet when several
// sheets are read; a note about a whole sheet names the sheet unless its
// message names it already (read-through s6 rtimport #2: the two commands
// wrote this loop each, and their wording had begun to drift).
//
// A note about a row without a name names it by its row already (第2行：15
// 位的旧身份证号码…, 第2行的联系电话：…): the row is said once, not twice
// (review s13-attack #12: 第2行：第2行：15位的旧身份证号码…).
func noteLine(n model.ImportNote, multi bool) string {
	where := ""
	named := n.Row > 0 && strings.HasPrefix(n.Message, fmt.Sprintf("第%d行", n.Row))
	switch {
	case named && multi:
		where = fmt.Sprintf("工作表“%s”", n.Sheet)
	case named:
	case n.Row > 0 && multi:
		where = fmt.Sprintf("工作表“%s”第%d行：", n.Sheet, n.Row)
	case n.Row > 0:
		where = fmt.Sprintf("第%d行：", n.Row)
	case multi && n.Sheet != "" && !strings.Contains(n.Message, "工作表“"+n.Sheet+"”"):
		where = fmt.Sprintf("工作表“%s”：", n.Sheet)
	}
	return "提示：" + printable(where+n.Message)
}
