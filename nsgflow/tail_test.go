package nsgflow

import (
	"bytes"
	"io"
	"math/rand/v2"
	"os"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/require"

	"github.com/azlogs/azlogs"
)

// growingBlob is a flow-log blob as Network Watcher writes it during an
// hour: version k holds the first k records.
type growingBlob struct {
	head, sep, tail string
	recs            [][]byte // each record's JSON
}

// version returns the blob after k minutes, and the offsets just past
// each record's closing brace.
func (g *growingBlob) version(k int) (blob []byte, ends []int64) {
	blob = append(blob, g.head...)
	for i := 0; i < k; i++ {
		if i > 0 {
			blob = append(blob, g.sep...)
		}
		blob = append(blob, g.recs[i]...)
		ends = append(ends, int64(len(blob)))
	}
	return append(blob, g.tail...), ends
}

// flowRecords returns the records of the samples written back as JSON,
// NSG and VNet mixed.
func flowRecords(t testing.TB) [][]byte {
	var out [][]byte
	for _, f := range []string{
		"testdata/elastic-integrations__azure_network_watcher_nsg__sample_logs__testdata.log",
		"testdata/sumo__blob_fixtures_subnetflowlogs.json",
		"testdata/otelcol-contrib__azurelogs__azurevnetflowlog__valid_1.json",
		"testdata/elastic-integrations__azure_network_watcher_vnet__sample_logs__testdata.log",
	} {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		recs, err := decodeAll(t, data)
		require.NoError(t, err)
		for _, r := range recs {
			out = append(out, r.AppendJSON(nil))
		}
	}
	return out
}

// poll reads b (the blob from offset on) with a TailReader and returns the
// records it emitted, the new offset and whether the read was torn.
func poll(t testing.TB, b []byte, offset int64, opts ...azlogs.Option) (got [][]byte, next int64, torn bool) {
	tr := NewTailReader(bytes.NewReader(b), offset, opts...)
	for tr.Next() {
		got = append(got, tr.Record().AppendJSON(nil))
	}
	require.NoError(t, tr.Err(), "offset %d, %d bytes: %q", offset, len(b), b)
	return got, tr.Offset(), tr.Torn()
}

func TestTailReaderGrowingBlob(t *testing.T) {
	recs := flowRecords(t)
	for _, layout := range []growingBlob{
		{head: `{"records":[`, sep: `,`, tail: `]}`},                          // what Network Watcher writes
		{head: "{\r\n  \"records\": [\r\n", sep: "\r\n,", tail: "\r\n]}\r\n"}, // pretty, as some tools write
	} {
		g := layout
		g.recs = recs
		emitted := 0     // records emitted so far
		var offset int64 // the collector's saved offset
		for k := 0; k <= len(recs); k++ {
			blob, ends := g.version(k)
			// Every read the collector could make of this version: from its
			// offset, cut at every byte.
			for cut := int(offset); cut <= len(blob); cut++ {
				// With a handler too: a torn tail is never a bad record,
				// or the reader would skip it and lose it.
				got, next, torn := poll(t, blob[offset:cut], offset, azlogs.WithErrorHandler(func(e *azlogs.RecordError) {
					t.Fatalf("version %d, read %d:%d: bad record reported: %v", k, offset, cut, e)
				}))
				// Exactly the new records that end within the read.
				want := 0
				for i := emitted; i < k && ends[i] <= int64(cut); i++ {
					want++
				}
				require.Len(t, got, want, "version %d, read %d:%d", k, offset, cut)
				for i := range got {
					require.Equal(t, string(recs[emitted+i]), string(got[i]))
				}
				if want > 0 {
					require.Equal(t, ends[emitted+want-1], next)
				} else {
					require.Equal(t, offset, next)
				}
				closed := len(bytes.TrimRight(blob, " \r\n"))
				require.Equal(t, cut < closed, torn, "version %d, read %d:%d", k, offset, cut)
			}
			// The collector's real poll reads the whole version.
			got, next, torn := poll(t, blob[offset:], offset)
			require.False(t, torn)
			emitted += len(got)
			offset = next
			require.Equal(t, k, emitted)
		}
	}
}

// A collector polling at random moments with reads cut short at random
// emits every record exactly once and in order.
func TestTailReaderExactlyOnce(t *testing.T) {
	recs := flowRecords(t)
	g := growingBlob{head: `{"records":[`, sep: `,`, tail: `]}`, recs: recs}
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 50; trial++ {
		var out [][]byte
		var offset int64
		for k := 0; k <= len(recs); {
			blob, _ := g.version(k)
			cut := int(offset) + rng.IntN(len(blob)-int(offset)+1)
			var r io.Reader = iotest.HalfReader(bytes.NewReader(blob[offset:cut]))
			if trial%2 == 1 {
				r = iotest.OneByteReader(bytes.NewReader(blob[offset:cut]))
			}
			tr := NewTailReader(r, offset)
			for tr.Next() {
				out = append(out, tr.Record().AppendJSON(nil))
			}
			require.NoError(t, tr.Err())
			offset = tr.Offset()
			if rng.IntN(2) == 0 {
				k++ // a minute passes
			}
		}
		// Drain the final blob.
		blob, _ := g.version(len(recs))
		got, _, _ := poll(t, blob[offset:], offset)
		out = append(out, got...)
		require.Len(t, out, len(recs))
		for i := range recs {
			require.Equal(t, string(recs[i]), string(out[i]))
		}
	}
}

// A bad record is reported to the handler, with its position in the blob,
// and skipped; without a handler it stops the reader before it.
func TestTailReaderBadRecord(t *testing.T) {
	recs := flowRecords(t)
	blob := []byte(`{"records":[`)
	blob = append(blob, recs[0]...)
	first := int64(len(blob))
	blob = append(blob, `,{"time":x}`...)
	second := int64(len(blob))
	blob = append(blob, ',')
	blob = append(blob, recs[1]...)
	end := int64(len(blob))
	blob = append(blob, "]}"...)

	tr := NewTailReader(bytes.NewReader(blob[first:]), first)
	require.False(t, tr.Next())
	require.ErrorIs(t, tr.Err(), azlogs.ErrSyntax)
	require.Equal(t, first, tr.Offset())
	var se *azlogs.SyntaxError
	require.ErrorAs(t, tr.Err(), &se)
	require.Equal(t, first+9, se.Offset, "offset in the blob")

	var bad []*azlogs.RecordError
	tr = NewTailReader(bytes.NewReader(blob[first:]), first, azlogs.WithErrorHandler(func(e *azlogs.RecordError) {
		c := *e
		bad = append(bad, &c)
	}))
	require.True(t, tr.Next())
	require.Equal(t, string(recs[1]), string(tr.Record().AppendJSON(nil)))
	require.False(t, tr.Next())
	require.NoError(t, tr.Err())
	require.Equal(t, end, tr.Offset())
	require.Len(t, bad, 1)
	require.Equal(t, first+1, bad[0].Start.Offset)
	require.Equal(t, second, bad[0].Start.Offset+int64(len(bad[0].Raw)))
}

func TestTailReaderReset(t *testing.T) {
	recs := flowRecords(t)
	g := growingBlob{head: `{"records":[`, sep: `,`, tail: `]}`, recs: recs}
	blob, ends := g.version(3)
	tr := NewTailReader(bytes.NewReader(blob), 0)
	n := 0
	for range tr.All() {
		n++
	}
	require.Equal(t, 3, n)
	require.Equal(t, ends[2], tr.Offset())
	tr.Reset(bytes.NewReader(blob[ends[0]:]), ends[0])
	n = 0
	for tr.Next() {
		n++
	}
	require.Equal(t, 2, n)
	require.False(t, tr.Torn())
	require.Equal(t, ends[2], tr.Offset())
}

func TestTailReaderAllocs(t *testing.T) {
	recs := flowRecords(t)
	g := growingBlob{head: `{"records":[`, sep: `,`, tail: `]}`, recs: recs}
	blob, ends := g.version(len(recs))
	r := bytes.NewReader(nil)
	tr := NewTailReader(r, 0)
	run := func() {
		r.Reset(blob[ends[0]:])
		tr.Reset(r, ends[0])
		for tr.Next() {
		}
	}
	run()
	require.Zero(t, testing.AllocsPerRun(20, run))
}
