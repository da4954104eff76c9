package reliability

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"

	"github.com/azlogs/azlogs"
)

// errAfter returns data and then, at byte n, an error (along with the
// data of that read, as io.Reader allows).
type errAfter struct {
	data []byte
	n    int
	err  error
	pos  int
}

func (r *errAfter) Read(p []byte) (int, error) {
	if r.pos >= r.n {
		return 0, r.err
	}
	end := min(r.pos+len(p), r.n)
	k := copy(p, r.data[r.pos:end])
	r.pos += k
	if r.pos >= r.n {
		return k, r.err
	}
	return k, nil
}

// TestMisbehavingReaders decodes every sample through readers that return
// one byte at a time, data along with io.EOF, short reads and timeouts:
// the records are the same; a reader's error stops the decoder with that
// error after the records before it.
func TestMisbehavingReaders(t *testing.T) {
	for _, f := range families {
		t.Run(f.name, func(t *testing.T) {
			for name, data := range sampleFiles(t, f) {
				want := decodeWith(f, bytes.NewReader(data))
				for rname, r := range map[string]io.Reader{
					"onebyte": iotest.OneByteReader(bytes.NewReader(data)),
					"dataerr": iotest.DataErrReader(bytes.NewReader(data)),
					"half":    iotest.HalfReader(bytes.NewReader(data)),
				} {
					got := decodeWith(f, r)
					if !equalResults(want, got) {
						t.Errorf("%s through %s reader: got %d records %d bad (%v), want %d records %d bad",
							name, rname, len(got.records), len(got.bad), got.err, len(want.records), len(want.bad))
					}
				}
				if len(want.bad) > 0 {
					continue
				}
				// A reader error mid-stream: everything before the
				// failing read is delivered or reported, then Err (or
				// the handler) carries the reader's error.
				for _, cut := range []int{1, len(data) / 3, len(data) - 1} {
					for _, rerr := range []error{io.ErrUnexpectedEOF, iotest.ErrTimeout} {
						res := decodeWith(f, &errAfter{data: data, n: cut, err: rerr})
						var found bool
						for _, b := range res.bad {
							found = found || errors.Is(b.Err, rerr)
						}
						found = found || errors.Is(res.err, rerr)
						if !found {
							t.Errorf("%s cut at %d with %v: the reader's error was not reported (err %v, %d bad)", name, cut, rerr, res.err, len(res.bad))
						}
						if len(res.records) > len(want.records) {
							t.Errorf("%s cut at %d: more records than the whole input has", name, cut)
						}
						for i, r := range res.records {
							if r != want.records[i] {
								t.Errorf("%s cut at %d: record %d differs", name, cut, i)
							}
						}
					}
				}
			}
		})
	}
}

func equalResults(a, b result) bool {
	if len(a.records) != len(b.records) || len(a.bad) != len(b.bad) || (a.err == nil) != (b.err == nil) {
		return false
	}
	for i := range a.records {
		if a.records[i] != b.records[i] || a.starts[i] != b.starts[i] {
			return false
		}
	}
	for i := range a.bad {
		if a.bad[i].Record != b.bad[i].Record || a.bad[i].Start != b.bad[i].Start || !bytes.Equal(a.bad[i].Raw, b.bad[i].Raw) {
			return false
		}
	}
	return true
}

var _ = azlogs.ErrTruncated
