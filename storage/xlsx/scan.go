package xlsx

import "bytes"

// numericCells knows, for a few columns, which cells of a sheet are stored as
// numbers. The row iterator of excelize gives cell values only, and asking
// for each cell's type one by one loads the whole sheet a second time. But
// the type decides whether an ID number lost digits and how "1985.1" reads,
// so a byte scan of the sheet XML, many times cheaper than decoding it,
// collects just that.
type numericCells struct {
	bit  map[int]uint32 // column (0-based) → its bit in rows
	rows []uint32       // by row number: the columns whose cell is a number
}

// maxSheetRow is the last row a worksheet can have; row numbers beyond it
// are ignored rather than allowed to grow the table.
const maxSheetRow = 1 << 20

// scanNumericCells scans a worksheet's XML for numeric cells in cols (at
// most 32). It numbers rows and cells the way excelize's iterator does when
// the r attributes are missing, so the two agree on every file.
func scanNumericCells(data []byte, cols []int) *numericCells {
	nc := &numericCells{bit: make(map[int]uint32, len(cols))}
	for i, c := range cols {
		if i < 32 {
			nc.bit[c] = 1 << i
		}
	}
	row, col := 0, 0
	for i := 0; i < len(data); {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 || i+j+1 >= len(data) {
			break
		}
		i += j + 1
		switch data[i] {
		case '!':
			// A comment or CDATA section may contain '<'; skip it whole.
			end := []byte(">")
			if bytes.HasPrefix(data[i:], []byte("!--")) {
				end = []byte("-->")
			} else if bytes.HasPrefix(data[i:], []byte("![CDATA[")) {
				end = []byte("]]>")
			}
			k := bytes.Index(data[i:], end)
			if k < 0 {
				return nc
			}
			i += k + len(end)
			continue
		case '/':
			if name, _ := tagName(data[i+1:]); bytes.Equal(name, []byte("sheetData")) {
				return nc
			}
			continue
		case '?':
			continue
		}
		name, n := tagName(data[i:])
		i += n
		switch {
		case bytes.Equal(name, []byte("row")):
			r := 0
			i += scanAttrs(data[i:], func(k, v []byte) {
				if bytes.Equal(k, []byte("r")) {
					r = atoiBounded(v)
				}
			})
			if r > 0 {
				row = r
			} else {
				row++
			}
			col = 0
		case bytes.Equal(name, []byte("c")):
			col++
			numeric := true
			i += scanAttrs(data[i:], func(k, v []byte) {
				switch {
				case bytes.Equal(k, []byte("r")):
					if c := refColumn(v); c > 0 {
						col = c
					}
				case bytes.Equal(k, []byte("t")):
					numeric = len(v) == 0 || bytes.Equal(v, []byte("n"))
				}
			})
			if numeric {
				nc.mark(row, col-1)
			}
		}
	}
	return nc
}

func (nc *numericCells) mark(row, col int) {
	b, ok := nc.bit[col]
	if !ok || row <= 0 || row > maxSheetRow {
		return
	}
	if row >= len(nc.rows) {
		nc.rows = append(nc.rows, make([]uint32, row+1-len(nc.rows))...)
	}
	nc.rows[row] |= b
}

// numeric reports whether the cell at row (1-based) and col (0-based) is
// stored as a number; known is false when the sheet could not be scanned or
// the column was not asked for.
func (nc *numericCells) numeric(row, col int) (numeric, known bool) {
	if nc == nil {
		return false, false
	}
	b, ok := nc.bit[col]
	if !ok {
		return false, false
	}
	if row <= 0 || row >= len(nc.rows) {
		return false, true
	}
	return nc.rows[row]&b != 0, true
}

// tagName returns the local name of the element starting at data (after
// '<'), without a namespace prefix, and how many bytes the name took.
func tagName(data []byte) ([]byte, int) {
	n := 0
	for n < len(data) && !isXMLSpace(data[n]) && data[n] != '>' && data[n] != '/' {
		n++
	}
	name := data[:n]
	if k := bytes.LastIndexByte(name, ':'); k >= 0 {
		name = name[k+1:]
	}
	return name, n
}

// scanAttrs calls fn for each attribute of a start tag until its '>' and
// returns how many bytes it read. Attribute names lose their prefix.
func scanAttrs(data []byte, fn func(k, v []byte)) int {
	i := 0
	for i < len(data) {
		for i < len(data) && isXMLSpace(data[i]) {
			i++
		}
		if i >= len(data) {
			return i
		}
		if data[i] == '>' {
			return i + 1
		}
		if data[i] == '/' {
			i++
			continue
		}
		start := i
		for i < len(data) && data[i] != '=' && data[i] != '>' && !isXMLSpace(data[i]) {
			i++
		}
		key := data[start:i]
		if k := bytes.LastIndexByte(key, ':'); k >= 0 {
			key = key[k+1:]
		}
		for i < len(data) && isXMLSpace(data[i]) {
			i++
		}
		if i >= len(data) || data[i] != '=' {
			continue
		}
		i++
		for i < len(data) && isXMLSpace(data[i]) {
			i++
		}
		if i >= len(data) || (data[i] != '"' && data[i] != '\'') {
			continue
		}
		q := data[i]
		i++
		end := bytes.IndexByte(data[i:], q)
		if end < 0 {
			return len(data)
		}
		fn(key, data[i:i+end])
		i += end + 1
	}
	return i
}

func isXMLSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// refColumn returns the 1-based column of a cell reference such as "AB12",
// or 0 when it does not start with letters or names a column past XFD.
func refColumn(ref []byte) int {
	col, n := 0, 0
	for _, c := range ref {
		switch {
		case c >= 'A' && c <= 'Z':
			col = col*26 + int(c-'A') + 1
		case c >= 'a' && c <= 'z':
			col = col*26 + int(c-'a') + 1
		default:
			if n == 0 || col > 16384 {
				return 0
			}
			return col
		}
		n++
		if n > 3 {
			return 0
		}
	}
	return 0
}

// atoiBounded reads a positive decimal number of at most 7 digits, else 0.
func atoiBounded(b []byte) int {
	if len(b) == 0 || len(b) > 7 {
		return 0
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}
