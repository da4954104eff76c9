package intern

import (
	"fmt"
	"strconv"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"
)

func TestBytesReturnsEqualSharedStrings(t *testing.T) {
	var tab Table
	require.Equal(t, "", tab.Bytes(nil))
	a := tab.Bytes([]byte("Microsoft.Web/sites/write"))
	b := tab.Bytes([]byte("Microsoft.Web/sites/write"))
	require.Equal(t, "Microsoft.Web/sites/write", a)
	require.Equal(t, unsafe.StringData(a), unsafe.StringData(b), "a repeated value is shared")
	buf := []byte("mutable")
	s := tab.Bytes(buf)
	buf[0] = 'X'
	require.Equal(t, "mutable", s, "the string does not alias the input")
	long := make([]byte, MaxLen+1)
	require.Len(t, tab.Bytes(long), MaxLen+1)
}

func TestNoAllocationsForKnownValues(t *testing.T) {
	var tab Table
	vals := make([][]byte, 5000)
	for i := range vals {
		vals[i] = []byte(fmt.Sprintf("/subscriptions/%08d/resourceGroups/rg-%d", i, i%97))
	}
	for _, v := range vals {
		tab.Bytes(v)
	}
	for _, v := range vals { // let the table settle after growing
		tab.Bytes(v)
	}
	n := testing.AllocsPerRun(5, func() {
		for _, v := range vals {
			tab.Bytes(v)
		}
	})
	require.Zero(t, n, "a working set well below capacity stays in the table")
}

func TestBounded(t *testing.T) {
	var tab Table
	for i := 0; i < 1_000_000; i++ {
		tab.Bytes([]byte(strconv.Itoa(i)))
	}
	require.LessOrEqual(t, len(tab.entries), ways*maxSets, "memory stays bounded on endless distinct values")
}

// TestSimilarValues covers values that differ only where the sampled hash
// does not look: they still come back as themselves.
func TestSimilarValues(t *testing.T) {
	var tab Table
	base := []byte("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/XXXXXXXXXXXXXXXXXXXXXXXXname")
	for i := 0; i < 200; i++ {
		v := append([]byte(nil), base...)
		v[60] = byte('a' + i%26)
		v[61] = byte('a' + i/26)
		require.Equal(t, string(v), tab.Bytes(v))
	}
}

func TestSlot(t *testing.T) {
	var tab Table
	var last string
	a := tab.Slot(&last, []byte("value"))
	require.Equal(t, "value", last)
	b := tab.Slot(&last, []byte("value"))
	require.Equal(t, unsafe.StringData(a), unsafe.StringData(b))
	require.Equal(t, "other", tab.Slot(&last, []byte("other")))
	require.Zero(t, testing.AllocsPerRun(100, func() { tab.Slot(&last, []byte("other")) }))
}

func TestMemo(t *testing.T) {
	m := Memo[[]string]{Prefix: 4}
	_, _, ok := m.Find([]byte(`{"a":"b"},{"a":"c"}`))
	require.False(t, ok)
	v := m.Put([]byte(`{"a":"b"}`))
	*v = append(*v, "a=b")
	got, n, ok := m.Find([]byte(`{"a":"b"},{"a":"c"}`))
	require.True(t, ok)
	require.Equal(t, 9, n, "the remembered bytes' length")
	require.Equal(t, []string{"a=b"}, *got)
	_, _, ok = m.Find([]byte(`{"a":"c"}`))
	require.False(t, ok, "only the same bytes hit")
	_, _, ok = m.Find([]byte(`{"a":"b"`))
	require.False(t, ok, "a prefix of the bytes is not a hit")
	require.Nil(t, m.Put([]byte(`{}`)), "shorter than the prefix: not remembered")
	raw := []byte(`{"x":1}`)
	m.Put(raw)
	raw[2] = 'y'
	_, _, ok = m.Find([]byte(`{"x":1}`))
	require.True(t, ok, "the memo keeps its own copy of the bytes")
}

func BenchmarkBytesHit(b *testing.B) {
	var tab Table
	v := []byte("http://schemas.microsoft.com/identity/claims/objectidentifier")
	tab.Bytes(v)
	b.ReportAllocs()
	b.SetBytes(int64(len(v)))
	for b.Loop() {
		tab.Bytes(v)
	}
}

func TestNames(t *testing.T) {
	names := []string{"", "time", "resourceId", "operationName", "category", "level", "properties", "identity", "durationMs"}
	tab := NewNames(names, false)
	for id, n := range names {
		got, ok := tab.Lookup([]byte(n))
		if n == "" {
			require.False(t, ok)
			continue
		}
		require.True(t, ok, n)
		require.Equal(t, id, got)
	}
	for _, miss := range []string{"Time", "RoleLocation", "", "timex", "x"} {
		_, ok := tab.Lookup([]byte(miss))
		require.False(t, ok, miss)
	}
	lower := make([]string, len(names))
	for i, n := range names {
		lower[i] = string(bytesToLower([]byte(n)))
	}
	fold := NewNames(lower, true)
	id, ok := fold.Lookup([]byte("ResourceID"))
	require.True(t, ok)
	require.Equal(t, 2, id)
	require.Zero(t, testing.AllocsPerRun(100, func() { fold.Lookup([]byte("OperationName")) }))
}

func bytesToLower(b []byte) []byte {
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return b
}
