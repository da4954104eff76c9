package nsgflow

import (
	"bytes"
	"os"
	"testing"

	"github.com/azlogs/azlogs/internal/testkit"
)

// benchBlob builds a {"records":[…]} blob of about size bytes from the
// samples' records.
func benchBlob(b *testing.B, size int) (blob []byte, records, tuples int) {
	b.Helper()
	var recs []*Record
	for _, f := range testkit.Samples(b) {
		if f == msdocsV1 {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		rs, err := decodeAll(b, data)
		if err != nil {
			b.Fatal(err)
		}
		recs = append(recs, rs...)
	}
	blob = append(blob, `{"records":[`...)
	for len(blob) < size {
		for _, r := range recs {
			if records > 0 {
				blob = append(blob, ',')
			}
			blob = r.AppendJSON(blob)
			records++
			tuples += r.NumTuples()
		}
	}
	return append(blob, "]}"...), records, tuples
}

// BenchmarkDecoder decodes a blob and parses every tuple.
func BenchmarkDecoder(b *testing.B) {
	blob, records, tuples := benchBlob(b, 8<<20)
	r := bytes.NewReader(blob)
	dec := NewDecoder(r)
	b.SetBytes(int64(len(blob)))
	b.ReportAllocs()
	for b.Loop() {
		r.Reset(blob)
		dec.Reset(r)
		n, nt := 0, 0
		for dec.Next() {
			n++
			for t, err := range dec.Record().Tuples() {
				if err != nil || !t.IsValid() {
					b.Fatal(err)
				}
				nt++
			}
		}
		if dec.Err() != nil || n != records || nt != tuples {
			b.Fatal(dec.Err(), n, nt)
		}
	}
	b.ReportMetric(float64(tuples)*float64(b.N)/b.Elapsed().Seconds(), "tuples/s")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*records), "ns/record")
}
