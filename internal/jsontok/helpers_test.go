package jsontok

import (
	"bytes"
	"errors"
	"io"
	"testing/iotest"
)

// chunkReader returns at most n bytes per Read, so that every token of the
// input meets a buffer boundary somewhere.
type chunkReader struct {
	b []byte
	n int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.b) == 0 {
		return 0, io.EOF
	}
	n := min(c.n, len(p), len(c.b))
	copy(p, c.b[:n])
	c.b = c.b[n:]
	return n, nil
}

// failReader returns its data in chunks of n bytes, then err.
type failReader struct {
	b   []byte
	n   int
	err error
}

func (f *failReader) Read(p []byte) (int, error) {
	if len(f.b) == 0 {
		return 0, f.err
	}
	n := min(f.n, len(p), len(f.b))
	copy(p, f.b[:n])
	f.b = f.b[n:]
	return n, nil
}

var errBoom = errors.New("boom")

// A source sets up a Reader over some bytes.
type source struct {
	name string
	set  func(r *Reader, b []byte)
}

func readerSource(name string, mk func(b []byte) io.Reader) source {
	return source{name, func(r *Reader, b []byte) { r.Reset(mk(b)) }}
}

// sources are the ways a Reader can be fed: from memory, and from readers
// that cut the input everywhere.
var sources = []source{
	{"bytes", func(r *Reader, b []byte) { r.ResetBytes(b, 0) }},
	readerSource("reader", func(b []byte) io.Reader { return bytes.NewReader(b) }),
	readerSource("onebyte", func(b []byte) io.Reader { return iotest.OneByteReader(bytes.NewReader(b)) }),
	readerSource("halfbyte", func(b []byte) io.Reader { return iotest.HalfReader(bytes.NewReader(b)) }),
	readerSource("chunk2", func(b []byte) io.Reader { return &chunkReader{b, 2} }),
	readerSource("chunk3", func(b []byte) io.Reader { return &chunkReader{b, 3} }),
	readerSource("chunk5", func(b []byte) io.Reader { return &chunkReader{b, 5} }),
	readerSource("chunk7", func(b []byte) io.Reader { return &chunkReader{b, 7} }),
	readerSource("chunk13", func(b []byte) io.Reader { return &chunkReader{b, 13} }),
	readerSource("dataerr", func(b []byte) io.Reader { return iotest.DataErrReader(bytes.NewReader(b)) }),
	readerSource("dataerr1", func(b []byte) io.Reader {
		return iotest.DataErrReader(iotest.OneByteReader(bytes.NewReader(b)))
	}),
}
