package nsgflow

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/internal/testkit"
)

// FuzzDecoder feeds arbitrary input to the decoder, in default and strict
// mode: it must never panic; every record must iterate, validate and
// aggregate without panicking, write back as JSON that decodes to the same
// record; its tuple iterator must agree with Tuple(i) and its comma masks
// with the tuples' texts; and a TailReader over any suffix of the input
// must not panic.
// Decoding in place (NewDecoderBytes) must give the same records.
func FuzzDecoder(f *testing.F) {
	for _, file := range testkit.Samples(f) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"properties":{"Version":"2","flows":[{"rule":1}]},"flowRecords":{}}`))
	f.Add([]byte("[{\"\":[{\"\":\"\" \"\":[]}] }")) // a missing comma in a kept member
	f.Add([]byte(`,{"flowRecords":{"flows":[{"aclID":"a","flowGroups":[{"rule":"r","flowTuples":["1,2"]}]}]}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, strict := range []bool{false, true} {
			opts := []azlogs.Option{azlogs.WithErrorHandler(func(*azlogs.RecordError) {}), azlogs.WithMaxRecordSize(1 << 20)}
			if strict {
				opts = append(opts, azlogs.WithStrict())
			}
			testkit.SameInPlace(t, data,
				func(b []byte) []string { return testkit.WriteAll[*Record](NewDecoder(bytes.NewReader(b), opts...)) },
				func(b []byte) []string { return testkit.WriteAll[*Record](NewDecoderBytes(b, opts...)) })
			dec := NewDecoder(bytes.NewReader(data), opts...)
			var sum Summary
			for n := 0; dec.Next(); n++ {
				rec := dec.Record()
				_ = rec.Validate()
				// The iterator, which parses with the comma masks the
				// scan wrote, agrees with Tuple(i), which does not; the
				// masks are those of the tuples' texts.
				i := 0
				for tu, err := range rec.Tuples() {
					want, werr := rec.Tuple(i)
					if tu != want || (err == nil) != (werr == nil) {
						t.Fatalf("tuple %d %q: iterator %v, %v; Tuple(i) %v, %v", i, rec.TupleText(i), tu, err, want, werr)
					}
					var m uint64
					for k, c := range rec.TupleText(i)[:min(rec.spans[i].n, 64)] {
						if c == ',' {
							m |= 1 << k
						}
					}
					if got := rec.commaMask(rec.spans[i]); got != m && rec.spans[i].off&ownBit == 0 {
						t.Fatalf("tuple %d %q: comma mask %064b", i, rec.TupleText(i), got)
					}
					i++
				}
				for g := range rec.Groups() {
					for range g.Tuples() {
					}
				}
				sum.AddRecord(rec)
				out := rec.AppendJSON(nil)
				if !json.Valid(out) && utf8Clean(data) {
					t.Fatalf("AppendJSON wrote invalid JSON: %q", out)
				}
				again := NewDecoder(bytes.NewReader(out))
				if !again.Next() {
					t.Fatalf("written record does not decode: %v\n%s", again.Err(), out)
				}
				if got := again.Record().AppendJSON(nil); !bytes.Equal(got, out) {
					t.Fatalf("round trip differs:\n%s\n%s", out, got)
				}
				if n > 10000 {
					t.Fatal("too many records")
				}
			}
			_ = sum.TopTalkers(3)
			_ = sum.DeniedFlows(3)
		}
		tr := NewTailReader(bytes.NewReader(data), 100)
		for tr.Next() {
			if tr.Offset() < 100 {
				t.Fatal("offset went back")
			}
		}
	})
}

// utf8Clean reports whether data is valid UTF-8: the decoder keeps invalid
// bytes as they are, and so writes them back.
func utf8Clean(data []byte) bool { return bytes.Equal(data, bytes.ToValidUTF8(data, nil)) }
