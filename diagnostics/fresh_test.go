package diagnostics

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/azlogs/azlogs/internal/corpusgen"
)

// TestFreshDataAllocations reports what decoding data never seen before
// costs: each new string value that the intern table does not hold is one
// allocation. It logs the figure; it fails only if it gets out of hand.
func TestFreshDataAllocations(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 16 MB")
	}
	warm, _ := corpusgen.Diagnostics(8<<20, 1)
	fresh, n := corpusgen.Diagnostics(8<<20, 2)
	dec := NewDecoder(bytes.NewReader(warm))
	for dec.Next() {
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	dec.Reset(bytes.NewReader(fresh))
	for dec.Next() {
	}
	runtime.ReadMemStats(&after)
	per := float64(after.Mallocs-before.Mallocs) / float64(n)
	t.Logf("fresh data: %.3f allocations per record (%d records)", per, n)
	if per > 2 {
		t.Fatalf("%.2f allocations per record on fresh data", per)
	}
}
