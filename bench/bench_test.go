package bench

import (
	"bytes"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/azlogs/azlogs/bench/gen"
)

// benchCorpusSize is the size of the corpus the Go benchmarks decode: large
// enough that setup does not count, small enough for many runs.
const benchCorpusSize = 8 << 20

var (
	benchOnce    sync.Once
	benchCorpus  []byte
	benchRecords int
)

// BenchmarkActivity decodes an 8 MiB generated corpus with every method.
// Besides ns/op and MB/s it reports per-record figures. For benchstat, run
// the sub-benchmarks interleaved (see README.md): -count repeats one
// sub-benchmark before moving to the next, and this machine's speed drifts.
func BenchmarkActivity(b *testing.B) {
	benchOnce.Do(func() {
		var buf bytes.Buffer
		if err := gen.Activity(&buf, benchCorpusSize, 1); err != nil {
			b.Fatal(err)
		}
		benchCorpus = buf.Bytes()
		benchRecords = bytes.Count(benchCorpus, []byte{'\n'})
	})
	for _, m := range Methods {
		// Slashes would make extra levels of sub-benchmarks.
		b.Run("method="+strings.ReplaceAll(m.Name, "/", "-"), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(benchCorpus)))
			// One untimed run first: the libraries build their codecs on
			// first use, and b.Loop restarts the timer when it starts.
			if _, err := m.Run(benchCorpus); err != nil {
				b.Fatal(err)
			}
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for b.Loop() {
				n, err := m.Run(benchCorpus)
				if err != nil {
					b.Fatal(err)
				}
				if n != benchRecords {
					b.Fatalf("decoded %d records, want %d", n, benchRecords)
				}
			}
			runtime.ReadMemStats(&after)
			records := float64(b.N) * float64(benchRecords)
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/records, "ns/record")
			b.ReportMetric(float64(after.Mallocs-before.Mallocs)/records, "allocs/record")
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/records, "B/record")
		})
	}
}
