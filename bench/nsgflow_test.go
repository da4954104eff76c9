package bench

import (
	"bytes"
	"testing"

	"github.com/azlogs/azlogs/bench/gen"
)

// The flow methods agree on a generated corpus, and the counts match the
// generator's.
func TestFlowMethodsAgree(t *testing.T) {
	g := gen.NewFlowGenerator(7)
	g.RecordsPerBlob, g.MinTuples, g.MaxTuples = 5, 50, 200
	var buf bytes.Buffer
	if err := g.Fill(&buf, 2<<20); err != nil {
		t.Fatal(err)
	}
	var first FlowResult
	for i, m := range FlowMethods {
		res, err := m.Run(buf.Bytes())
		if err != nil {
			t.Fatal(m.Name, err)
		}
		if i == 0 {
			first = res
			c := g.Counts
			if res.Records != c.NSGRecords+c.VNetRecords || res.Tuples != c.NSGTuples+c.VNetTuples {
				t.Fatalf("%s: %+v, generator wrote %+v", m.Name, res, c)
			}
			continue
		}
		if res != first {
			t.Fatalf("%s: %+v, %s: %+v", m.Name, res, FlowMethods[0].Name, first)
		}
	}
	if first.Denied == 0 || first.Bytes == 0 {
		t.Fatalf("degenerate corpus: %+v", first)
	}
}

func BenchmarkFlow(b *testing.B) {
	var buf bytes.Buffer
	if err := gen.NewFlowGenerator(1).Fill(&buf, 16<<20); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	for _, m := range FlowMethods {
		b.Run(m.Name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			var res FlowResult
			for b.Loop() {
				var err error
				if res, err = m.Run(data); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(res.Tuples)*float64(b.N)/b.Elapsed().Seconds(), "tuples/s")
		})
	}
}
