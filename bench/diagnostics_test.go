package bench

import (
	"bytes"
	"runtime"
	"strings"
	"testing"

	"github.com/azlogs/azlogs/internal/corpusgen"
)

// The resource-log methods agree on a generated corpus of about 1 MB, and
// every one decodes every record, finds every record's time and reads the
// properties the result folds in.
func TestDiagMethodsAgree(t *testing.T) {
	data, n := corpusgen.Diagnostics(1<<20, 3)
	var first DiagResult
	for i, m := range DiagMethods {
		res, err := m.Run(data)
		if err != nil {
			t.Fatal(m.Name, err)
		}
		if i == 0 {
			first = res
			if res.Records != n || res.Timed != n {
				t.Fatalf("%s: %+v; the corpus has %d records, all with a time", m.Name, res, n)
			}
			if res.Statuses == 0 || res.FirewallPorts == 0 || res.Untyped == 0 {
				t.Fatalf("%s: %+v: a fold found nothing", m.Name, res)
			}
			continue
		}
		if res != first {
			t.Errorf("%s:\n %+v\n%s:\n %+v", m.Name, res, DiagMethods[0].Name, first)
		}
	}
	t.Logf("%d records, %d bytes: %+v", n, len(data), first)
	// A second run of the reused azlogs decoder finds the same.
	if res, err := DecodeDiagAzlogs(bytes.NewReader(data)); err != nil || res != first {
		t.Errorf("azlogs, second run: %+v, %v", res, err)
	}
}

// The corpus mixes enough categories for the comparison to mean something.
func TestDiagCorpusMix(t *testing.T) {
	data, n := corpusgen.Diagnostics(1<<20, 3)
	mix, err := DiagCorpusMix(data)
	if err != nil {
		t.Fatal(err)
	}
	records, size := 0, 0
	for _, c := range mix {
		records += c.Records
		size += c.Bytes
	}
	if len(mix) < 10 || records != n || size != len(data) {
		t.Fatalf("%d categories, %d records, %d bytes; want at least 10, %d, %d", len(mix), records, size, n, len(data))
	}
}

var (
	diagBenchCorpus  []byte
	diagBenchRecords int
)

// BenchmarkDiagnostics decodes an 8 MiB generated resource-log corpus
// (seed 1) with every method and reports, besides ns/op, MB/s and the
// allocations per op, ns/record, allocs/record and B/record. Run the
// methods interleaved for benchstat (see README.md).
func BenchmarkDiagnostics(b *testing.B) {
	if diagBenchCorpus == nil {
		diagBenchCorpus, diagBenchRecords = corpusgen.Diagnostics(benchCorpusSize, 1)
	}
	data, n := diagBenchCorpus, diagBenchRecords
	for _, m := range DiagMethods {
		b.Run("method="+strings.ReplaceAll(m.Name, "/", "-"), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			// Untimed: codecs are built and buffers grow on first use.
			if _, err := m.Run(data); err != nil {
				b.Fatal(err)
			}
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for b.Loop() {
				res, err := m.Run(data)
				if err != nil {
					b.Fatal(err)
				}
				if res.Records != n {
					b.Fatalf("decoded %d records, want %d", res.Records, n)
				}
			}
			runtime.ReadMemStats(&after)
			records := float64(b.N) * float64(n)
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/records, "ns/record")
			b.ReportMetric(float64(after.Mallocs-before.Mallocs)/records, "allocs/record")
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/records, "B/record")
		})
	}
}

// DiagGroupByCategory keeps every line once, and puts each category's
// lines together, in their order; the methods find the same in it.
func TestDiagGroupByCategory(t *testing.T) {
	data, n := corpusgen.Diagnostics(1<<20, 3)
	grouped, err := DiagGroupByCategory(data)
	if err != nil {
		t.Fatal(err)
	}
	lines := func(b []byte) []string { return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") }
	in, out := lines(data), lines(grouped)
	if len(in) != n || len(out) != n || len(grouped) != len(data) {
		t.Fatalf("%d lines, %d bytes in; %d lines, %d bytes out", len(in), len(data), len(out), len(grouped))
	}
	mix, err := DiagCorpusMix(grouped)
	if err != nil {
		t.Fatal(err)
	}
	// Each category's lines in their order, and the categories one after
	// another: as many runs of one category as there are categories.
	byCat := map[string][]string{}
	runs, last := 0, ""
	for _, l := range out {
		m, err := DiagCorpusMix([]byte(l))
		if err != nil || len(m) != 1 {
			t.Fatal(l, err)
		}
		if c := m[0].Name; c != last || runs == 0 {
			runs, last = runs+1, c
		}
		byCat[last] = append(byCat[last], l)
	}
	if runs != len(mix) {
		t.Errorf("%d runs of one category, want %d", runs, len(mix))
	}
	for _, l := range in {
		m, _ := DiagCorpusMix([]byte(l))
		c := m[0].Name
		if len(byCat[c]) == 0 || byCat[c][0] != l {
			t.Fatalf("line out of order or lost: %.80q", l)
		}
		byCat[c] = byCat[c][1:]
	}
	a, errA := DecodeDiagAzlogs(bytes.NewReader(data))
	b, errB := DecodeDiagAzlogs(bytes.NewReader(grouped))
	if errA != nil || errB != nil || a.Records != b.Records || a.Timed != b.Timed || a.Statuses != b.Statuses {
		t.Errorf("mixed %+v, %v; grouped %+v, %v", a, errA, b, errB)
	}
}
