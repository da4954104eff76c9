package jsontok

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/azlogs/azlogs"
)

// A tokenCase is one JSON value and what reading it gives: want, or an
// error wrapping sentinel at offset off.
type tokenCase struct {
	in       string
	want     string
	sentinel error
	off      int64
}

var stringCases = []tokenCase{
	{in: `""`, want: ""},
	{in: `"abc"`, want: "abc"},
	{in: `  "abc"`, want: "abc"},
	{in: `"\"\\\/\b\f\n\r\t"`, want: "\"\\/\b\f\n\r\t"},
	{in: `"a\"b"`, want: `a"b`},
	{in: `"\\"`, want: `\`},
	{in: `"\\\\"`, want: `\\`},
	{in: `"x\/y"`, want: "x/y"},
	{in: `"\u0041\u00e9\u4e2d\u00E9"`, want: "Aé中é"},
	{in: `"\u0000"`, want: "\x00"},
	{in: `"\u001f\u007f"`, want: "\x1f\x7f"},
	{in: `"\uFFFF"`, want: "\uffff"},
	{in: `"\uD83D\uDE00"`, want: "😀"},
	{in: `"\ud83d\ude00"`, want: "😀"},
	{in: `"a\uD83D\uDE00b"`, want: "a😀b"},
	{in: `"\uDBFF\uDFFF"`, want: "\U0010FFFF"},
	// Lone and mismatched surrogates become U+FFFD, as encoding/json does.
	{in: `"\uD83D"`, want: "\ufffd"},
	{in: `"\uDE00"`, want: "\ufffd"},
	{in: `"\uD83Dx"`, want: "\ufffdx"},
	{in: `"\uD83D\u0041"`, want: "\ufffdA"},
	{in: `"\uD83D\\"`, want: "\ufffd\\"},
	{in: `"\uD83D\n"`, want: "\ufffd\n"},
	{in: `"\uD83D\uD83D\uDE00"`, want: "\ufffd😀"},
	{in: `"\uDE00\uD83D"`, want: "\ufffd\ufffd"},
	{in: `"\uD83D\uDE0"`, sentinel: azlogs.ErrSyntax, off: 7},
	// Non-ASCII text and DEL are kept as they are.
	{in: "\"h\u00e9llo \u4e16\u754c \U0001F600\x7f\"", want: "h\u00e9llo \u4e16\u754c \U0001F600\x7f"},
	{in: "\"\xef\xbf\xbd\"", want: "\ufffd"},
	// Invalid UTF-8 is kept byte for byte (StrictUTF8 rejects it).
	{in: "\"a\xffb\"", want: "a\xffb"},
	{in: "\"\xed\xa0\x80\"", want: "\xed\xa0\x80"},
	{in: "\"\xc3\"", want: "\xc3"},
	// Invalid escapes.
	{in: `"\x41"`, sentinel: azlogs.ErrSyntax, off: 1},
	{in: `"ab\'"`, sentinel: azlogs.ErrSyntax, off: 3},
	{in: `"\U0041"`, sentinel: azlogs.ErrSyntax, off: 1},
	{in: `"\a"`, sentinel: azlogs.ErrSyntax, off: 1},
	{in: `"\0"`, sentinel: azlogs.ErrSyntax, off: 1},
	{in: "\"\\\n\"", sentinel: azlogs.ErrSyntax, off: 1},
	{in: `"\u00G0"`, sentinel: azlogs.ErrSyntax, off: 1},
	{in: `"\u-123"`, sentinel: azlogs.ErrSyntax, off: 1},
	{in: `"\u12"`, sentinel: azlogs.ErrSyntax, off: 1},
	{in: `"\u"`, sentinel: azlogs.ErrSyntax, off: 1},
	{in: `"ok\n\q"`, sentinel: azlogs.ErrSyntax, off: 5},
	// Control characters must be escaped.
	{in: "\"\x00\"", sentinel: azlogs.ErrSyntax, off: 1},
	{in: "\"ab\x1f\"", sentinel: azlogs.ErrSyntax, off: 3},
	{in: "\"a\nb\"", sentinel: azlogs.ErrSyntax, off: 2},
	{in: "\"a\tb\"", sentinel: azlogs.ErrSyntax, off: 2},
	{in: "\"\\n\rb\"", sentinel: azlogs.ErrSyntax, off: 3},
	// Torn strings.
	{in: `"`, sentinel: azlogs.ErrTruncated, off: 1},
	{in: `"abc`, sentinel: azlogs.ErrTruncated, off: 4},
	{in: `"abc\`, sentinel: azlogs.ErrTruncated, off: 4},
	{in: `"abc\n`, sentinel: azlogs.ErrTruncated, off: 6},
	{in: `"\u`, sentinel: azlogs.ErrTruncated, off: 1},
	{in: `"\u12`, sentinel: azlogs.ErrTruncated, off: 1},
	{in: `"\u1234`, sentinel: azlogs.ErrTruncated, off: 7},
	{in: `"\uD83D`, sentinel: azlogs.ErrTruncated, off: 7},
	{in: `"\uD83D\uDE`, sentinel: azlogs.ErrTruncated, off: 7},
	{in: `"\uD83D\uDE00`, sentinel: azlogs.ErrTruncated, off: 13},
	{in: `"\uZ`, sentinel: azlogs.ErrSyntax, off: 1},
	// Not a string.
	{in: ``, sentinel: azlogs.ErrTruncated, off: 0},
	{in: `abc`, sentinel: azlogs.ErrSyntax, off: 0},
	{in: `'abc'`, sentinel: azlogs.ErrSyntax, off: 0},
}

// checkErr compares the reader's state with a case's expectation.
func checkErr(t *testing.T, r *Reader, what string, c tokenCase) bool {
	t.Helper()
	e := r.Err()
	if c.sentinel == nil {
		if e != nil {
			t.Errorf("%s %q: unexpected error %v at %d", what, c.in, e, e.Offset)
			return false
		}
		return true
	}
	if e == nil {
		t.Errorf("%s %q: no error, want %v at %d", what, c.in, c.sentinel, c.off)
		return false
	}
	if !errors.Is(e, c.sentinel) || e.Offset != c.off {
		t.Errorf("%s %q: error %q (%v) at %d, want %v at %d", what, c.in, e.Msg, e.Err, e.Offset, c.sentinel, c.off)
	}
	return false
}

func TestReadString(t *testing.T) {
	for _, src := range sources {
		for _, c := range stringCases {
			var r Reader
			src.set(&r, []byte(c.in))
			got, ok := r.ReadString()
			if ok != (c.sentinel == nil) {
				t.Errorf("%s: ReadString(%q) ok = %v", src.name, c.in, ok)
			}
			if checkErr(t, &r, src.name+": ReadString", c) && string(got) != c.want {
				t.Errorf("%s: ReadString(%q) = %q, want %q", src.name, c.in, got, c.want)
			}
			if c.sentinel == nil && r.Offset() != int64(len(c.in)) {
				t.Errorf("%s: ReadString(%q) stopped at %d", src.name, c.in, r.Offset())
			}

			// Skip checks a string without unescaping it, by another
			// path: it must agree.
			src.set(&r, []byte(c.in))
			if r.Skip() != (c.sentinel == nil) {
				t.Errorf("%s: Skip(%q) = %v", src.name, c.in, !ok)
			}
			checkErr(t, &r, src.name+": Skip", c)
		}
	}
}

func TestStrictUTF8(t *testing.T) {
	cases := []tokenCase{
		{in: `"plain"`, want: "plain"},
		{in: "\"h\u00e9llo \U0001F600\"", want: "h\u00e9llo \U0001F600"},
		{in: `"\uD83D"`, want: "\ufffd"}, // the replacement is valid UTF-8
		{in: "\"a\xffb\"", sentinel: azlogs.ErrSyntax, off: 1},
		{in: "\"\xed\xa0\x80\"", sentinel: azlogs.ErrSyntax, off: 1},
		{in: "\"\xc3\"", sentinel: azlogs.ErrSyntax, off: 1},
		{in: "\"\\n\xc3\"", sentinel: azlogs.ErrSyntax, off: 1},
		{in: "  \"\\n\xc3\"", sentinel: azlogs.ErrSyntax, off: 3},
		{in: "\"\xc3\\n\"", sentinel: azlogs.ErrSyntax, off: 1},
	}
	for _, src := range sources {
		for _, c := range cases {
			var r Reader
			src.set(&r, []byte(c.in))
			r.StrictUTF8 = true
			got, _ := r.ReadString()
			if checkErr(t, &r, src.name+": strict ReadString", c) && string(got) != c.want {
				t.Errorf("%s: strict ReadString(%q) = %q, want %q", src.name, c.in, got, c.want)
			}
			src.set(&r, []byte(c.in))
			r.StrictUTF8 = true
			r.Skip()
			checkErr(t, &r, src.name+": strict Skip", c)
		}
	}
}

// TestStrictUTF8Offset checks the offset of an invalid string found after
// the buffer has moved under a long escaped string.
func TestStrictUTF8Offset(t *testing.T) {
	pad := strings.Repeat(" ", 70000)
	in := pad + `"` + strings.Repeat(`\n`, 40000) + "\xff\""
	for _, src := range sources {
		var r Reader
		src.set(&r, []byte(in))
		r.StrictUTF8 = true
		r.ReadString()
		if e := r.Err(); e == nil || e.Offset != int64(len(pad)+1) {
			t.Errorf("%s: error %v, want one at %d", src.name, e, len(pad)+1)
		}
	}
}

var numberCases = []tokenCase{
	{in: `0`, want: "0"},
	{in: `-0`, want: "-0"},
	{in: `1`, want: "1"},
	{in: `-1`, want: "-1"},
	{in: `1234567890`, want: "1234567890"},
	{in: `1.5`, want: "1.5"},
	{in: `-1.5e10`, want: "-1.5e10"},
	{in: `1E+2`, want: "1E+2"},
	{in: `1e-2`, want: "1e-2"},
	{in: `0.0`, want: "0.0"},
	{in: `0e0`, want: "0e0"},
	{in: `0E-0`, want: "0E-0"},
	{in: `  42  `, want: "42"},
	{in: `12345678901234567890123456789012345678901234567890`, want: "12345678901234567890123456789012345678901234567890"},
	{in: `1e999999999`, want: "1e999999999"},
	{in: `-0.000000000000000000000000000001`, want: "-0.000000000000000000000000000001"},
	{in: `7`, want: "7"},
	{in: `-7`, want: "-7"},
	{in: `1234567`, want: "1234567"},
	{in: `-1234567`, want: "-1234567"},
	{in: `12345678`, want: "12345678"},
	{in: `-0`, want: "-0"},
	{in: `01`, sentinel: azlogs.ErrSyntax, off: 0},
	{in: `0123456`, sentinel: azlogs.ErrSyntax, off: 0},
	{in: `-01`, sentinel: azlogs.ErrSyntax, off: 0},
	{in: `00`, sentinel: azlogs.ErrSyntax, off: 0},
	{in: `+1`, sentinel: azlogs.ErrSyntax, off: 0},
	{in: `.5`, sentinel: azlogs.ErrSyntax, off: 0},
	{in: `--1`, sentinel: azlogs.ErrSyntax, off: 0},
	{in: `-a`, sentinel: azlogs.ErrSyntax, off: 0},
	{in: `1.2.3`, sentinel: azlogs.ErrSyntax, off: 0},
	{in: `1ee2`, sentinel: azlogs.ErrSyntax, off: 0},
	{in: `1e2e3`, sentinel: azlogs.ErrSyntax, off: 0},
	{in: `1.e2`, sentinel: azlogs.ErrSyntax, off: 0},
	{in: `1-2`, sentinel: azlogs.ErrSyntax, off: 0},
	{in: `1+2`, sentinel: azlogs.ErrSyntax, off: 0},
	{in: `1.-2`, sentinel: azlogs.ErrSyntax, off: 0},
	{in: `NaN`, sentinel: azlogs.ErrSyntax, off: 0},
	{in: `Infinity`, sentinel: azlogs.ErrSyntax, off: 0},
	{in: `-Infinity`, sentinel: azlogs.ErrSyntax, off: 0},
	// A number cut by the end of the input could have been complete.
	{in: `-`, sentinel: azlogs.ErrTruncated, off: 1},
	{in: `1.`, sentinel: azlogs.ErrTruncated, off: 2},
	{in: `-1.`, sentinel: azlogs.ErrTruncated, off: 3},
	{in: `1e`, sentinel: azlogs.ErrTruncated, off: 2},
	{in: `1E+`, sentinel: azlogs.ErrTruncated, off: 3},
	{in: `1.5e-`, sentinel: azlogs.ErrTruncated, off: 5},
	{in: ``, sentinel: azlogs.ErrTruncated, off: 0},
}

func TestReadNumber(t *testing.T) {
	huge := strings.Repeat("7", 200000)
	cases := append(numberCases,
		tokenCase{in: huge, want: huge},
		tokenCase{in: "-" + huge + "." + huge + "e-" + huge, want: "-" + huge + "." + huge + "e-" + huge},
		tokenCase{in: "0" + huge, sentinel: azlogs.ErrSyntax},
	)
	for _, src := range sources {
		for _, c := range cases {
			var r Reader
			src.set(&r, []byte(c.in))
			got, ok := r.ReadNumber()
			if ok != (c.sentinel == nil) {
				t.Errorf("%s: ReadNumber(%.40q) ok = %v", src.name, c.in, ok)
			}
			if checkErr(t, &r, src.name+": ReadNumber", c) && string(got) != c.want {
				t.Errorf("%s: ReadNumber(%.40q) = %.40q, want %.40q", src.name, c.in, got, c.want)
			}
			if ValidNumber([]byte(c.in)) != (c.sentinel == nil && c.in == c.want) {
				t.Errorf("ValidNumber(%.40q) = %v", c.in, !(c.sentinel == nil))
			}
			src.set(&r, []byte(c.in))
			r.Skip()
			checkErr(t, &r, src.name+": Skip", c)
		}
	}
	// Followed by more input, a short integer takes ReadNumber's fast
	// path: each case must read the same, followed by each byte that may
	// end a number.
	for _, c := range numberCases {
		if errors.Is(c.sentinel, azlogs.ErrTruncated) {
			if c.in == "" {
				continue
			}
			// Not cut short any more: "1." then a space is no number.
			c = tokenCase{in: c.in, sentinel: azlogs.ErrSyntax}
		}
		for _, end := range []string{" ", ",", "}", "]", "\n"} {
			var r Reader
			r.ResetBytes([]byte(c.in+end+"         1"), 0)
			got, ok := r.ReadNumber()
			if ok != (c.sentinel == nil) {
				t.Errorf("ReadNumber(%q) ok = %v", c.in+end, ok)
			}
			if checkErr(t, &r, "ReadNumber followed by more", c) && string(got) != c.want {
				t.Errorf("ReadNumber(%q) = %q, want %q", c.in+end, got, c.want)
			}
			if ok && end[0] > ' ' && r.PeekByte() != int(end[0]) {
				t.Errorf("ReadNumber(%q) stopped at %q", c.in+end, r.PeekByte())
			}
		}
	}
}

var literalCases = []tokenCase{
	{in: `true`, want: "true"},
	{in: `false`, want: "false"},
	{in: `null`, want: "null"},
	{in: " \t\r\nnull", want: "null"},
	{in: `true `, want: "true"},
	{in: `t`, sentinel: azlogs.ErrTruncated, off: 1},
	{in: `tru`, sentinel: azlogs.ErrTruncated, off: 3},
	{in: `fals`, sentinel: azlogs.ErrTruncated, off: 4},
	{in: `nul`, sentinel: azlogs.ErrTruncated, off: 3},
	{in: `trux`, sentinel: azlogs.ErrSyntax, off: 0},
	{in: `nil`, sentinel: azlogs.ErrSyntax, off: 0},
	{in: `nulll`, sentinel: azlogs.ErrSyntax, off: 4},
	{in: `true1`, sentinel: azlogs.ErrSyntax, off: 4},
	{in: `falsey`, sentinel: azlogs.ErrSyntax, off: 5},
	{in: `True`, sentinel: azlogs.ErrSyntax, off: 0},
	{in: `NULL`, sentinel: azlogs.ErrSyntax, off: 0},
}

func TestLiterals(t *testing.T) {
	for _, src := range sources {
		for _, c := range literalCases {
			var r Reader
			src.set(&r, []byte(c.in))
			var got string
			switch strings.TrimSpace(c.in)[:1] {
			case "t", "f", "T":
				v, ok := r.ReadBool()
				if ok {
					got = fmt.Sprint(v)
				}
			default:
				if r.ReadNull() {
					got = "null"
				}
			}
			if checkErr(t, &r, src.name+": literal", c) && got != c.want {
				t.Errorf("%s: literal %q = %q, want %q", src.name, c.in, got, c.want)
			}
			src.set(&r, []byte(c.in))
			r.Skip()
			checkErr(t, &r, src.name+": Skip", c)
		}
	}

}

// TestReadNullAfterSpace reads null as a member value, where white space
// follows the colon.
func TestReadNullAfterSpace(t *testing.T) {
	for _, src := range sources {
		var r Reader
		src.set(&r, []byte(`{"a": null, "b":	null}`))
		r.BeginObject()
		n := 0
		for {
			if _, ok := r.NextKey(); !ok {
				break
			}
			if !r.ReadNull() {
				break
			}
			n++
		}
		if r.Err() != nil || n != 2 {
			t.Errorf("%s: read %d nulls, error %v", src.name, n, r.Err())
		}
	}
}

func TestWrongKind(t *testing.T) {
	type call struct {
		name string
		f    func(r *Reader) bool
	}
	calls := []call{
		{"ReadString", func(r *Reader) bool { _, ok := r.ReadString(); return ok }},
		{"ReadNumber", func(r *Reader) bool { _, ok := r.ReadNumber(); return ok }},
		{"ReadBool", func(r *Reader) bool { _, ok := r.ReadBool(); return ok }},
		{"ReadNull", func(r *Reader) bool { return r.ReadNull() }},
		{"BeginObject", func(r *Reader) bool { return r.BeginObject() }},
		{"BeginArray", func(r *Reader) bool { return r.BeginArray() }},
	}
	inputs := map[string]string{
		"ReadString": `"s"`, "ReadNumber": `1`, "ReadBool": `true`, "ReadNull": `null`,
		"BeginObject": `{}`, "BeginArray": `[]`,
	}
	for _, c := range calls {
		for name, in := range inputs {
			var r Reader
			r.ResetBytes([]byte(in), 0)
			ok := c.f(&r)
			if ok != (name == c.name) {
				t.Errorf("%s on %s: ok = %v", c.name, in, ok)
			}
			if !ok && !errors.Is(r.Err(), azlogs.ErrSyntax) {
				t.Errorf("%s on %s: error %v", c.name, in, r.Err())
			}
		}
	}
	// The error is sticky: nothing reads after it.
	var r Reader
	r.ResetBytes([]byte(`x "s"`), 0)
	r.ReadNull()
	if _, ok := r.ReadString(); ok || r.Peek() != Invalid || r.PeekByte() != -1 || r.Skip() {
		t.Error("read after an error")
	}
}

// A structCase is a whole document read with Skip and with the walker.
type structCase struct {
	in       string
	sentinel error // nil: valid
	off      int64
}

var structCases = []structCase{
	{`{}`, nil, 0},
	{`[]`, nil, 0},
	{` { } `, nil, 0},
	{`{"a":1,"b":[true,false,null,"x",{"c":{}}],"d":-1.5e3}`, nil, 0},
	{"{\r\n\t\"a\" :\t1 ,\n\"b\"\n:\n2\n}\n", nil, 0},
	{`[[[[]]],[[]],[]]`, nil, 0},
	{`[1,]`, azlogs.ErrSyntax, 3},
	{`{"a":1,}`, azlogs.ErrSyntax, 7},
	{`[,1]`, azlogs.ErrSyntax, 1},
	{`[1,,2]`, azlogs.ErrSyntax, 3},
	{`{,"a":1}`, azlogs.ErrSyntax, 1},
	{`[1 2]`, azlogs.ErrSyntax, 3},
	{`{"a":1 "b":2}`, azlogs.ErrSyntax, 7},
	{`{"a":1"b":2}`, azlogs.ErrSyntax, 6},
	{`[{} {}]`, azlogs.ErrSyntax, 4},
	{`["a" "b"]`, azlogs.ErrSyntax, 5},
	{`{"a" 1}`, azlogs.ErrSyntax, 5},
	{`{"a"}`, azlogs.ErrSyntax, 4},
	{`{"a":}`, azlogs.ErrSyntax, 5},
	{`{1:2}`, azlogs.ErrSyntax, 1},
	{`{a:2}`, azlogs.ErrSyntax, 1},
	{`{'a':2}`, azlogs.ErrSyntax, 1},
	{`{"a"::2}`, azlogs.ErrSyntax, 5},
	{`[1}`, azlogs.ErrSyntax, 2},
	{`{"a":1]`, azlogs.ErrSyntax, 6},
	{`]`, azlogs.ErrSyntax, 0},
	{`}`, azlogs.ErrSyntax, 0},
	{`{`, azlogs.ErrTruncated, 1},
	{`[`, azlogs.ErrTruncated, 1},
	{`{"a"`, azlogs.ErrTruncated, 4},
	{`{"a":`, azlogs.ErrTruncated, 5},
	{`{"a":1`, azlogs.ErrTruncated, 6},
	{`{"a":1,`, azlogs.ErrTruncated, 7},
	{`[1,`, azlogs.ErrTruncated, 3},
	{`[1, `, azlogs.ErrTruncated, 4},
	{`[[[`, azlogs.ErrTruncated, 3},
	{`{"a":[1,2`, azlogs.ErrTruncated, 9},
	{`{"a":"b`, azlogs.ErrTruncated, 7},
	{`{"a":tr`, azlogs.ErrTruncated, 7},
	{`{"a":-`, azlogs.ErrTruncated, 6},
	{`{"a":1.`, azlogs.ErrTruncated, 7},
}

func TestSkipStructure(t *testing.T) {
	for _, src := range sources {
		for _, c := range structCases {
			var r Reader
			src.set(&r, []byte(c.in))
			ok := r.Skip()
			if ok != (c.sentinel == nil) {
				t.Errorf("%s: Skip(%q) = %v (%v)", src.name, c.in, ok, r.Err())
				continue
			}
			if !ok {
				if e := r.Err(); !errors.Is(e, c.sentinel) || e.Offset != c.off {
					t.Errorf("%s: Skip(%q): error %q (%v) at %d, want %v at %d", src.name, c.in, e.Msg, e.Err, e.Offset, c.sentinel, c.off)
				}
				continue
			}
			if !r.AtEOF() {
				t.Errorf("%s: Skip(%q) left %q", src.name, c.in, r.Rest())
			}
			if r.Depth() != 0 {
				t.Errorf("%s: Skip(%q) left depth %d", src.name, c.in, r.Depth())
			}
		}
	}
}

func TestTolerant(t *testing.T) {
	cases := []struct {
		in      string
		repairs int // -1: an error even when tolerant
	}{
		{`{"a":1 "b":2}`, 1},
		{"{\"a\":1\n\"b\":2\n\"c\":3}", 2},
		{"{\"a\":{}\t\"b\":[]  \"c\":\"x\"  \"d\":null}", 3},
		{`[{} {}]`, 1},
		{"[{\"a\":1}\r\n{\"a\":2}]", 1},
		{`["a" "b"]`, 1},
		{`{"a":1"b":2}`, -1}, // no white space: not repaired
		{`[{}{}]`, -1},
		{`[1 2]`, -1}, // only strings and objects start an element we repair
		{`{"a":1 ,, "b":2}`, -1},
		{`{"a":1 }`, 0},
	}
	for _, src := range sources {
		for _, c := range cases {
			for _, tolerant := range []bool{false, true} {
				var r Reader
				src.set(&r, []byte(c.in))
				r.Tolerant = tolerant
				ok := walkMembers(&r)
				want := c.repairs == 0 || (tolerant && c.repairs > 0)
				if ok != want {
					t.Errorf("%s: tolerant=%v walk(%q) = %v (%v)", src.name, tolerant, c.in, ok, r.Err())
					continue
				}
				if ok && tolerant && r.Repairs != c.repairs {
					t.Errorf("%s: walk(%q) made %d repairs, want %d", src.name, c.in, r.Repairs, c.repairs)
				}
				if !ok && !errors.Is(r.Err(), azlogs.ErrSyntax) {
					t.Errorf("%s: walk(%q): %v", src.name, c.in, r.Err())
				}
				// Skip keeps a value as it was, so it never repairs.
				var sk Reader
				src.set(&sk, []byte(c.in))
				sk.Tolerant = tolerant
				if sk.Skip() != (c.repairs == 0) || sk.Repairs != 0 {
					t.Errorf("%s: tolerant=%v Skip(%q) repaired or failed wrongly: %v", src.name, tolerant, c.in, sk.Err())
				}
			}
		}
	}
}

func TestMaxDepth(t *testing.T) {
	nest := func(open, close string, n int) string {
		return strings.Repeat(open, n) + "1" + strings.Repeat(close, n)
	}
	objs := func(n int) string {
		return strings.Repeat(`{"a":`, n) + "1" + strings.Repeat("}", n)
	}
	for _, src := range sources {
		for _, in := range []string{nest("[", "]", 3), objs(3), `[{"a":[1]}]`} {
			var r Reader
			src.set(&r, []byte(in))
			r.MaxDepth = 3
			if !r.Skip() {
				t.Errorf("%s: depth 3 %q: %v", src.name, in, r.Err())
			}
			src.set(&r, []byte(in))
			r.MaxDepth = 3
			if _, ok := walk(&r); !ok {
				t.Errorf("%s: walk depth 3 %q: %v", src.name, in, r.Err())
			}
		}
		for _, c := range []struct {
			in  string
			off int64
		}{{nest("[", "]", 4), 3}, {objs(4), 15}, {`[{"a":[[1]]}]`, 7}} {
			var r Reader
			src.set(&r, []byte(c.in))
			r.MaxDepth = 3
			if r.Skip() || !errors.Is(r.Err(), azlogs.ErrTooDeep) || r.Err().Offset != c.off {
				t.Errorf("%s: depth 4 %q: %v", src.name, c.in, r.Err())
			}
		}
	}
	// A million brackets: the limit stops the descent long before the
	// stack or the buffer grow.
	deep := strings.Repeat("[", 1000000)
	var r Reader
	r.Reset(strings.NewReader(deep))
	r.MaxDepth = 1000
	if r.Skip() || !errors.Is(r.Err(), azlogs.ErrTooDeep) || r.Err().Offset != 1000 {
		t.Errorf("a million brackets: %v", r.Err())
	}
	if len(r.buf) > 2*minBuf {
		t.Errorf("a million brackets: buffer grew to %d", len(r.buf))
	}
}

// TestKeyAcrossRefill reads keys that end exactly where a read ends, so
// that looking for the colon refills the buffer under the key.
func TestKeyAcrossRefill(t *testing.T) {
	in := []byte(`{"abcdefgh":1,"ijklmnopq":"v","r":{"stuvwx":[]}, "yz"  :  null}`)
	want := []string{"abcdefgh", "ijklmnopq", "r", "stuvwx", "yz"}
	for n := 1; n <= len(in); n++ {
		var r Reader
		r.Reset(&chunkReader{in, n})
		var keys []string
		var walkObj func() bool
		walkObj = func() bool {
			if !r.BeginObject() {
				return false
			}
			for {
				k, ok := r.NextKey()
				if !ok {
					return r.Err() == nil
				}
				keys = append(keys, string(k))
				if r.Peek() == Object {
					if !walkObj() {
						return false
					}
				} else if !r.Skip() {
					return false
				}
			}
		}
		if !walkObj() || strings.Join(keys, ",") != strings.Join(want, ",") {
			t.Errorf("chunks of %d: keys %q, error %v", n, keys, r.Err())
		}
	}

	// At the edge of the real buffer: the key's closing quote is its last
	// byte, and the refill brings a full buffer.
	for d := -3; d <= 3; d++ {
		pad := minBuf - len(`{"p":"`) - len(`","key`) + d
		in := `{"p":"` + strings.Repeat("x", pad) + `","key":1,"z":"` + strings.Repeat("y", 2*minBuf) + `"}`
		for _, src := range sources {
			var r Reader
			src.set(&r, []byte(in))
			r.BeginObject()
			var keys []string
			for {
				k, ok := r.NextKey()
				if !ok {
					break
				}
				keys = append(keys, string(k))
				r.Skip()
			}
			if r.Err() != nil || strings.Join(keys, ",") != "p,key,z" {
				t.Errorf("%s: pad %d: keys %q, error %v", src.name, d, keys, r.Err())
			}
		}
	}
}

// TestLongValues reads values much larger than the buffer, with escapes
// on both sides of every boundary.
func TestLongValues(t *testing.T) {
	var in, want strings.Builder
	in.WriteString(`["`)
	for i := 0; in.Len() < 3*minBuf; i++ {
		fmt.Fprintf(&in, `%d\n\u00e9\uD83D\uDE00\"`, i)
		fmt.Fprintf(&want, "%d\n\u00e9\U0001F600\"", i)
	}
	in.WriteString(`",` + strings.Repeat("9", 2*minBuf) + `,"` + strings.Repeat("z", 2*minBuf) + `"]`)
	for _, src := range sources {
		var r Reader
		src.set(&r, []byte(in.String()))
		r.BeginArray()
		r.NextElem()
		s, ok := r.ReadString()
		if !ok || string(s) != want.String() {
			t.Errorf("%s: long escaped string: ok %v, %d bytes, want %d", src.name, ok, len(s), want.Len())
		}
		r.NextElem()
		if n, ok := r.ReadNumber(); !ok || len(n) != 2*minBuf {
			t.Errorf("%s: long number: %v %d", src.name, ok, len(n))
		}
		r.NextElem()
		if s, ok := r.ReadString(); !ok || len(s) != 2*minBuf {
			t.Errorf("%s: long string: %v %d", src.name, ok, len(s))
		}
		if r.NextElem() || r.Err() != nil || !r.AtEOF() {
			t.Errorf("%s: end: %v", src.name, r.Err())
		}

		// Skip walks the same text by its own path.
		src.set(&r, []byte(in.String()))
		if !r.Skip() || !r.AtEOF() {
			t.Errorf("%s: Skip: %v", src.name, r.Err())
		}
	}
}

// TestCutEverywhere cuts a document at every byte: each prefix is either
// the whole document or truncated (never a syntax error), whatever the
// reader.
func TestCutEverywhere(t *testing.T) {
	doc := `{"s":"a\"b\\c\u00e9\uD83D\uDE00","n":-12.5e+3,"t":true,"f":false,"z":null,"a":[0,{},[]],"k\n":"v"}`
	for _, src := range sources {
		for i := 0; i <= len(doc); i++ {
			for _, skip := range []bool{false, true} {
				var r Reader
				src.set(&r, []byte(doc[:i]))
				var ok bool
				if skip {
					ok = r.Skip()
				} else {
					_, ok = walk(&r)
				}
				if ok != (i == len(doc)) {
					t.Errorf("%s: skip=%v prefix %q: ok = %v", src.name, skip, doc[:i], ok)
					continue
				}
				if !ok && !errors.Is(r.Err(), azlogs.ErrTruncated) {
					t.Errorf("%s: skip=%v prefix %q: %v", src.name, skip, doc[:i], r.Err())
				}
			}
		}
	}
}

// TestReadErrors feeds readers that fail: the error is the reader's, not
// a truncation, wherever it happens.
func TestReadErrors(t *testing.T) {
	doc := `{"s":"abc\n","n":123,"t":true,"a":[1,2]}`
	for i := 0; i < len(doc); i++ {
		for _, n := range []int{1, 4, 100} {
			for _, skip := range []bool{false, true} {
				var r Reader
				r.Reset(&failReader{[]byte(doc[:i]), n, errBoom})
				var ok bool
				if skip {
					ok = r.Skip()
				} else {
					_, ok = walk(&r)
				}
				if ok || !errors.Is(r.Err(), errBoom) || r.ReadErr() != errBoom {
					t.Errorf("prefix %q, chunks %d, skip=%v: ok %v, error %v", doc[:i], n, skip, ok, r.Err())
				}
			}
		}
	}
	// A value that ends exactly where the read fails is complete, but the
	// reader still says why the input stopped.
	var r Reader
	r.Reset(&failReader{[]byte(`{"a":1}`), 3, errBoom})
	if !r.Skip() || !r.AtEOF() || r.ReadErr() != errBoom {
		t.Errorf("complete value: %v %v", r.Err(), r.ReadErr())
	}
	// A number that ends where the read fails might have gone on.
	for _, in := range []string{"123", "-1.5", "[1,23"} {
		r.Reset(&failReader{[]byte(in), 2, errBoom})
		if r.Skip() || !errors.Is(r.Err(), errBoom) {
			t.Errorf("%q then a read error: %v", in, r.Err())
		}
	}

	// iotest.TimeoutReader fails on its second read.
	big := `["` + strings.Repeat("x", 2*minBuf) + `"]`
	r.Reset(iotest.TimeoutReader(strings.NewReader(big)))
	if r.Skip() || !errors.Is(r.Err(), iotest.ErrTimeout) {
		t.Errorf("timeout: %v", r.Err())
	}
	r.Reset(iotest.ErrReader(errBoom))
	if r.Skip() || !errors.Is(r.Err(), errBoom) {
		t.Errorf("ErrReader: %v", r.Err())
	}
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) { return 0, nil }

type badCountReader struct{ n int }

func (b badCountReader) Read(p []byte) (int, error) { return b.n, nil }

func TestBadReaders(t *testing.T) {
	var r Reader
	r.Reset(zeroReader{})
	if r.Skip() || !errors.Is(r.Err(), io.ErrNoProgress) {
		t.Errorf("zero reader: %v", r.Err())
	}
	for _, n := range []int{-1, 1 << 30} {
		r.Reset(badCountReader{n})
		if r.Skip() || r.Err() == nil {
			t.Errorf("count %d: %v", n, r.Err())
		}
	}
}

// TestResetBytesThenReset makes sure a Reader that read from memory does
// not use the caller's slice as its buffer afterwards.
func TestResetBytesThenReset(t *testing.T) {
	mine := []byte(`"0123456789"`)
	var r Reader
	r.ResetBytes(mine, 0)
	r.Skip()
	r.Reset(strings.NewReader(`"abcdefghijklmnopqrstuvwxyz"`))
	s, ok := r.ReadString()
	if !ok || string(s) != "abcdefghijklmnopqrstuvwxyz" || string(mine) != `"0123456789"` {
		t.Errorf("got %q, caller's bytes now %q", s, mine)
	}
}

// TestPosition checks line and column at every token, with every reader,
// so that the line count survives buffer compaction.
func TestPosition(t *testing.T) {
	in := "{\"a\": 1,\r\n  \"b\" : [true,\n\n\tnull, \"x\\ny\"],\r\n\"c\":{}}\n  \n 7 \r\n\"é\" 8"
	ref := func(off int64) azlogs.Position {
		line, col := 1, 1
		for _, c := range []byte(in[:off]) {
			col++
			if c == '\n' {
				line, col = line+1, 1
			}
		}
		return azlogs.Position{Offset: off, Line: line, Column: col}
	}
	for _, src := range sources {
		var r Reader
		src.set(&r, []byte(in))
		var check func() bool
		check = func() bool {
			k := r.Peek()
			if k == Invalid {
				t.Fatalf("%s: %v", src.name, r.Err())
			}
			if k == EOF {
				return false
			}
			off := r.Offset()
			if got, want := r.Position(off), ref(off); got != want {
				t.Errorf("%s: Position(%d) = %v, want %v", src.name, off, got, want)
			}
			switch k {
			case Object:
				r.BeginObject()
				for {
					if _, ok := r.NextKey(); !ok {
						break
					}
					check()
				}
			case Array:
				r.BeginArray()
				for r.NextElem() {
					check()
				}
			default:
				r.Skip()
			}
			return true
		}
		for check() {
		}
		if r.Err() != nil {
			t.Errorf("%s: %v", src.name, r.Err())
		}
		end := int64(len(in))
		if got, want := r.Position(end), ref(end); got != want {
			t.Errorf("%s: Position(end) = %v, want %v", src.name, got, want)
		}
	}

	// After ResetBytes, positions count from the slice's first byte.
	for _, c := range []struct {
		in   string
		want azlogs.Position
	}{
		{"{\n \"a\":x}", azlogs.Position{Offset: 107, Line: 2, Column: 6}},
		{"{x}", azlogs.Position{Offset: 101, Line: 1, Column: 2}},
	} {
		var r Reader
		r.ResetBytes([]byte(c.in), 100)
		r.Skip()
		if e := r.Err(); e == nil || r.Position(e.Offset) != c.want {
			t.Errorf("ResetBytes %q: %v at %v, want %v", c.in, e, r.Position(e.Offset), c.want)
		}
	}
}

func TestSkipThenRead(t *testing.T) {
	in := `{"skip":{"a":[1,{"b":"}]"}],"c":"\"{["},"keep":"yes","n":[1,2]}`
	for _, src := range sources {
		var r Reader
		src.set(&r, []byte(in))
		r.BeginObject()
		var got []string
		for {
			k, ok := r.NextKey()
			if !ok {
				break
			}
			if string(k) == "keep" {
				s, _ := r.ReadString()
				got = append(got, string(s))
				continue
			}
			start := r.Offset()
			r.Hold(start)
			r.PeekByte()
			start = r.Offset()
			r.Skip()
			got = append(got, string(r.Bytes(start, r.Offset())))
			r.Release()
		}
		want := []string{`{"a":[1,{"b":"}]"}],"c":"\"{["}`, "yes", "[1,2]"}
		if r.Err() != nil || strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: %q %v", src.name, got, r.Err())
		}
	}
}

func TestRewind(t *testing.T) {
	var r Reader
	r.ResetBytes([]byte(`{"a":"x","b":2}`), 0)
	r.BeginObject()
	r.NextKey()
	start := r.Offset()
	depth := r.Depth()
	if _, ok := r.ReadNumber(); ok {
		t.Fatal("read a string as a number")
	}
	r.Rewind(start, depth)
	if s, ok := r.ReadString(); !ok || string(s) != "x" {
		t.Fatalf("after Rewind: %q %v", s, r.Err())
	}
	if k, ok := r.NextKey(); !ok || string(k) != "b" || !r.Skip() || r.NextElem() {
		t.Fatalf("after Rewind: %q %v", k, r.Err())
	}
}

// TestTopLevelSequence reads several values one after another, as JSON
// lines do.
func TestTopLevelSequence(t *testing.T) {
	in := "{\"a\":1}\n[2]\n\"three\" 4 true null\n"
	for _, src := range sources {
		var r Reader
		src.set(&r, []byte(in))
		var kinds []string
		for {
			k := r.Peek()
			if k == EOF || k == Invalid {
				break
			}
			kinds = append(kinds, k.String())
			r.Skip()
		}
		if r.Err() != nil || strings.Join(kinds, ",") != "object,array,string,number,true,null" {
			t.Errorf("%s: %v %v", src.name, kinds, r.Err())
		}
	}
}

func TestStopIndex(t *testing.T) {
	// Every position of every special byte, among bytes that look like
	// them to a careless bit trick.
	fillers := []byte{'a', 0x80, 0xff, 0x7f, 0x20, 0x21, 0x5b, 0x5d, 0xa2, 0xdc}
	specials := []byte{'"', '\\', 0x00, 0x01, 0x1f, '\n'}
	for _, f := range fillers {
		for _, s := range specials {
			for n := 0; n <= 70; n++ { // past 32: the assembly, and its tail
				for at := 0; at <= n; at++ {
					b := bytes.Repeat([]byte{f}, n)
					want := n
					if at < n {
						b[at] = s
						want = at
					}
					for i := 0; i <= at && i <= n; i++ {
						if got := stopIndex(b, i, n); got != want {
							t.Fatalf("stopIndex(%q, %d, %d) = %d, want %d", b, i, n, got, want)
						}
					}
				}
			}
		}
	}
}

// TestStopIndexSSE2 checks the assembly on its own against a byte loop:
// every length from 16 to 100, every position of a stop byte, and stop
// bytes just outside the slice, which it must not see.
func TestStopIndexSSE2(t *testing.T) {
	if !haveStopSSE2 {
		t.Skip("no assembly on this platform")
	}
	want := func(b []byte) int {
		for i, c := range b {
			if c == '"' || c == '\\' || c < 0x20 {
				return i
			}
		}
		return len(b)
	}
	for _, s := range []byte{'"', '\\', 0x00, 0x1f} {
		for n := 16; n <= 100; n++ {
			for at := -1; at < n; at++ {
				// A stop byte on either side of b, inside the array.
				arr := bytes.Repeat([]byte{0x80}, n+2)
				arr[0], arr[n+1] = s, s
				b := arr[1 : n+1]
				if at >= 0 {
					b[at] = s
				}
				if got, w := stopIndexSSE2(b), want(b); got != w {
					t.Fatalf("stop byte %#x at %d of %d: got %d, want %d", s, at, n, got, w)
				}
			}
		}
	}
}

func TestKindString(t *testing.T) {
	for k := Invalid; k <= EOF; k++ {
		if k.String() == "" {
			t.Errorf("kind %d has no name", k)
		}
	}
	if quoteChar('\'') != `'\''` || quoteChar(0) != `'\x00'` || quoteChar('a') != `'a'` {
		t.Error("quoteChar")
	}
}

// walkMembers reads a value member by member, as a decoder filling fields
// does: it repairs what Tolerant allows.
func walkMembers(r *Reader) bool {
	switch r.Peek() {
	case Object:
		if !r.BeginObject() {
			return false
		}
		for {
			if _, ok := r.NextKey(); !ok {
				break
			}
			if !walkMembers(r) {
				return false
			}
		}
	case Array:
		if !r.BeginArray() {
			return false
		}
		for r.NextElem() {
			if !walkMembers(r) {
				return false
			}
		}
	default:
		return r.Skip()
	}
	return r.Err() == nil
}
