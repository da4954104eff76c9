package reliability

import (
	"bytes"
	"testing"

	"github.com/azlogs/azlogs"
)

var allowBad = azlogs.WithErrorHandler(func(*azlogs.RecordError) {})

// Every sample of every family decodes the same read in place
// (NewDecoderBytes) as through an io.Reader: the same records, written
// back the same, at the same positions, the same bad records; and the
// input is left as it was.
func TestInPlace(t *testing.T) {
	for _, f := range families {
		for name, data := range sampleFiles(t, f) {
			t.Run(f.name+"/"+name, func(t *testing.T) {
				want := decodeWith(f, bytes.NewReader(data))
				orig := bytes.Clone(data)
				got := decodeWith(f, inPlace{data})
				if !equalResults(want, got) {
					t.Fatalf("in place: %d records %d bad, want %d records %d bad", len(got.records), len(got.bad), len(want.records), len(want.bad))
				}
				if (got.err == nil) != (want.err == nil) {
					t.Fatalf("in place: error %v, want %v", got.err, want.err)
				}
				if !bytes.Equal(data, orig) {
					t.Fatal("reading in place wrote to the input")
				}
				// Reading in place never allocates more than reading
				// through a reader.
				dec, _ := f.openBytes(data, allowBad)
				var br bytes.Reader
				viaReader := testing.AllocsPerRun(5, func() {
					br.Reset(data)
					dec.Reset(&br)
					for dec.Next() {
					}
				})
				inPlaceAllocs := testing.AllocsPerRun(5, func() {
					dec.ResetBytes(data)
					for dec.Next() {
					}
				})
				if inPlaceAllocs > viaReader {
					t.Fatalf("in place: %v allocations a pass, through a reader %v", inPlaceAllocs, viaReader)
				}
			})
		}
	}
}

// A decoder made without a reader (to be given input later with Reset or
// ResetBytes) reads an empty input: no record, no error, no panic.
func TestNilReader(t *testing.T) {
	for _, f := range families {
		dec, _ := f.open(nil)
		if dec.Next() || dec.Err() != nil {
			t.Errorf("%s: a nil reader gives a record or the error %v", f.name, dec.Err())
		}
	}
}
