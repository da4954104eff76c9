package aztime

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// refParse is a slow reference for Parse. Each layout's grammar is a regular
// expression; the calendar (month lengths, leap years, offsets) is left to
// time.Parse, after normalizing what time.Parse reads differently: a lower
// case t, z, am or pm, a space separator, a one-digit hour, a missing zone,
// short zone offsets, and GMT/UTC spelled in lower case. The expressions
// also make the ranges that time.Parse is lenient about strict: offsets up
// to 23:59 (time.Parse takes 24:00 and 00:60) and 12-hour clocks from 1 to
// 12 (time.Parse takes 0 AM).
func refParse(s string) (time.Time, Layout, bool) {
	for _, r := range refLayouts {
		m := r.re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		layout, value, ok := r.normalize(m)
		if !ok {
			return time.Time{}, LayoutUnknown, false
		}
		t, err := time.Parse(layout, value)
		if err != nil {
			return time.Time{}, LayoutUnknown, false
		}
		// t is still in the zone it was written in, so this is the
		// year as written; the one in UTC may differ.
		if t.Year() < 1 {
			return time.Time{}, LayoutUnknown, false
		}
		t = t.UTC()
		if t.Year() < 1 || t.Year() > 9999 {
			return time.Time{}, LayoutUnknown, false
		}
		return t, r.layout, true
	}
	return time.Time{}, LayoutUnknown, false
}

type refLayout struct {
	layout    Layout
	re        *regexp.Regexp
	normalize func(m []string) (layout, value string, ok bool)
}

const (
	refFrac = `(\.[0-9]+)?`
	refHH   = `([01][0-9]|2[0-3])`
	refMM   = `([0-5][0-9])`
)

var refLayouts = []refLayout{
	{
		LayoutISO,
		regexp.MustCompile(`^([0-9]{4}-[0-9]{2}-[0-9]{2})$`),
		func(m []string) (string, string, bool) { return "2006-01-02", m[1], true },
	},
	{
		LayoutISO,
		regexp.MustCompile(`^([0-9]{4}-[0-9]{2}-[0-9]{2})[Tt ]([0-9]{1,2})(:[0-9]{2}:[0-9]{2})` + refFrac +
			`(?:([Zz])|([+-])` + refHH + `(?::?` + refMM + `)?)?$`),
		func(m []string) (string, string, bool) {
			zone := "Z"
			if m[6] != "" {
				mm := m[8]
				if mm == "" {
					mm = "00"
				}
				zone = m[6] + m[7] + ":" + mm
			}
			return time.RFC3339Nano, m[1] + "T" + pad2(m[2]) + m[3] + m[4] + zone, true
		},
	},
	{
		LayoutUS,
		regexp.MustCompile(`^([0-9]{1,2}/[0-9]{1,2}/[0-9]{4}) ([0-9]{1,2})(:[0-9]{2}:[0-9]{2})` + refFrac +
			`(?: ([AaPp][Mm]))?(?: ([+-])` + refHH + `:` + refMM + `)?$`),
		func(m []string) (string, string, bool) {
			layout, value := "1/2/2006 15:04:05", m[1]+" "+pad2(m[2])+m[3]+m[4]
			if m[5] != "" {
				if h, _ := strconv.Atoi(m[2]); h < 1 || h > 12 {
					return "", "", false
				}
				layout, value = "1/2/2006 03:04:05 PM", value+" "+strings.ToUpper(m[5])
			}
			if m[6] != "" {
				layout, value = layout+" -07:00", value+" "+m[6]+m[7]+":"+m[8]
			}
			return layout, value, true
		},
	},
	{
		LayoutRFC1123,
		regexp.MustCompile(`^((?i:mon|tue|wed|thu|fri|sat|sun), [0-9]{1,2} ` +
			`(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec) [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2}) ` +
			`(?:(?i:gmt|utc)|([+-])` + refHH + refMM + `)$`),
		func(m []string) (string, string, bool) {
			zone := "+0000"
			if m[2] != "" {
				zone = m[2] + m[3] + m[4]
			}
			return "Mon, 2 Jan 2006 15:04:05 -0700", m[1] + " " + zone, true
		},
	},
	{
		LayoutSlash,
		regexp.MustCompile(`^([0-9]{4}/[0-9]{2}/[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}` + refFrac + `)$`),
		func(m []string) (string, string, bool) { return "2006/01/02 15:04:05", m[1], true },
	},
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// TestReference checks the reference itself on a few inputs whose answer is
// known, so that the fuzz target compares against something trustworthy.
func TestReference(t *testing.T) {
	for _, tc := range parseTests {
		got, l, ok := refParse(tc.in)
		if ok != tc.ok || l != tc.layout || !got.Equal(tc.want) {
			t.Errorf("refParse(%q) = %v, %v, %v; want %v, %v, %v", tc.in, got, l, ok, tc.want, tc.layout, tc.ok)
		}
	}
}

// maxDifferential is the longest input FuzzParse compares with the
// reference; longer ones are only parsed, to show that Parse does not panic.
// A timestamp can be longer only by a long fraction, which the table tests
// cover. Without the limit the fuzzer grows kilobyte inputs whose only new
// coverage is in the regexp engine, then stalls for a minute minimizing
// each of them.
const maxDifferential = 100

func FuzzParse(f *testing.F) {
	for _, s := range corpusTimestamps {
		f.Add(s)
	}
	for _, s := range corpusUnsupported {
		f.Add(s)
	}
	for _, tc := range parseTests {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, l, ok := Parse([]byte(s))
		checkMemo(t, s, got, l, ok)
		if len(s) > maxDifferential {
			return
		}
		want, wl, wok := refParse(s)
		if ok != wok || l != wl || !got.Equal(want) {
			t.Fatalf("Parse(%q) = %v, %v, %v; reference says %v, %v, %v", s, got, l, ok, want, wl, wok)
		}
		if !ok {
			if got != (time.Time{}) {
				t.Fatalf("Parse(%q) failed but returned %v", s, got)
			}
			return
		}
		if got.Location() != time.UTC {
			t.Fatalf("Parse(%q) returned location %v", s, got.Location())
		}
		out := AppendISO(nil, got)
		if want := got.Format(time.RFC3339Nano); string(out) != want {
			t.Fatalf("AppendISO(%v) = %q; time.Format says %q", got, out, want)
		}
		back, bl, ok := Parse(out)
		if !ok || bl != LayoutISO || !back.Equal(got) {
			t.Fatalf("Parse(AppendISO(Parse(%q))) = Parse(%q) = %v, %v, %v; want %v", s, out, back, bl, ok, got)
		}
	})
}

// checkMemo checks that a Memo gives what Parse gave for s (got, l, ok):
// fresh, primed with s itself, and primed with a time that shares s's
// first 16 bytes but has other seconds.
func checkMemo(t *testing.T, s string, got time.Time, l Layout, ok bool) {
	t.Helper()
	var fresh, again, other Memo
	again.Parse([]byte(s))
	if len(s) >= 16 {
		other.Parse([]byte(s[:16] + ":07.5Z"))
	}
	for name, m := range map[string]*Memo{"fresh": &fresh, "primed with itself": &again, "primed with a neighbour": &other} {
		mt, ml, mok := m.Parse([]byte(s))
		if mok != ok || ml != l || mt != got {
			t.Fatalf("Memo (%s).Parse(%q) = %v, %v, %v; Parse gives %v, %v, %v", name, s, mt, ml, mok, got, l, ok)
		}
	}
}

func TestMemo(t *testing.T) {
	var m Memo
	for _, s := range []string{
		"2025-04-24T13:00:00.3679870Z", "2025-04-24T13:00:59Z", "2025-04-24T13:00:60Z",
		"2025-04-24T13:00:01+02:00", "2025-04-24T13:00:01", "2025-04-24T13:00:01.Z",
		"2025-04-24 13:00:01Z", "2025-04-24T13:01:00Z", "2025-02-29T13:01:00Z",
		"9999-12-31T23:59:59Z", "9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+01:00",
		"4/24/2025 1:00:00 PM +00:00", "2025-04-24T1:00:00Z",
	} {
		want, wl, wok := Parse([]byte(s))
		got, gl, gok := m.Parse([]byte(s))
		if got != want || gl != wl || gok != wok {
			t.Errorf("Memo.Parse(%q) = %v, %v, %v; Parse gives %v, %v, %v", s, got, gl, gok, want, wl, wok)
		}
	}
}
