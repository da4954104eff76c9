package gen

import (
	"bytes"
	"encoding/json"
	"testing"
)

// The flow generator is deterministic, writes valid JSON blobs one per
// line, alternates NSG and VNet blobs, and counts what it writes.
func TestFlowGenerator(t *testing.T) {
	fill := func() ([]byte, FlowCounts) {
		g := NewFlowGenerator(3)
		g.RecordsPerBlob, g.MinTuples, g.MaxTuples = 4, 100, 300
		var buf bytes.Buffer
		if err := g.Fill(&buf, 1<<20); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes(), g.Counts
	}
	a, counts := fill()
	b, _ := fill()
	if !bytes.Equal(a, b) {
		t.Fatal("not deterministic")
	}
	lines := bytes.Split(bytes.TrimSuffix(a, []byte("\n")), []byte("\n"))
	if len(lines) != counts.Blobs || counts.Blobs < 2 {
		t.Fatalf("%d lines, %+v", len(lines), counts)
	}
	tuples := 0
	for i, line := range lines {
		var env struct {
			Records []struct {
				Category   string
				Properties struct {
					Flows []struct {
						Flows []struct{ FlowTuples []string }
					}
				}
				FlowRecords struct {
					Flows []struct {
						FlowGroups []struct{ FlowTuples []string }
					}
				}
			}
		}
		if err := json.Unmarshal(line, &env); err != nil {
			t.Fatalf("blob %d: %v", i, err)
		}
		want := "NetworkSecurityGroupFlowEvent"
		if i%2 == 1 {
			want = "FlowLogFlowEvent"
		}
		for _, r := range env.Records {
			if r.Category != want {
				t.Fatalf("blob %d: category %q", i, r.Category)
			}
			for _, f := range r.Properties.Flows {
				for _, m := range f.Flows {
					tuples += len(m.FlowTuples)
				}
			}
			for _, f := range r.FlowRecords.Flows {
				for _, g := range f.FlowGroups {
					tuples += len(g.FlowTuples)
				}
			}
		}
	}
	if tuples != counts.NSGTuples+counts.VNetTuples {
		t.Fatalf("%d tuples, counted %+v", tuples, counts)
	}
}
