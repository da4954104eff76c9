package jsontok

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// KeyIs must agree with Key wherever it says yes, and read nothing where it
// says no.
func TestKeyIs(t *testing.T) {
	cases := []struct {
		name, in, want string
		ok             bool
	}{
		{"first member", `{"a":1}`, "a", true},
		{"after a comma", `{"x":0,"a":1}`, "a", true},
		{"other name", `{"b":1}`, "a", false},
		{"name is a prefix of the key", `{"ab":1}`, "a", false},
		{"key is a prefix of the name", `{"a":1}`, "ab", false},
		{"space before the colon", `{"a" :1}`, "a", false},
		{"space before the name", `{ "a":1}`, "a", false},
		{"escaped key", `{"\u0061":1}`, "a", false},
		{"missing comma", `{"x":0 "a":1}`, "a", false},
		{"cut short", `{"a"`, "a", false},
		{"empty name", `{"":1}`, "", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var r Reader
			r.ResetBytes([]byte(c.in), 0)
			require.True(t, r.BeginObject())
			if c.name == "after a comma" || c.name == "missing comma" {
				_, ok := r.Key()
				require.True(t, ok)
				require.True(t, r.Skip())
			}
			before := r.Offset()
			got := r.KeyIs(c.want)
			require.Equal(t, c.ok, got)
			if !got {
				require.Equal(t, before, r.Offset(), "KeyIs read bytes it did not accept")
				return
			}
			require.Equal(t, "1", string(must(r.ReadNumber())))
		})
	}
}

func TestKeyIsCountsMembers(t *testing.T) {
	var r Reader
	r.MaxMembers = 1
	r.ResetBytes([]byte(`{"a":1,"a":2}`), 0)
	require.True(t, r.BeginObject())
	require.True(t, r.KeyIs("a"))
	require.True(t, r.Skip())
	require.False(t, r.KeyIs("a"), "the second member is over the limit")
	_, ok := r.Key()
	require.False(t, ok)
	require.Error(t, r.Err())
}

func TestKeyIsStrictUTF8(t *testing.T) {
	var r Reader
	r.StrictUTF8 = true
	r.ResetBytes([]byte(`{"a":1}`), 0)
	require.True(t, r.BeginObject())
	require.False(t, r.KeyIs("a"), "strict readers check every name")
}

func TestPlainName(t *testing.T) {
	require.True(t, PlainName("requestUri"))
	require.True(t, PlainName(""))
	require.False(t, PlainName(`a"b`))
	require.False(t, PlainName(`a\b`))
	require.False(t, PlainName("a\nb"))
}

func must(b []byte, ok bool) []byte {
	if !ok {
		return nil
	}
	return b
}

// TestEqualName compares equalName with ==, for every length to 24 and a
// difference at every position (the two words overlap for 9 to 15 bytes).
func TestEqualName(t *testing.T) {
	for n := 0; n <= 24; n++ {
		name := strings.Repeat("k", n)
		if !equalName([]byte(name), name) {
			t.Fatalf("%q: not equal to itself", name)
		}
		for at := 0; at < n; at++ {
			b := []byte(name)
			b[at] = 'j'
			if equalName(b, name) {
				t.Fatalf("%q equals %q", b, name)
			}
		}
		if n > 0 && equalName([]byte(name[1:]), name) {
			t.Fatalf("%q: a shorter name was equal", name)
		}
	}
}
