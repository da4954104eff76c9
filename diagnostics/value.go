package diagnostics

import (
	"bytes"
	"math"
	"net/netip"
	"strconv"
	"time"

	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/internal/decoding"
	"github.com/azlogs/azlogs/internal/jsontok"
	"github.com/azlogs/azlogs/internal/netaddr"
)

// value is a member's raw value with the decoder's means to read it. The
// typed views' setters read members through it.
type value struct {
	raw azlogs.RawJSON
	d   *Decoder
	// name is the member's name, whose last value is tried before the
	// intern table; "" for nested members.
	name string
	top  bool
	// kind is not Invalid when the decoder read the value's scalar while
	// parsing (its first pass): body is then the string's contents or the
	// number's text, valid during the setter's call.
	kind jsontok.Kind
	body []byte
}

// scalar returns the contents of a string, or the text of a number or
// literal; ok is false for objects, arrays and null.
func (v *value) scalar() ([]byte, jsontok.Kind, bool) {
	if v.kind != jsontok.Invalid {
		return v.body, v.kind, true
	}
	// Fast paths for a string without escapes and a plain number, which
	// are most values; the reader handles the rest.
	if raw := v.raw; len(raw) >= 2 && raw[0] == '"' && raw[len(raw)-1] == '"' {
		body := raw[1 : len(raw)-1]
		if bytes.IndexByte(body, '\\') < 0 && bytes.IndexByte(body, '"') < 0 {
			return body, jsontok.String, true
		}
	} else if len(raw) > 0 && (raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9') && jsontok.ValidNumber(raw) {
		return raw, jsontok.Number, true
	}
	s := v.d.scratch.Reader()
	defer v.d.scratch.Release()
	s.ResetBytes(v.raw, 0)
	switch k := s.Peek(); k {
	case jsontok.String:
		b, ok := s.ReadString()
		return b, k, ok
	case jsontok.Number:
		b, ok := s.ReadNumber()
		return b, k, ok
	case jsontok.True, jsontok.False:
		return v.raw, k, true
	}
	return nil, jsontok.Invalid, false
}

// str returns a string's contents (or a number's text) as a string safe to
// keep; "" for null, objects and arrays.
func (v *value) str() string {
	b, ok := v.body, v.kind == jsontok.String || v.kind == jsontok.Number
	if !ok {
		if b, _, ok = v.scalar(); !ok {
			return ""
		}
	}
	if v.name != "" {
		return v.d.in.Recent(v.d.propSlot(v.name, v.top), b)
	}
	return v.d.in.Bytes(b)
}

// part returns b, a part of the member's text (the action in a firewall's
// message), as a string safe to keep: the last values of each part, by
// name, are tried before the intern table.
func (v *value) part(name string, b []byte) string {
	return v.d.in.Recent(v.d.propSlot(name, false), b)
}

// optInt reads an integer written as a number or a string; placeholders
// ("", "-", "N/A") and other text give the unknown OptInt.
func (v *value) optInt() azlogs.OptInt {
	b, _, _ := v.scalar()
	if n, ok := decoding.ParseInt(b); ok {
		return azlogs.NewOptInt(n)
	}
	// 50.000000 and the like: an integer with a zero fraction.
	if f, ok := parseFloat(b); ok && f == math.Trunc(f) && math.Abs(f) < 1<<53 {
		return azlogs.NewOptInt(int64(f))
	}
	return azlogs.OptInt{}
}

// optFloat reads a decimal number written as a number or a string.
func (v *value) optFloat() OptFloat {
	b, _, _ := v.scalar()
	if f, ok := parseFloat(b); ok {
		return OptFloat{Value: f, Valid: true}
	}
	return OptFloat{}
}

// optBool reads true/false, or the strings "true"/"false" in any case.
func (v *value) optBool() azlogs.OptBool {
	b, k, _ := v.scalar()
	switch k {
	case jsontok.True:
		return azlogs.OptBool{Value: true, Valid: true}
	case jsontok.False:
		return azlogs.OptBool{Valid: true}
	case jsontok.String:
		switch {
		case equalFold(b, "true"):
			return azlogs.OptBool{Value: true, Valid: true}
		case equalFold(b, "false"):
			return azlogs.OptBool{Valid: true}
		}
	case jsontok.Number:
		switch string(b) {
		case "1":
			return azlogs.OptBool{Value: true, Valid: true}
		case "0":
			return azlogs.OptBool{Valid: true}
		}
	}
	return azlogs.OptBool{}
}

// time reads a timestamp in any of Azure's layouts.
func (v *value) time() time.Time {
	b, k, _ := v.scalar()
	if k != jsontok.String {
		return time.Time{}
	}
	t, _, _ := v.d.times.Parse(b)
	return t
}

// id reads a GUID or other identifier.
func (v *value) id() azlogs.ID {
	b, k, _ := v.scalar()
	if k != jsontok.String {
		return azlogs.ID{}
	}
	if id, ok := azlogs.ParseIDBytes(b); ok {
		return id
	}
	return azlogs.TextID(v.d.in.Bytes(b))
}

// addr reads an IP address, with or without a port or brackets.
func (v *value) addr() netip.Addr {
	b, k, _ := v.scalar()
	if k != jsontok.String {
		return netip.Addr{}
	}
	a, _, _ := netaddr.ParseCallerIP(b)
	return a
}

// each calls fn for every member of an object value.
func (v *value) each(fn func(key []byte, m value)) {
	s := v.d.scratch.Reader()
	defer v.d.scratch.Release()
	s.ResetBytes(v.raw, 0)
	if s.Peek() != jsontok.Object || !s.BeginObject() {
		return
	}
	for {
		key, ok := s.Key()
		if !ok {
			return
		}
		start := decoding.ValueStart(s)
		if !s.Skip() {
			return
		}
		fn(key, value{raw: s.Bytes(start, s.Offset()), d: v.d})
	}
}

var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
	1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// parseFloat reads a JSON-style decimal number. Numbers with at most 15
// significant digits and a small exponent are converted exactly without
// allocating; others go through strconv.
func parseFloat(b []byte) (float64, bool) {
	if len(b) == 0 {
		return 0, false
	}
	i, neg := 0, false
	if b[0] == '-' || b[0] == '+' {
		neg = b[0] == '-'
		i++
	}
	var mant uint64
	digits, exp, any := 0, 0, false
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		any = true
		if digits < 19 {
			mant = mant*10 + uint64(b[i]-'0')
			if mant != 0 {
				digits++
			}
		} else {
			exp++
		}
	}
	if i < len(b) && b[i] == '.' {
		i++
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			any = true
			if digits < 19 {
				mant = mant*10 + uint64(b[i]-'0')
				if mant != 0 {
					digits++
				}
				exp--
			}
		}
	}
	if !any {
		return 0, false
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		eneg := false
		if i < len(b) && (b[i] == '-' || b[i] == '+') {
			eneg = b[i] == '-'
			i++
		}
		e, n := 0, 0
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			if e < 10000 {
				e = e*10 + int(b[i]-'0')
			}
			n++
		}
		if n == 0 {
			return 0, false
		}
		if eneg {
			e = -e
		}
		exp += e
	}
	if i != len(b) {
		return 0, false
	}
	if digits <= 15 && exp >= -22 && exp <= 22 {
		f := float64(mant)
		if exp < 0 {
			f /= pow10[-exp]
		} else {
			f *= pow10[exp]
		}
		if neg {
			f = -f
		}
		return f, true
	}
	f, err := strconv.ParseFloat(string(b), 64)
	return f, err == nil || math.IsInf(f, 0)
}

// equalFold reports whether b equals the lower-case ASCII s but for case.
func equalFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range b {
		c := b[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}
