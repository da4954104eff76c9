package nsgflow

import (
	"errors"
	"io"
	"iter"

	"github.com/azlogs/azlogs"
)

// blobHead is what Network Watcher writes as the first block of a flow-log
// blob. The last block is "]}", and each new record is inserted before it
// as a block that starts with a comma.
const blobHead = `{"records":[`

// TailReader reads the records of a flow-log blob that is still growing,
// from a saved byte offset on, so that a collector polling the blob emits
// every record exactly once.
//
// Network Watcher rewrites a PT1H.json blob about once a minute while the
// hour lasts: {"records":[ R1 , R2 … ]}, each new record inserted, after a
// comma, before the closing "]}". A collector keeps one number per blob,
// the offset just past the last record it has emitted, and on each poll
// reads the blob from there (an HTTP range read, or a Seek) and hands the
// bytes to NewTailReader with that offset:
//
//	tr := nsgflow.NewTailReader(body, saved)
//	for tr.Next() {
//		emit(tr.Record())
//	}
//	if err := tr.Err(); err != nil { … } // not io.EOF, not a torn tail
//	saved = tr.Offset()                   // persist after emitting
//
// At offset 0 the input is the whole blob, in any framing the Decoder
// reads. At any other offset the input is the continuation of the
// envelope: white space, then either a comma and further records, or the
// closing "]}" (nothing new), or nothing at all. A read that ends inside
// a record, or after complete records but before "]}" (a read that raced
// an update, or a range read cut short), is not an error: Next returns
// the complete records, Torn reports true, and Offset stays at the end of
// the last complete record, so the next poll reads the torn one again.
//
// Offset only moves past a record once it has been returned, or once it
// was reported as bad to the handler set with azlogs.WithErrorHandler.
// Without a handler, a malformed record stops the reader (Err returns it)
// and Offset stays before it; with one, the reader skips it, so that one
// bad record does not stall a collector for the rest of the hour.
//
// Offsets in errors and positions are absolute in the blob; line and
// column numbers count from the start of the bytes read.
type TailReader struct {
	dec    Decoder
	src    headReader
	base   int64 // the offset the input starts at
	prefix int64 // bytes of blobHead put before the input
	offset int64
	torn   bool
	err    error
	user   func(*azlogs.RecordError)
}

// NewTailReader returns a TailReader for input r that starts at byte
// offset of the blob (0 for the whole blob). It accepts the options of
// NewDecoder.
func NewTailReader(r io.Reader, offset int64, opts ...azlogs.Option) *TailReader {
	t := &TailReader{}
	t.dec.init(opts)
	if t.dec.user != nil {
		t.user = t.dec.user
		t.dec.user = t.handle
	}
	t.Reset(r, offset)
	return t
}

// Reset makes t read r, which starts at byte offset of the blob, keeping
// its buffers and options.
func (t *TailReader) Reset(r io.Reader, offset int64) {
	if offset < 0 {
		offset = 0
	}
	t.base, t.offset, t.torn, t.err = offset, offset, false, nil
	t.prefix = 0
	if offset > 0 {
		t.prefix = int64(len(blobHead))
	}
	t.src.reset(r, offset > 0)
	t.dec.Reset(&t.src)
}

// abs converts an offset of the decoder's input into an offset of the blob.
func (t *TailReader) abs(off int64) int64 {
	a := t.base + off - t.prefix
	if a < t.base {
		a = t.base
	}
	return a
}

func (t *TailReader) handle(e *azlogs.RecordError) {
	if t.dec.torn {
		t.torn = true // the end of this read, not a bad record
		return
	}
	t.offset = t.abs(e.Start.Offset + int64(len(e.Raw)))
	e.Start.Offset = t.abs(e.Start.Offset)
	var se *azlogs.SyntaxError
	if errors.As(e.Err, &se) {
		se.Offset = t.abs(se.Offset)
	}
	t.user(e)
}

// Next reads the next complete record and reports whether there is one.
// It returns false at the end of the input, torn or not, and at an error.
func (t *TailReader) Next() bool {
	if t.err != nil {
		return false
	}
	if t.dec.Next() {
		cur := &t.dec.drv.Cur
		t.offset = t.abs(cur.Start + int64(len(cur.Raw)))
		return true
	}
	if t.src.lookup {
		// Nothing but white space: the blob is empty, or the read stopped
		// before the next comma.
		t.torn = true
	}
	if err := t.dec.Err(); err != nil {
		if errors.Is(err, azlogs.ErrTruncated) {
			t.torn = true
		} else {
			var se *azlogs.SyntaxError
			if errors.As(err, &se) {
				se.Offset = t.abs(se.Offset)
			}
			t.err = err
		}
	}
	return false
}

// Record returns the current record, owned by the reader as a Decoder's
// is: valid until the next Next or Reset.
func (t *TailReader) Record() *Record { return &t.dec.rec }

// Err returns the error that stopped Next, or nil at the end of the input
// and at a torn tail (see Torn). It is a *azlogs.SyntaxError.
func (t *TailReader) Err() error { return t.err }

// Offset returns the offset in the blob to resume from: just past the
// last record returned (or reported bad), or the starting offset if there
// was none. The next read should start there; it begins with a comma or
// with the closing "]}".
func (t *TailReader) Offset() int64 { return t.offset }

// Torn reports whether the input ended before the envelope was closed:
// inside a record, or after the last complete record. It is the normal
// state of a read that raced an update; the next poll picks up from
// Offset.
func (t *TailReader) Torn() bool { return t.torn }

// All returns the reader's loop as an iterator, as Decoder.All does.
func (t *TailReader) All() iter.Seq2[*Record, error] {
	return func(yield func(*Record, error) bool) {
		for t.Next() {
			if !yield(t.Record(), nil) {
				return
			}
		}
		if err := t.Err(); err != nil {
			yield(nil, err)
		}
	}
}

// headReader puts blobHead before the input and turns the comma that
// starts a continuation into a space, so that the decoder sees a complete
// envelope with the same byte offsets (shifted by the head).
type headReader struct {
	r      io.Reader
	head   int  // bytes of blobHead still to give
	lookup bool // the first non-space byte has not been seen yet
	comma  bool // turn that byte into a space if it is a comma
}

func (h *headReader) reset(r io.Reader, resume bool) {
	h.r, h.head, h.lookup, h.comma = r, 0, true, resume
	if resume {
		h.head = len(blobHead)
	}
}

func (h *headReader) Read(p []byte) (int, error) {
	if h.head > 0 {
		n := copy(p, blobHead[len(blobHead)-h.head:])
		h.head -= n
		return n, nil
	}
	n, err := h.r.Read(p)
	if h.lookup {
		for i := 0; i < n; i++ {
			c := p[i]
			if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
				continue
			}
			if c == ',' && h.comma {
				p[i] = ' '
			}
			h.lookup = false
			break
		}
	}
	return n, err
}
