package decoding

import (
	"math"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/internal/jsontok"
)

func TestParseInt(t *testing.T) {
	for _, s := range []string{"0", "-0", "+7", "42", "-42", "9223372036854775807", "-9223372036854775808", "00012",
		"000000000000000000000", "-0000000000000000000000009223372036854775808"} { // leading zeros: found by FuzzParseInt
		want, err := strconv.ParseInt(s, 10, 64)
		require.NoError(t, err)
		got, ok := ParseInt([]byte(s))
		require.True(t, ok, s)
		require.Equal(t, want, got, s)
	}
	for _, s := range []string{"", "-", "+", "9223372036854775808", "-9223372036854775809", "99999999999999999999", "1.5", "1e3", "N/A", " 1", "0x10"} {
		_, ok := ParseInt([]byte(s))
		require.False(t, ok, s)
	}
	v, _ := ParseInt([]byte("-9223372036854775808"))
	require.Equal(t, int64(math.MinInt64), v)
}

func FuzzParseInt(f *testing.F) {
	for _, s := range []string{"0", "-1", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "+5", "12a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ParseInt([]byte(s))
		want, err := strconv.ParseInt(s, 10, 64)
		// strconv accepts a leading '+' too; both reject everything else.
		if (err == nil) != ok || (ok && got != want) {
			t.Fatalf("ParseInt(%q) = %d, %v; strconv says %d, %v", s, got, ok, want, err)
		}
	})
}

func reader(s string) *jsontok.Reader {
	r := new(jsontok.Reader)
	r.ResetBytes([]byte(s), 0)
	return r
}

func TestIntAndLevel(t *testing.T) {
	v, asString, ok, _ := Int(reader(`12`), false)
	require.True(t, ok)
	require.Equal(t, int64(12), v)
	require.False(t, asString)
	v, asString, ok, _ = Int(reader(`"12"`), false)
	require.True(t, ok && asString)
	require.Equal(t, int64(12), v)
	_, _, ok, consumed := Int(reader(`"12"`), true)
	require.False(t, ok, "strict rejects a number in a string")
	require.True(t, consumed)
	_, _, ok, consumed = Int(reader(`{}`), false)
	require.False(t, ok || consumed)
	_, _, ok, _ = Int(reader(`"-"`), false)
	require.False(t, ok, "a placeholder is not a number")

	l, numeric, ok, _ := Level(reader(`"Warning"`), true)
	require.True(t, ok)
	require.False(t, numeric)
	require.Equal(t, azlogs.LevelWarning, l)
	l, numeric, ok, _ = Level(reader(`4`), false)
	require.True(t, ok && numeric)
	require.Equal(t, azlogs.LevelInformational, l)
	_, _, ok, _ = Level(reader(`4`), true)
	require.False(t, ok)
	_, _, ok, consumed = Level(reader(`[1]`), false)
	require.False(t, ok || consumed)
}

func TestScratch(t *testing.T) {
	var s Scratch
	cfg := azlogs.NewConfig(azlogs.WithStrict())
	s.Configure(&cfg)
	s.Begin()
	a := s.Chunk([]byte("abc"))
	b := s.Chunk([]byte("defg"))
	require.Equal(t, "abc", string(a))
	require.Equal(t, "defg", string(b), "a second chunk does not move the first")
	r := s.Reader()
	require.True(t, r.StrictUTF8)
	require.False(t, r.Tolerant)
	r2 := s.Reader()
	require.NotSame(t, r, r2)
	s.Release()
	s.Release()
	require.Same(t, r, s.Reader())
	require.Equal(t, "ab", LowerASCII("aB"))
}
