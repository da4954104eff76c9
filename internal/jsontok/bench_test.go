package jsontok

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/azlogs/azlogs"
)

// activityRecords returns the records of the activity samples in the
// shared corpus, as they are written there.
func activityRecords(b *testing.B) [][]byte {
	var recs [][]byte
	for _, in := range corpusFiles(b, "activity/*") {
		var d Driver
		d.Cfg = azlogs.NewConfig(azlogs.WithErrorHandler(func(*azlogs.RecordError) {}))
		d.Reset(bytes.NewReader(in))
		for d.Next(skipObject) {
			recs = append(recs, bytes.Clone(d.Cur.Raw))
		}
	}
	if len(recs) == 0 {
		b.Skip("no activity records")
	}
	return recs
}

const benchSize = 8 << 20

// benchLines is the activity records, compacted, one per line, repeated
// to about 8 MB.
func benchLines(b *testing.B) []byte {
	recs := activityRecords(b)
	var out bytes.Buffer
	for out.Len() < benchSize {
		for _, r := range recs {
			if err := json.Compact(&out, r); err != nil {
				out.Write(r) // a tolerated record: kept as it is
			}
			out.WriteByte('\n')
		}
	}
	return out.Bytes()
}

// benchEnvelope is the activity records as they are (mostly pretty
// printed) in one {"records":[…]} envelope of about 8 MB.
func benchEnvelope(b *testing.B) []byte {
	recs := activityRecords(b)
	var out bytes.Buffer
	out.WriteString("{\"records\": [\n")
	for first := true; out.Len() < benchSize; {
		for _, r := range recs {
			if !first {
				out.WriteString(",\n")
			}
			first = false
			out.Write(r)
		}
	}
	out.WriteString("\n]}\n")
	return out.Bytes()
}

func benchDriver(b *testing.B, in []byte) {
	var d Driver
	d.Cfg = azlogs.NewConfig()
	var br bytes.Reader
	n := 0
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		br.Reset(in)
		d.Reset(&br)
		n = 0
		for d.Next(skipObject) {
			n++
		}
		if d.Err() != nil {
			b.Fatal(d.Err())
		}
	}
	b.ReportMetric(float64(n), "records/op")
}

// BenchmarkDriverLines: delimiting JSON lines and checking each record
// with Skip.
func BenchmarkDriverLines(b *testing.B) { benchDriver(b, benchLines(b)) }

// BenchmarkDriverEnvelope: the same over a records envelope.
func BenchmarkDriverEnvelope(b *testing.B) { benchDriver(b, benchEnvelope(b)) }

// BenchmarkStreamLines: delimiting only.
func BenchmarkStreamLines(b *testing.B) {
	in := benchLines(b)
	var s Stream
	var rec Record
	var br bytes.Reader
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		br.Reset(in)
		s.Reset(&br, 0, 0)
		for s.Next(&rec) {
		}
	}
}

// BenchmarkSkipLines: Skip over the lines as one stream of values.
func BenchmarkSkipLines(b *testing.B) {
	in := benchLines(b)
	var r Reader
	var br bytes.Reader
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		br.Reset(in)
		r.Reset(&br)
		for r.Peek() != EOF {
			if !r.Skip() {
				b.Fatal(r.Err())
			}
		}
	}
}

// stringDoc is an array of long strings, plain or with escapes.
func stringDoc(escaped bool) []byte {
	var out strings.Builder
	out.WriteString("[")
	for i := 0; out.Len() < 1<<20; i++ {
		if i > 0 {
			out.WriteString(",")
		}
		if escaped {
			out.WriteString(`"C:\\Windows\\System32\\drivers\\etc\\hosts \"quoted\" \u00e9t\u00e9 line\nnext\ttab /subscriptions\/x"`)
		} else {
			out.WriteString(`"/SUBSCRIPTIONS/0E073EC1-C22F-4488-ADDE-DA35ED609CCD/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.WEB/SITES/app-name café"`)
		}
	}
	out.WriteString("]")
	return []byte(out.String())
}

func benchStrings(b *testing.B, escaped, skip bool) {
	in := stringDoc(escaped)
	var r Reader
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		r.ResetBytes(in, 0)
		if skip {
			r.Skip()
		} else {
			r.BeginArray()
			for r.NextElem() {
				r.ReadString()
			}
		}
		if r.Err() != nil {
			b.Fatal(r.Err())
		}
	}
}

func BenchmarkReadStringPlain(b *testing.B)   { benchStrings(b, false, false) }
func BenchmarkReadStringEscaped(b *testing.B) { benchStrings(b, true, false) }
func BenchmarkSkipStringPlain(b *testing.B)   { benchStrings(b, false, true) }
func BenchmarkSkipStringEscaped(b *testing.B) { benchStrings(b, true, true) }
