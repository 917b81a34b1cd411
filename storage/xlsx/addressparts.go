package xlsx

import "strings"

// addressPart is the address so far, a, with the next part b after it
// (家庭住址 over 省 | 市 | 详细地址, joinParts): 浙江省杭州市西湖区文三路1号.
// A part that starts with the parts before it, or with the last few —
// 详细地址 written out as 浙江省杭州市西湖区… or 杭州市西湖区… — replaces
// them rather than saying them twice. (杭州路12号 after 杭州市 is a part of
// its own: only the whole part is looked for.)
func (r *rowMember) addressPart(a, b string) string {
	if len(r.addrParts) == 0 && a != "" {
		r.addrParts = []string{a}
	}
	for i := range r.addrParts {
		tail := strings.Join(r.addrParts[i:], "")
		if strings.HasPrefix(b, tail) {
			r.addrParts = append(r.addrParts[:i], b)
			return strings.Join(r.addrParts, "")
		}
	}
	r.addrParts = append(r.addrParts, b)
	return strings.Join(r.addrParts, "")
}
