package reliability

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/azlogs/azlogs"
)

// result is what decoding a stream gave: each record written back, and
// each bad record reported.
type result struct {
	records []string
	// starts and invalid hold each record's offset and Validate error.
	starts  []int64
	invalid []error
	bad     []azlogs.RecordError
	err     error
}

// inPlace hands decodeWith its input to read in place, with the family's
// NewDecoderBytes.
type inPlace struct{ b []byte }

func (inPlace) Read([]byte) (int, error) { panic("inPlace is read in place") }

func decodeWith(f family, r io.Reader, opts ...azlogs.Option) result {
	var res result
	opts = append(opts, azlogs.WithErrorHandler(func(e *azlogs.RecordError) {
		c := *e
		c.Raw = bytes.Clone(e.Raw)
		res.bad = append(res.bad, c)
	}))
	var dec decoder
	var cur func() record
	if b, ok := r.(inPlace); ok {
		dec, cur = f.openBytes(b.b, opts...)
	} else {
		dec, cur = f.open(r, opts...)
	}
	for dec.Next() {
		res.records = append(res.records, string(cur().AppendJSON(nil)))
		res.starts = append(res.starts, dec.Position().Offset)
		res.invalid = append(res.invalid, cur().Validate())
	}
	res.err = dec.Err()
	return res
}

// sampleFiles returns the contents of a family's sample files.
func sampleFiles(t testing.TB, f family) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(f.dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		if e.IsDir() || filepath.Ext(e.Name()) == ".md" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(f.dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = data
	}
	if len(out) == 0 {
		t.Fatalf("%s: no samples in %s", f.name, f.dir)
	}
	return out
}

// cleanRecords returns every record of the family's samples written back
// as one compact JSON object each: the material damaged streams are made
// of.
func cleanRecords(t testing.TB, f family) [][]byte {
	t.Helper()
	var recs [][]byte
	files := sampleFiles(t, f)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names) // a fixed order, so that tests drawing from it repeat
	for _, name := range names {
		data := files[name]
		res := decodeWith(f, bytes.NewReader(data))
		if res.err != nil {
			t.Fatalf("%s: %v", name, res.err)
		}
		for _, r := range res.records {
			recs = append(recs, []byte(r))
		}
	}
	return recs
}
