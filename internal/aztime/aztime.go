// Package aztime parses the timestamp layouts Azure logs use, without allocating.
package aztime

import (
	"strconv"
	"time"
)

// Layout names the timestamp layout that Parse recognized.
type Layout uint8

// The layouts Parse knows. Parse reports LayoutUnknown, the zero Layout,
// when the input is in none of them.
const (
	// LayoutUnknown means that no layout matched.
	LayoutUnknown Layout = iota
	// LayoutISO is the ISO 8601 / RFC 3339 family that most records use:
	// 2025-04-15T10:16:32.9873441Z, with or without a fraction and a zone,
	// or a date alone.
	LayoutISO
	// LayoutUS is the .NET general format for the en-US culture, month
	// first, that some services write: 9/7/2022 2:41:35 PM +00:00.
	LayoutUS
	// LayoutRFC1123 is the HTTP date: Fri, 21 Jul 2017 01:00:51 GMT.
	LayoutRFC1123
	// LayoutSlash is the year-first layout with slashes found in Storage
	// lastModifiedTime: 2023/03/21 08:49:20.0000000.
	LayoutSlash
)

var layoutNames = [...]string{"Unknown", "ISO", "US", "RFC1123", "Slash"}

// String returns the layout's name, such as "ISO".
func (l Layout) String() string {
	if int(l) < len(layoutNames) {
		return layoutNames[l]
	}
	return "Layout(" + strconv.Itoa(int(l)) + ")"
}

// Parse reads a timestamp in one of the layouts Azure logs use and returns
// the instant in UTC (its Location is time.UTC) and the layout it matched.
// It reports ok=false, with the zero Time and LayoutUnknown, for anything
// that is not a valid time in one of these layouts:
//
//	LayoutISO      2006-01-02T15:04:05[.fraction][zone], or 2006-01-02 alone
//	LayoutUS       1/2/2006 3:04:05[.fraction][ AM|PM][ -07:00]
//	LayoutRFC1123  Mon, 02 Jan 2006 15:04:05 GMT
//	LayoutSlash    2006/01/02 15:04:05[.fraction]
//
// In LayoutISO the separator is T, t or one space; the hour may have one
// digit (Entra ID writes 2022-09-09T8:48:50.361Z); the zone is Z, z,
// ±hh:mm, ±hhmm, ±hh or absent, which means UTC. A date alone is midnight
// UTC.
//
// In LayoutUS the month comes first, always. Month, day and hour have one
// or two digits. With AM or PM (in any letter case) the hour is 1 to 12 and
// 12 AM is midnight. The offset, if any, is ±hh:mm.
//
// In LayoutRFC1123 the day may have one digit; the zone is GMT, UTC or
// ±hhmm. Day and month names may be in any letter case. The day name must
// be a day name but is not checked against the date.
//
// Times without a zone are taken as UTC. A fraction has at least one digit;
// digits beyond the ninth are read and dropped. Fields are range-checked:
// the day must exist in its month (February 29 only in leap years), hours
// run to 23, minutes and seconds to 59 (there are no leap seconds), and
// offsets to 23:59. Years run from 0001 to 9999, both as written and, once
// the offset is applied, in UTC. Leading and trailing spaces are rejected:
// callers trim them.
//
// Parse does not allocate, whether it succeeds or fails.
func Parse(b []byte) (t time.Time, l Layout, ok bool) {
	if len(b) < 10 {
		return time.Time{}, LayoutUnknown, false
	}
	switch {
	case b[1] == '/' || b[2] == '/':
		t, ok = parseUS(b)
		l = LayoutUS
	case b[4] == '-':
		t, ok = parseISO(b)
		l = LayoutISO
	case b[4] == '/':
		t, ok = parseSlash(b)
		l = LayoutSlash
	default:
		t, ok = parseRFC1123(b)
		l = LayoutRFC1123
	}
	if !ok {
		return time.Time{}, LayoutUnknown, false
	}
	return t, l, true
}

// parseISO reads LayoutISO. The caller has checked that len(b) >= 10.
func parseISO(b []byte) (time.Time, bool) {
	_ = b[9]
	y, ok1 := num4(b, 0)
	mo, ok2 := num2(b, 5)
	d, ok3 := num2(b, 8)
	if !ok1 || !ok2 || !ok3 || b[7] != '-' {
		return time.Time{}, false
	}
	if len(b) == 10 {
		return build(y, mo, d, 0, 0, 0, 0, 0)
	}
	if c := b[10]; c != 'T' && c != 't' && c != ' ' {
		return time.Time{}, false
	}
	h, mi, s, i, ok := clock(b, 11, true)
	if !ok {
		return time.Time{}, false
	}
	ns, off, ok := isoTail(b, i)
	if !ok {
		return time.Time{}, false
	}
	return build(y, mo, d, h, mi, s, ns, off)
}

// isoTail reads what may follow the seconds of an ISO 8601 time at b[i:],
// to the end of b: a fraction, then Z or an offset. It returns the fraction
// in nanoseconds and the offset in seconds east of UTC.
func isoTail(b []byte, i int) (ns, off int, ok bool) {
	if i < len(b) && b[i] == '.' {
		if ns, i, ok = fraction(b, i+1); !ok {
			return 0, 0, false
		}
	}
	if i < len(b) {
		switch b[i] {
		case 'Z', 'z':
			ok = i+1 == len(b)
		case '+', '-':
			off, ok = isoOffset(b, i)
		default:
			ok = false
		}
		return ns, off, ok
	}
	return ns, 0, true
}

// isoOffset reads ±hh, ±hhmm or ±hh:mm from b[i:] to the end of b, and
// returns it in seconds east of UTC.
func isoOffset(b []byte, i int) (int, bool) {
	var hh, mm int
	var ok1, ok2 bool
	switch len(b) - i {
	case 3:
		hh, ok1 = num2(b, i+1)
		ok2 = true
	case 5:
		hh, ok1 = num2(b, i+1)
		mm, ok2 = num2(b, i+3)
	case 6:
		hh, ok1 = num2(b, i+1)
		mm, ok2 = num2(b, i+4)
		ok2 = ok2 && b[i+3] == ':'
	default:
		return 0, false
	}
	return offset(b[i], hh, mm, ok1 && ok2)
}

// parseUS reads LayoutUS.
func parseUS(b []byte) (time.Time, bool) {
	fail := func() (time.Time, bool) { return time.Time{}, false }
	mo, i, ok := num12(b, 0)
	if !ok || i >= len(b) || b[i] != '/' {
		return fail()
	}
	d, i, ok := num12(b, i+1)
	if !ok || i+5 >= len(b) || b[i] != '/' || b[i+5] != ' ' {
		return fail()
	}
	y, ok := num4(b, i+1)
	if !ok {
		return fail()
	}
	h, mi, s, i, ok := clock(b, i+6, true)
	if !ok {
		return fail()
	}
	ns := 0
	if i < len(b) && b[i] == '.' {
		if ns, i, ok = fraction(b, i+1); !ok {
			return fail()
		}
	}
	if i+3 <= len(b) && b[i] == ' ' {
		a, m := b[i+1]|0x20, b[i+2]|0x20
		if m == 'm' && (a == 'a' || a == 'p') {
			if h < 1 || h > 12 {
				return fail()
			}
			if h == 12 {
				h = 0
			}
			if a == 'p' {
				h += 12
			}
			i += 3
		}
	}
	off := 0
	if i < len(b) {
		// Only " ±hh:mm" may follow.
		if len(b)-i != 7 || b[i] != ' ' || b[i+4] != ':' {
			return fail()
		}
		hh, ok1 := num2(b, i+2)
		mm, ok2 := num2(b, i+5)
		if off, ok = offset(b[i+1], hh, mm, ok1 && ok2); !ok {
			return fail()
		}
	}
	return build(y, mo, d, h, mi, s, ns, off)
}

// parseRFC1123 reads LayoutRFC1123.
func parseRFC1123(b []byte) (time.Time, bool) {
	fail := func() (time.Time, bool) { return time.Time{}, false }
	// The shortest is "Mon, 2 Jan 2006 15:04:05 GMT".
	if len(b) < 28 || !isWeekday(word3(b, 0)) || b[3] != ',' || b[4] != ' ' {
		return fail()
	}
	d, i, ok := num12(b, 5)
	if !ok || len(b)-i < 22 || b[i] != ' ' || b[i+4] != ' ' || b[i+9] != ' ' || b[i+18] != ' ' {
		return fail()
	}
	mo := month(word3(b, i+1))
	y, ok := num4(b, i+5)
	if mo == 0 || !ok {
		return fail()
	}
	h, mi, s, j, ok := clock(b, i+10, false)
	if !ok {
		return fail()
	}
	i = j + 1 // after the space
	off := 0
	switch len(b) - i {
	case 3:
		if z := word3(b, i); z != 'g'<<16|'m'<<8|'t' && z != 'u'<<16|'t'<<8|'c' {
			return fail()
		}
	case 5:
		hh, ok1 := num2(b, i+1)
		mm, ok2 := num2(b, i+3)
		if off, ok = offset(b[i], hh, mm, ok1 && ok2); !ok {
			return fail()
		}
	default:
		return fail()
	}
	return build(y, mo, d, h, mi, s, 0, off)
}

// parseSlash reads LayoutSlash. The caller has checked that len(b) >= 10.
func parseSlash(b []byte) (time.Time, bool) {
	if len(b) < 19 || b[7] != '/' || b[10] != ' ' {
		return time.Time{}, false
	}
	y, ok1 := num4(b, 0)
	mo, ok2 := num2(b, 5)
	d, ok3 := num2(b, 8)
	h, mi, s, i, ok4 := clock(b, 11, false)
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return time.Time{}, false
	}
	ns := 0
	if i < len(b) {
		var ok bool
		if b[i] != '.' {
			return time.Time{}, false
		}
		if ns, i, ok = fraction(b, i+1); !ok || i != len(b) {
			return time.Time{}, false
		}
	}
	return build(y, mo, d, h, mi, s, ns, 0)
}

// clock reads hh:mm:ss at b[i:], or h:mm:ss too when oneDigitHour is set,
// and returns the index after the seconds.
func clock(b []byte, i int, oneDigitHour bool) (h, mi, s, next int, ok bool) {
	switch {
	case oneDigitHour && len(b)-i >= 7 && b[i+1] == ':':
		if h = int(b[i] - '0'); h > 9 {
			return 0, 0, 0, 0, false
		}
		// Step back one byte so that b[i+2:i+8] is ":mm:ss", as it is
		// after a two-digit hour.
		i--
	case len(b)-i >= 8:
		if h, ok = num2(b, i); !ok {
			return 0, 0, 0, 0, false
		}
	default:
		return 0, 0, 0, 0, false
	}
	mi, ok1 := num2(b, i+3)
	s, ok2 := num2(b, i+6)
	if !ok1 || !ok2 || b[i+2] != ':' || b[i+5] != ':' {
		return 0, 0, 0, 0, false
	}
	return h, mi, s, i + 8, true
}

var pow10 = [...]int{1e9, 1e8, 1e7, 1e6, 1e5, 1e4, 1e3, 1e2, 1e1, 1}

// fraction reads the digits of a fraction of a second at b[i:], after the
// point, and returns it in nanoseconds with the index after the last digit.
// Digits after the ninth are dropped.
func fraction(b []byte, i int) (ns, next int, ok bool) {
	start := i
	end := min(len(b), i+9)
	for ; i < end; i++ {
		c := b[i] - '0'
		if c > 9 {
			break
		}
		ns = ns*10 + int(c)
	}
	switch n := i - start; n {
	case 0:
		return 0, 0, false
	case 9:
		for i < len(b) && b[i]-'0' <= 9 {
			i++
		}
	default:
		ns *= pow10[n]
	}
	return ns, i, true
}

// offset turns a zone offset's sign, hours and minutes into seconds east of
// UTC, checking their ranges.
func offset(sign byte, hh, mm int, ok bool) (int, bool) {
	if !ok || hh > 23 || mm > 59 {
		return 0, false
	}
	off := hh*3600 + mm*60
	switch sign {
	case '+':
		return off, true
	case '-':
		return -off, true
	}
	return 0, false
}

// num2 reads the two digits at b[i:i+2]. The caller ensures they exist.
func num2(b []byte, i int) (int, bool) {
	x, y := b[i]-'0', b[i+1]-'0'
	return int(x)*10 + int(y), x <= 9 && y <= 9
}

// num4 reads the four digits at b[i:i+4]. The caller ensures they exist.
func num4(b []byte, i int) (int, bool) {
	_ = b[i+3]
	w, x, y, z := b[i]-'0', b[i+1]-'0', b[i+2]-'0', b[i+3]-'0'
	return int(w)*1000 + int(x)*100 + int(y)*10 + int(z), w <= 9 && x <= 9 && y <= 9 && z <= 9
}

// num12 reads one or two digits at b[i:] and returns the index after them.
func num12(b []byte, i int) (n, next int, ok bool) {
	if i >= len(b) {
		return 0, 0, false
	}
	x := b[i] - '0'
	if x > 9 {
		return 0, 0, false
	}
	if i+1 < len(b) {
		if y := b[i+1] - '0'; y <= 9 {
			return int(x)*10 + int(y), i + 2, true
		}
	}
	return int(x), i + 1, true
}

// word3 packs the three bytes at b[i:i+3], lower-cased if they are ASCII
// letters, into one number for comparison with names. The caller ensures
// they exist.
func word3(b []byte, i int) uint32 {
	return uint32(b[i]|0x20)<<16 | uint32(b[i+1]|0x20)<<8 | uint32(b[i+2]|0x20)
}

func isWeekday(w uint32) bool {
	switch w {
	case 'm'<<16 | 'o'<<8 | 'n', 't'<<16 | 'u'<<8 | 'e', 'w'<<16 | 'e'<<8 | 'd', 't'<<16 | 'h'<<8 | 'u',
		'f'<<16 | 'r'<<8 | 'i', 's'<<16 | 'a'<<8 | 't', 's'<<16 | 'u'<<8 | 'n':
		return true
	}
	return false
}

// month returns the number of the month with the lower-case abbreviated
// name w, or 0.
func month(w uint32) int {
	switch w {
	case 'j'<<16 | 'a'<<8 | 'n':
		return 1
	case 'f'<<16 | 'e'<<8 | 'b':
		return 2
	case 'm'<<16 | 'a'<<8 | 'r':
		return 3
	case 'a'<<16 | 'p'<<8 | 'r':
		return 4
	case 'm'<<16 | 'a'<<8 | 'y':
		return 5
	case 'j'<<16 | 'u'<<8 | 'n':
		return 6
	case 'j'<<16 | 'u'<<8 | 'l':
		return 7
	case 'a'<<16 | 'u'<<8 | 'g':
		return 8
	case 's'<<16 | 'e'<<8 | 'p':
		return 9
	case 'o'<<16 | 'c'<<8 | 't':
		return 10
	case 'n'<<16 | 'o'<<8 | 'v':
		return 11
	case 'd'<<16 | 'e'<<8 | 'c':
		return 12
	}
	return 0
}
