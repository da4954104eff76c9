package nsgflow

import (
	"bytes"
	"os"
	"testing"

	"github.com/azlogs/azlogs/internal/testkit"
	"github.com/stretchr/testify/require"
)

// Decoding, iterating every group and tuple, validating and aggregating
// allocate nothing once the decoder and the summary have warmed up.
func TestDecoderAllocs(t *testing.T) {
	if testing.CoverMode() != "" {
		t.Skip("coverage counters allocate")
	}
	for _, file := range testkit.Samples(t) {
		if file == msdocsV1 {
			continue // its torn tail makes an error, which allocates
		}
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		r := bytes.NewReader(data)
		dec := NewDecoder(r)
		var sum Summary
		tuples := 0
		run := func() {
			r.Reset(data)
			dec.Reset(r)
			for dec.Next() {
				rec := dec.Record()
				for g := range rec.Groups() {
					for tu, err := range g.Tuples() {
						if err != nil || !tu.IsValid() {
							panic(err)
						}
						tuples++
					}
				}
				for _, err := range rec.Tuples() {
					if err != nil {
						panic(err)
					}
				}
				for i := 0; i < rec.NumTuples(); i++ {
					if _, err := rec.Tuple(i); err != nil {
						panic(err)
					}
				}
				if rec.Validate() != nil {
					panic("invalid")
				}
				sum.AddRecord(rec)
				_ = rec.EventResourceID()
			}
			if dec.Err() != nil {
				panic(dec.Err())
			}
		}
		run()
		require.Zero(t, testing.AllocsPerRun(50, run), file)
		require.Positive(t, tuples)
	}
}
