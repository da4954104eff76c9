package jsontok

import (
	"strings"
	"testing"
)

func TestPointerAt(t *testing.T) {
	// The offset is where ‸ stands; the marker is removed before the call.
	cases := []struct {
		in, want string
	}{
		{`‸{"a":1}`, ""},
		{`{‸"a":1}`, ""},
		{`{"a":‸1}`, "/a"},
		{`{"a":1‸}`, "/a"},
		{`{"a":1,‸"b":2}`, ""},
		{`{"a":1,"b":‸2}`, "/b"},
		{`{"a":{"b":‸x}}`, "/a/b"},
		{`{"a":{"b":1},"c":‸x}`, "/c"},
		{`{"a":{"b":1}‸,"c":x}`, "/a"},
		{`{"a":[1,2,‸x]}`, "/a/2"},
		{`{"a":[‸]}`, "/a/0"},
		{`{"a":[{"b":[0,{"c":‸x}]}]}`, "/a/0/b/1/c"},
		{`{"a":[[1,2],[3,‸x]]}`, "/a/1/1"},
		{`{"a":"x,y{[", "b":‸x}`, "/b"},
		{`{"a":"\"}", "b":‸x}`, "/b"},
		{`{"a/b":‸x}`, "/a~1b"},
		{`{"m~n":‸x}`, "/m~0n"},
		{`{"~1/":‸x}`, "/~01~1"},
		{`{"a\/b":‸x}`, "/a~1b"},
		{`{"\u007e":‸x}`, "/~0"},
		{`{"a\"b":‸x}`, `/a"b`},
		{`{"a\\":‸x}`, `/a\`},
		{`{"a":"unterminated‸`, "/a"},
		{`{"ke‸y":1}`, "/key"},
		{`[1,2,‸x]`, "/2"},
		{`[‸1]`, "/0"},
		{`[{"a":1},{"b":‸2}]`, "/1/b"},
		{`‸`, ""},
		{`}}]]‸`, ""},
	}
	for _, c := range cases {
		off := strings.Index(c.in, "‸")
		raw := strings.Replace(c.in, "‸", "", 1)
		if got := PointerAt([]byte(raw), off); got != c.want {
			t.Errorf("PointerAt(%s) = %q, want %q", c.in, got, c.want)
		}
	}
	// Offsets out of range are clamped.
	if got := PointerAt([]byte(`{"a":1}`), 100); got != "" {
		t.Errorf("past the end: %q", got)
	}
	if got := PointerAt([]byte(`{"a":1}`), -5); got != "" {
		t.Errorf("negative: %q", got)
	}
	if got := PointerAt([]byte(`{"a":1`), 100); got != "/a" {
		t.Errorf("past the end of a torn record: %q", got)
	}
}

func FuzzPointerAt(f *testing.F) {
	f.Add([]byte(`{"a":[{"b~/":"\"x"}]}`), 12)
	f.Add([]byte(`[[[{"\u00e9":1}]]]`), 9)
	f.Fuzz(func(t *testing.T, raw []byte, off int) {
		p := PointerAt(raw, off)
		if p != "" && p[0] != '/' {
			t.Fatalf("PointerAt(%q, %d) = %q", raw, off, p)
		}
	})
}
