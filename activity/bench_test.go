package activity

import (
	"bytes"
	"os"
	"testing"
)

// benchLines builds about size bytes of JSON lines from the export-form
// samples.
func benchLines(b *testing.B, size int) []byte {
	b.Helper()
	var recs []*Record
	for _, f := range []string{
		"testdata/otelcol-contrib__azureencoding__activitylogs__administrative-log.json",
		"testdata/otelcol-contrib__azureencoding__policy__policy-log.json",
		"testdata/sumo__activity_log_fixtures.json",
		"testdata/otelcol-contrib__azureencoding__servicehealth__servicehealth-log.json",
	} {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		rs, _, err := decodeAll(b, data)
		if err != nil {
			b.Fatal(err)
		}
		recs = append(recs, rs...)
	}
	var out []byte
	for len(out) < size {
		for _, r := range recs {
			out = append(r.AppendJSON(out), '\n')
		}
	}
	return out
}

func BenchmarkDecoder(b *testing.B) {
	data := benchLines(b, 8<<20)
	n := bytes.Count(data, []byte{'\n'})
	r := bytes.NewReader(data)
	dec := NewDecoder(r)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.Reset(data)
		dec.Reset(r)
		got := 0
		for dec.Next() {
			got++
		}
		if dec.Err() != nil || got != n {
			b.Fatal(dec.Err(), got, n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/record")
}
