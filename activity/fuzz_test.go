package activity

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/internal/testkit"
)

// FuzzDecoder feeds arbitrary input to the decoder, in default and strict
// mode: it must never panic, every record it returns must write back as
// valid JSON that decodes again, and Validate must not panic either.
// Decoding in place (NewDecoderBytes) must give the same records.
func FuzzDecoder(f *testing.F) {
	for _, file := range testkit.Samples(f) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"Level":5,"level":"Informational","durationMs":"0","identity":"x"}`))
	f.Add([]byte(`{"properties":"{\"a\":1}","identity":"{\"claims\":{\"a\":\"b\"}}"}`))
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
			for n := 0; dec.Next(); n++ {
				rec := dec.Record()
				_ = rec.Validate()
				out := rec.AppendJSON(nil)
				if !json.Valid(out) && utf8Clean(data) {
					t.Fatalf("AppendJSON wrote invalid JSON: %q", out)
				}
				again := NewDecoder(bytes.NewReader(out))
				if !again.Next() {
					t.Fatalf("written record does not decode: %v\n%s", again.Err(), out)
				}
				if n > 10000 {
					t.Fatal("too many records")
				}
			}
		}
	})
}

// utf8Clean reports whether data is valid UTF-8: the decoder keeps invalid
// bytes as they are, and so writes them back.
func utf8Clean(data []byte) bool { return bytes.Equal(data, bytes.ToValidUTF8(data, nil)) }
