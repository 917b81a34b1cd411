package xlsx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// The worksheet scan (scanSheet) reads every byte of a sheet's XML a
// second time, beside excelize's row iterator; through encoding/xml that
// took a third of an import's time (issue 7: a 20,000-row roster). Sheets
// are machine-written in a small part of XML — elements, attributes in
// quotes, the five named entities and character references, one <?xml?>
// declaration in UTF-8 — and quickScan reads that part directly from the
// bytes, handing the sheetScan the same tokens, in the same order, that
// encoding/xml's RawToken would. At anything outside that part (a comment,
// CDATA, a DOCTYPE, another encoding, a name that is not ASCII, a malformed
// tag, a read error) it gives up with errSlowPath, and the sheet is scanned
// again through encoding/xml from its start, so that every error, message
// and limit is exactly that scan's (TestQuickScanAgrees, FuzzQuickScanAgrees).

// errSlowPath says the quick scan met XML it does not read itself.
var errSlowPath = errors.New("xlsx: sheet XML outside what the quick scan reads")

const (
	quickChunk = 64 << 10 // bytes read at a time: less than maxBlankRun (see scanSheetQuick)
	quickToken = 1 << 20  // the longest tag or text run read here
)

// scanSheetQuick scans a worksheet's XML as scanSheet does, or fails with
// errSlowPath. Its reads are shorter than maxBlankRun, so a read error
// (a blank run too long, a damaged part) arrives no later in the token
// stream than encoding/xml would meet it, and a sheetScan error returned
// here is the one scanSheet returns.
func scanSheetQuick(r io.Reader, sheet string, shared []uint32, formats, dxfs map[int]*cellFormat) (*sheetShape, error) {
	q := &quickScan{r: r, buf: make([]byte, quickChunk), names: map[string]string{}}
	sc := &sheetScan{sheet: sheet, shared: shared, formats: formats, dxfs: dxfs}
	if err := q.run(sc); err != nil {
		return nil, err
	}
	return &sc.shape, nil
}

type quickScan struct {
	r        io.Reader
	buf      []byte
	pos, end int // buf[pos:end] is read and not yet used
	eof      bool
	// names holds each element and attribute name once: the sheetScan
	// keeps the open elements' names.
	names map[string]string
	attrs []xml.Attr
	text  []byte // a value's text, entities replaced
	vals  []byte // attribute values with entities replaced
}

// more reads more of the part, keeping buf[pos:end]. It is false at the
// end of the part (q.eof) and for a read error, a token longer than
// quickToken (q.failed).
func (q *quickScan) more() (ok bool, failed bool) {
	if q.eof {
		return false, false
	}
	if q.pos > 0 {
		q.end = copy(q.buf, q.buf[q.pos:q.end])
		q.pos = 0
	}
	if q.end == len(q.buf) {
		if len(q.buf) >= quickToken {
			return false, true
		}
		q.buf = append(q.buf, make([]byte, len(q.buf))...)
	}
	for {
		n, err := q.r.Read(q.buf[q.end:min(len(q.buf), q.end+quickChunk)])
		switch {
		case err == io.EOF:
			q.end += n
			q.eof = true
			return n > 0, false
		case err != nil:
			return false, true
		case n > 0:
			q.end += n
			return true, false
		}
	}
}

func (q *quickScan) run(sc *sheetScan) error {
	for {
		if q.pos == q.end {
			ok, failed := q.more()
			if failed {
				return errSlowPath
			}
			if !ok {
				break
			}
		}
		var err error
		if q.buf[q.pos] == '<' {
			err = q.markup(sc)
		} else {
			err = q.chars(sc)
		}
		if err != nil {
			return err
		}
	}
	if len(sc.stack) > 0 {
		return sc.damaged(io.ErrUnexpectedEOF)
	}
	return nil
}

// chars reads a run of text up to the next '<' (or the end of the part).
// Only a cell's value and a conditional format's text are handed on;
// other text is checked as encoding/xml checks it, and dropped.
func (q *quickScan) chars(sc *sheetScan) error {
	seen := 0
	for {
		if i := bytes.IndexByte(q.buf[q.pos+seen:q.end], '<'); i >= 0 {
			seen += i
			break
		}
		seen = q.end - q.pos
		ok, failed := q.more()
		if failed {
			return errSlowPath
		}
		if !ok {
			break
		}
	}
	run := q.buf[q.pos : q.pos+seen]
	want := sc.inValue || sc.cf != nil && sc.cf.inText
	text, ok := q.decode(run, -1, want, q.text[:0])
	if !ok {
		return errSlowPath
	}
	q.pos += seen
	if want {
		q.text = text
		sc.charData(text)
	}
	return nil
}

// decode checks text (quote < 0) or an attribute value (quote is its
// quote character) as encoding/xml's Decoder.text does, and when keep is
// set appends it to out with entities replaced and line ends made \n.
// ok is false where encoding/xml would fail or do what is not done here.
func (q *quickScan) decode(run []byte, quote int, keep bool, out []byte) (_ []byte, ok bool) {
	var b0, b1 byte
	for i := 0; i < len(run); {
		c := run[i]
		switch {
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(run[i:])
			if r == utf8.RuneError && size == 1 || !isInCharacterRange(r) {
				return nil, false
			}
			if keep {
				out = append(out, run[i:i+size]...)
			}
			i += size
			b0, b1 = 0, 0 // only ASCII matters for ]]>
			continue
		case c == '&':
			r, n := entityAt(run[i:])
			if n == 0 {
				return nil, false
			}
			if keep {
				out = utf8.AppendRune(out, r)
			}
			i += n
			b0, b1 = 0, 0
			continue
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
			return nil, false
		case c == '<':
			return nil, false
		case quote < 0 && c == '>' && b0 == ']' && b1 == ']':
			return nil, false
		}
		if keep {
			switch {
			case c == '\r':
				out = append(out, '\n')
			case c == '\n' && b1 == '\r':
			default:
				out = append(out, c)
			}
		}
		b0, b1 = b1, c
		i++
	}
	return out, true
}

// entityAt reads the entity at the start of b (&amp; &#38; &#x26;): its
// character and length, or n 0 for anything encoding/xml would refuse.
func entityAt(b []byte) (r rune, n int) {
	end := bytes.IndexByte(b, ';')
	if end < 2 || end > 12 {
		return 0, 0
	}
	body := string(b[1:end])
	switch body {
	case "amp":
		return '&', end + 1
	case "lt":
		return '<', end + 1
	case "gt":
		return '>', end + 1
	case "apos":
		return '\'', end + 1
	case "quot":
		return '"', end + 1
	}
	if body[0] != '#' || len(body) < 2 {
		return 0, 0
	}
	digits, base := body[1:], 10
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if digits == "" {
		return 0, 0
	}
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		if !('0' <= c && c <= '9' || base == 16 && ('a' <= c && c <= 'f' || 'A' <= c && c <= 'F')) {
			return 0, 0
		}
	}
	v, err := strconv.ParseUint(digits, base, 32)
	if err != nil || v > utf8.MaxRune || !isInCharacterRange(rune(v)) {
		return 0, 0
	}
	return rune(v), end + 1
}

// isInCharacterRange is encoding/xml's: the characters XML allows.
func isInCharacterRange(r rune) bool {
	return r == 0x09 ||
		r == 0x0A ||
		r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// markup reads the tag at q.pos: a start or end tag, or a processing
// instruction; anything else (<!-- -->, <![CDATA[, <!DOCTYPE) is left to
// encoding/xml.
func (q *quickScan) markup(sc *sheetScan) error {
	end, ok := q.tagEnd()
	if !ok {
		return errSlowPath
	}
	tag := q.buf[q.pos+1 : end] // between < and >
	q.pos = end + 1
	if len(tag) == 0 {
		return errSlowPath
	}
	switch tag[0] {
	case '/':
		name, rest, ok := q.name(tag[1:])
		if !ok || len(skipSpace(rest)) != 0 {
			return errSlowPath
		}
		return sc.end(xml.EndElement{Name: name})
	case '?':
		return q.procInst(tag)
	case '!':
		return errSlowPath
	}
	name, rest, ok := q.name(tag)
	if !ok {
		return errSlowPath
	}
	// Attribute values the sheetScan keeps (a conditional format's) are
	// copied; the others are read before the next token and point into
	// the buffer.
	keep := sc.cf != nil || name.Local == "conditionalFormatting"
	q.attrs, q.vals = q.attrs[:0], q.vals[:0]
	empty := false
	for {
		rest = skipSpace(rest)
		if len(rest) == 0 {
			break
		}
		if rest[0] == '/' {
			if len(rest) != 1 {
				return errSlowPath
			}
			empty = true
			break
		}
		var a xml.Attr
		if a.Name, rest, ok = q.name(rest); !ok {
			return errSlowPath
		}
		rest = skipSpace(rest)
		if len(rest) == 0 || rest[0] != '=' {
			return errSlowPath
		}
		rest = skipSpace(rest[1:])
		if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
			return errSlowPath
		}
		quote := rest[0]
		j := bytes.IndexByte(rest[1:], quote)
		if j < 0 {
			return errSlowPath
		}
		raw := rest[1 : 1+j]
		rest = rest[2+j:]
		plain := bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\r') < 0
		switch {
		case keep:
			v, ok := q.decode(raw, int(quote), true, nil)
			if !ok {
				return errSlowPath
			}
			a.Value = string(v)
		case plain:
			if _, ok := q.decode(raw, int(quote), false, nil); !ok {
				return errSlowPath
			}
			a.Value = transient(raw)
		default:
			from := len(q.vals)
			v, ok := q.decode(raw, int(quote), true, q.vals)
			if !ok {
				return errSlowPath
			}
			q.vals = v
			a.Value = transient(v[from:])
		}
		q.attrs = append(q.attrs, a)
	}
	if err := sc.start(xml.StartElement{Name: name, Attr: q.attrs}); err != nil {
		return err
	}
	if empty {
		return sc.end(xml.EndElement{Name: name})
	}
	return nil
}

// transient is b as a string without copying it: for an attribute value
// the sheetScan reads (sheetScan.start) before the buffer is read into
// again, and does not keep. q.vals may grow while a tag's values are
// read; a string into its old array keeps that array.
func transient(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// tagEnd finds the '>' that ends the tag at q.pos, reading more as needed:
// a '>' inside an attribute's quotes does not end it, and a processing
// instruction ends at "?>".
func (q *quickScan) tagEnd() (int, bool) {
	seen := 1
	var quote byte
	for {
		b := q.buf[q.pos:q.end]
		pi := len(b) > 1 && b[1] == '?'
		for i := seen; i < len(b); i++ {
			c := b[i]
			switch {
			case pi:
				if c == '>' && b[i-1] == '?' && i > 2 {
					return q.pos + i, true
				}
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '>':
				return q.pos + i, true
			case c == '<':
				return 0, false
			}
		}
		seen = len(b)
		ok, failed := q.more()
		if !ok || failed {
			return 0, false
		}
	}
}

// name reads an ASCII XML name at the start of b as encoding/xml's nsname
// does (prefix:local), returning what follows it.
func (q *quickScan) name(b []byte) (xml.Name, []byte, bool) {
	if len(b) == 0 {
		return xml.Name{}, nil, false
	}
	if c := b[0]; !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == '_' || c == ':') {
		return xml.Name{}, nil, false
	}
	i := 1
	for i < len(b) && isNameByte(b[i]) {
		i++
	}
	if i < len(b) && b[i] >= utf8.RuneSelf {
		return xml.Name{}, nil, false // a name that is not ASCII
	}
	raw := b[:i]
	var n xml.Name
	switch colon := bytes.IndexByte(raw, ':'); {
	case colon < 0:
		n.Local = q.intern(raw)
	case bytes.Count(raw, []byte{':'}) > 1:
		return xml.Name{}, nil, false
	case colon == 0 || colon == len(raw)-1:
		n.Local = q.intern(raw)
	default:
		n.Space, n.Local = q.intern(raw[:colon]), q.intern(raw[colon+1:])
	}
	return n, b[i:], true
}

func isNameByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == ':' || c == '.' || c == '-'
}

// intern is the name as a string, made once.
func (q *quickScan) intern(b []byte) string {
	switch string(b) { // the names of every cell, without a map
	case "c":
		return "c"
	case "v":
		return "v"
	case "r":
		return "r"
	case "s":
		return "s"
	case "t":
		return "t"
	case "is":
		return "is"
	case "row":
		return "row"
	case "f":
		return "f"
	}
	if s, ok := q.names[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(q.names) < 4096 {
		q.names[s] = s
	}
	return s
}

// skipSpace drops leading XML white space.
func skipSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\n' || b[0] == '\r') {
		b = b[1:]
	}
	return b
}

// procInst reads a processing instruction (tag is ?target content?): the
// sheetScan ignores them, and encoding/xml acts only on <?xml?> naming a
// version other than 1.0 (an error) or an encoding other than UTF-8 (the
// sheet is transcoded), both left to it.
func (q *quickScan) procInst(tag []byte) error {
	b := tag[1:]
	if len(b) == 0 || !('A' <= b[0] && b[0] <= 'Z' || 'a' <= b[0] && b[0] <= 'z' || b[0] == '_') {
		return errSlowPath
	}
	i := 1
	for i < len(b) && isNameByte(b[i]) {
		i++
	}
	if i < len(b) && b[i] >= utf8.RuneSelf || bytes.IndexByte(b[:i], ':') >= 0 {
		return errSlowPath // a target not ASCII, or with a colon: left to encoding/xml
	}
	if string(b[:i]) != "xml" {
		return nil
	}
	content := skipSpace(b[i:])
	s := string(content[:len(content)-1]) // the ? of ?>
	ver, enc := procInstParam("version", s), procInstParam("encoding", s)
	if ver != "" && ver != "1.0" || enc != "" && !strings.EqualFold(enc, "utf-8") {
		return errSlowPath
	}
	return nil
}

// procInstParam is encoding/xml's procInst (Go's BSD licence): the value
// of param in a processing instruction's content, as it reads it.
func procInstParam(param, s string) string {
	param = param + "="
	lenp := len(param)
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := strings.Index(sub, param)
		if k < 0 || lenp+k >= len(sub) {
			return ""
		}
		i += lenp + k + 1
		if c := sub[lenp+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return ""
	}
	j := strings.IndexByte(s[i:], sep)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}
