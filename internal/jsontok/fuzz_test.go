package jsontok

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"reflect"
	"testing"
	"testing/iotest"

	"github.com/azlogs/azlogs"
)

// position is the slow reference for Position.
func position(in []byte, off int64) azlogs.Position {
	line, col := 1, 1
	for _, c := range in[:off] {
		col++
		if c == '\n' {
			line, col = line+1, 1
		}
	}
	return azlogs.Position{Offset: off, Line: line, Column: col}
}

// checkDriver runs the Driver over in and checks what must hold for any
// input: it ends; the records and errors do not depend on how the input is
// cut into reads, or on its being read in place with ResetBytes (which
// must leave it as it was); every record and raw bad record is the input's
// own bytes at its position; indexes increase; positions are right; in
// strict mode every record delivered is a valid JSON object.
func checkDriver(t *testing.T, in []byte, strict bool) {
	var opts []azlogs.Option
	if strict {
		opts = append(opts, azlogs.WithStrict())
	}
	opts = append(opts, azlogs.WithMaxRecordSize(1<<16))
	orig := bytes.Clone(in)
	defer func() {
		if !bytes.Equal(in, orig) {
			t.Fatalf("the input was written to: %q, was %q", in, orig)
		}
	}()
	first := drive(t, bytes.NewReader(in), true, opts...)
	for _, mk := range []func([]byte) io.Reader{
		func(b []byte) io.Reader { return iotest.OneByteReader(bytes.NewReader(b)) },
		func(b []byte) io.Reader { return &chunkReader{b, 1 + len(b)%7} },
		func(b []byte) io.Reader { return inPlace{b} },
	} {
		if got := drive(t, mk(in), true, opts...); !reflect.DeepEqual(got, first) {
			t.Fatalf("strict=%v: %q depends on the reads:\n got %s\nwant %s", strict, in, show(got), show(first))
		}
	}
	last := -1
	for _, e := range first.Events {
		if e.Index <= last || e.NoRaw {
			t.Fatalf("%q: index %d after %d (no raw: %v)", in, e.Index, last, e.NoRaw)
		}
		last = e.Index
		start := e.Start.Offset
		if start < 0 || start+int64(len(e.Raw)) > int64(len(in)) || string(in[start:start+int64(len(e.Raw))]) != e.Raw {
			t.Fatalf("%q: record %d at %d is not the input's bytes: %q", in, e.Index, start, e.Raw)
		}
		if e.Start != position(in, start) {
			t.Fatalf("%q: record %d starts at %v, want %v", in, e.Index, e.Start, position(in, start))
		}
		if e.Bad {
			if e.Pos.Offset < 0 || e.Pos.Offset > int64(len(in)) || e.Pos != position(in, e.Pos.Offset) {
				t.Fatalf("%q: record %d: error at %v, want %v", in, e.Index, e.Pos, position(in, e.Pos.Offset))
			}
			continue
		}
		if strict && (!json.Valid([]byte(e.Raw)) || e.Raw[0] != '{') {
			t.Fatalf("%q: record %d is not a JSON object: %q", in, e.Index, e.Raw)
		}
	}
}

func FuzzDriver(f *testing.F) {
	for _, c := range streamCases {
		f.Add([]byte(c.in))
	}
	if _, err := os.Stat(corpusDir); err == nil {
		for _, b := range corpusFiles(f, "activity/*", "aadaudit/*.json", "nsgflow/*.json") {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		checkDriver(t, in, false)
		checkDriver(t, in, true)
	})
}

func TestDriverInvariants(t *testing.T) {
	for _, c := range streamCases {
		checkDriver(t, []byte(c.in), false)
		checkDriver(t, []byte(c.in), true)
	}
}
