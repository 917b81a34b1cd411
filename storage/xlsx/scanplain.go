package xlsx

import (
	"bytes"
	"encoding/xml"
	"unicode/utf8"

	"github.com/orisano/gosax"
)

// A sheet's scan (sheetScan) took about a fifth of an import's CPU, most
// of it encoding/xml making a string of every name and attribute and a
// token value of every tag. A sheet part held in memory (book.unpacked) is
// first read with gosax, a tokenizer that hands over slices of the part
// and allocates nothing per tag. gosax checks little of the XML's form,
// though, and the scan must refuse every damaged part that encoding/xml
// refuses. So gosax's reading is taken only for a part plainly
// well-formed in the narrow form Excel, WPS and excelize write (scanPlain):
// anything outside it, and any refusal, has the part scanned again by
// encoding/xml (scanSheetReporting), whose result — the shape, or the
// refusal with its message — is the one given. The plain form is within
// what encoding/xml reads, and the two read it alike
// (FuzzPlainScanAgrees).

// scanSheetData scans a sheet part held in memory, telling reached of
// each row's start (scanSheetReporting).
func scanSheetData(data []byte, sheet string, shared []uint32, formats, dxfs map[int]*cellFormat, reached func(int)) (*sheetShape, error) {
	if shape, ok := scanPlain(data, sheet, shared, formats, dxfs, reached); ok {
		return shape, nil
	}
	return scanSheetReporting(&blankLimiter{r: bytes.NewReader(data)}, sheet, shared, formats, dxfs, reached)
}

// scanPlain is the scan read with gosax; ok is false when the part is not
// in the plain form, or the scan refuses it: encoding/xml then decides.
// The rows it reports reached are in the plain form, so encoding/xml
// reads them alike and gets past them too.
func scanPlain(data []byte, sheet string, shared []uint32, formats, dxfs map[int]*cellFormat, reached func(int)) (*sheetShape, bool) {
	if !plainCharacters(data) {
		return nil, false
	}
	r := gosax.NewReaderSize(bytes.NewReader(data), 64<<10)
	sc := &sheetScan{sheet: sheet, shared: shared, formats: formats, dxfs: dxfs, reached: reached}
	var tag scanTag
	for first := true; ; first = false {
		e, err := r.Event()
		if err != nil {
			return nil, false
		}
		switch e.Type() {
		case gosax.EventEOF:
			return &sc.shape, len(sc.stack) == 0
		case gosax.EventStart:
			// The tag ends at its first '>' outside quotes: a "/>" there
			// closes the element too.
			closed := bytes.HasSuffix(e.Bytes, []byte("/>"))
			body := e.Bytes[1 : len(e.Bytes)-1]
			if closed {
				body = body[:len(body)-1]
			}
			if !tag.fromPlain(body) || sc.start(&tag) != nil {
				return nil, false
			}
			if closed && sc.end(tag.local) != nil {
				return nil, false
			}
		case gosax.EventEnd:
			local, ok := plainEndTag(e.Bytes[2 : len(e.Bytes)-1])
			if !ok || sc.end(local) != nil {
				return nil, false
			}
		case gosax.EventText:
			text, ok := plainText(e.Bytes)
			if !ok {
				return nil, false
			}
			sc.chars(text)
		case gosax.EventProcessingInstruction:
			if !first || !plainDeclaration(e.Bytes) {
				return nil, false
			}
		default: // comments, CDATA, DOCTYPE: not written by Excel or WPS
			return nil, false
		}
	}
}

// plainCharacters reports a part that is UTF-8 and holds only characters
// XML allows (no control characters but tab and line ends, no U+FFFE or
// U+FFFF) — what encoding/xml checks of text and attribute values, here of
// every byte — and no run of white space longer than the blank-run guard
// allows (blankLimiter). A part in another encoding, or declaring one but
// UTF-8 all the same, reads alike (declaredCharset).
func plainCharacters(data []byte) bool {
	if !utf8.Valid(data) {
		return false
	}
	blanks := 0
	for i, c := range data {
		switch plainClass[c] {
		case plainOther:
			blanks = 0
		case plainBlank:
			if blanks++; blanks > maxBlankRun {
				return false
			}
		case plainControl:
			return false
		case plainEF: // U+FFFE, U+FFFF
			blanks = 0
			if i+2 < len(data) && data[i+1] == 0xBF && data[i+2] >= 0xBE {
				return false
			}
		}
	}
	return true
}

// The kinds of byte plainCharacters tells apart.
const (
	plainOther = iota
	plainBlank
	plainControl
	plainEF // the lead byte of U+F000–U+FFFF
)

var plainClass = func() (t [256]byte) {
	for c := range 0x20 {
		t[c] = plainControl
	}
	t[' '], t['\t'], t['\n'], t['\r'] = plainBlank, plainBlank, plainBlank, plainBlank
	t[0xEF] = plainEF
	return t
}()

// skipBlanks is b after its leading white space.
func skipBlanks(b []byte) []byte {
	for len(b) > 0 && isBlank(b[0]) {
		b = b[1:]
	}
	return b
}

// plainName splits an element or attribute name of ASCII name characters,
// with at most one namespace prefix, into its local name, as encoding/xml
// does; ok is false for any other name.
func plainName(b []byte) (local []byte, prefixed, ok bool) {
	if len(b) == 0 || !(b[0] == '_' || b[0]|0x20 >= 'a' && b[0]|0x20 <= 'z') {
		return nil, false, false
	}
	colon := -1
	for i, c := range b {
		switch {
		case c == '_' || c == '-' || c == '.' || c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z':
		case c == ':' && colon < 0 && i < len(b)-1:
			colon = i
		default:
			return nil, false, false
		}
	}
	if colon < 0 {
		return b, false, true
	}
	return b[colon+1:], true, true
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// fromPlain reads a start tag's body (between < and > or />): a plain
// name, then attributes each after white space, each name="value" or
// name='value', a value being plain text without '<'.
func (t *scanTag) fromPlain(b []byte) bool {
	i := 0
	for i < len(b) && !isBlank(b[i]) {
		i++
	}
	local, _, ok := plainName(b[:i])
	if !ok {
		return false
	}
	t.local, t.attrs = local, t.attrs[:0]
	rest := b[i:]
	for {
		blank := len(rest)
		rest = skipBlanks(rest)
		if len(rest) == 0 {
			return true
		}
		if blank == len(rest) { // no white space before the attribute
			return false
		}
		a, next, err := gosax.NextAttribute(rest)
		if err != nil || len(a.Value) < 2 || a.Value[0] != a.Value[len(a.Value)-1] {
			return false
		}
		name, prefixed, ok := plainName(a.Key)
		if !ok || bytes.IndexByte(a.Value, '<') >= 0 {
			return false
		}
		value, ok := plainText(a.Value[1 : len(a.Value)-1])
		if !ok {
			return false
		}
		t.attrs = append(t.attrs, scanAttr{local: name, prefixed: prefixed, value: value})
		rest = next
	}
}

// plainEndTag reads an end tag's body (between </ and >): a plain name,
// white space after it at most.
func plainEndTag(b []byte) ([]byte, bool) {
	i := 0
	for i < len(b) && !isBlank(b[i]) {
		i++
	}
	if len(skipBlanks(b[i:])) != 0 {
		return nil, false
	}
	local, _, ok := plainName(b[:i])
	return local, ok
}

// plainEntities are the entities encoding/xml knows without a DTD; the
// plain form has no others (a character reference sends the part to
// encoding/xml).
var plainEntities = [][]byte{[]byte("lt;"), []byte("gt;"), []byte("amp;"), []byte("apos;"), []byte("quot;")}

// plainText is text (or an attribute value) with its entities replaced
// and its line ends made \n, as encoding/xml gives it; ok is false for
// text with another '&' or a "]]>", which encoding/xml refuses.
func plainText(b []byte) ([]byte, bool) {
	if bytes.Contains(b, []byte("]]>")) {
		return nil, false
	}
	if bytes.IndexByte(b, '&') < 0 && bytes.IndexByte(b, '\r') < 0 {
		return b, true
	}
	for i := bytes.IndexByte(b, '&'); i >= 0; {
		known := false
		for _, e := range plainEntities {
			known = known || bytes.HasPrefix(b[i+1:], e)
		}
		if !known {
			return nil, false
		}
		next := bytes.IndexByte(b[i+1:], '&')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	text, err := gosax.Unescape(b) // in place: the bytes are gosax's window
	return text, err == nil
}

// plainDeclaration reads the XML declaration that opens a part: version
// 1.0 (encoding/xml refuses another), any encoding (the part is UTF-8:
// plainCharacters), standalone.
func plainDeclaration(b []byte) bool {
	body, ok := bytes.CutPrefix(b, []byte("<?xml"))
	if !ok || len(body) < 2 || !isBlank(body[0]) {
		return false
	}
	var t scanTag
	if !t.fromPlain(append([]byte("xml"), body[:len(body)-2]...)) {
		return false
	}
	for _, a := range t.attrs {
		switch {
		case a.prefixed:
			return false
		case string(a.local) == "version" && string(a.value) != "1.0":
			return false
		case string(a.local) != "version" && string(a.local) != "encoding" && string(a.local) != "standalone":
			return false
		}
	}
	return true
}

// scanTag is a start tag as the sheet's scan takes it in, whichever
// tokenizer read it: its local name and attributes. Its bytes are the
// tokenizer's, good until it reads on.
type scanTag struct {
	local []byte
	attrs []scanAttr
}

type scanAttr struct {
	local    []byte
	prefixed bool // it has a namespace prefix (xr:uid): none the scan asks for
	value    []byte
}

// attr is the value of the attribute of this local name and no prefix.
func (t *scanTag) attr(local string) ([]byte, bool) {
	for _, a := range t.attrs {
		if !a.prefixed && string(a.local) == local {
			return a.value, true
		}
	}
	return nil, false
}

// attrString is attr as a string, "" when absent.
func (t *scanTag) attrString(local string) string {
	v, _ := t.attr(local)
	return string(v)
}

// fromXML takes in encoding/xml's start element.
func (t *scanTag) fromXML(se xml.StartElement) {
	t.local, t.attrs = append(t.local[:0], se.Name.Local...), t.attrs[:0]
	for _, a := range se.Attr {
		t.attrs = append(t.attrs, scanAttr{local: []byte(a.Name.Local), prefixed: a.Name.Space != "", value: []byte(a.Value)})
	}
}

// name is the tag's local name to keep on the scan's stack, the elements
// every sheet repeats without a copy each.
func (t *scanTag) name() string {
	switch string(t.local) {
	case "row":
		return "row"
	case "c":
		return "c"
	case "v":
		return "v"
	case "f":
		return "f"
	case "is":
		return "is"
	case "t":
		return "t"
	case "r":
		return "r"
	case "rPr":
		return "rPr"
	case "col":
		return "col"
	case "mergeCell":
		return "mergeCell"
	}
	return string(t.local)
}
