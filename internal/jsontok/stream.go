package jsontok

import (
	"bytes"
	"io"
	"strings"

	"github.com/azlogs/azlogs"
)

// Framing is how records are laid out in a stream.
type Framing uint8

// The framings a Stream detects.
const (
	FramingUnknown Framing = iota
	// FramingLines is one record after another, normally one per line
	// (JSON lines, as PT1H.json blobs hold since November 2018).
	FramingLines
	// FramingArray is a bare JSON array of records.
	FramingArray
	// FramingRecords is the {"records":[…]} envelope of Event Hubs and
	// older blobs.
	FramingRecords
	// FramingPage is an API page: {"value":[…],"nextLink":…} or a Graph
	// page with @odata members.
	FramingPage
)

var framingNames = [...]string{"unknown", "lines", "array", "records", "page"}

func (f Framing) String() string { return framingNames[f] }

type state uint8

const (
	stTop       state = iota // between top-level values
	stArray                  // inside a records array, before the first element
	stArrayMore              // inside a records array, after an element
	stDone
)

// Stream delimits the records of a JSON stream in any framing, without
// parsing them: each call to Next returns one record's bytes, which the
// caller parses from memory. Framing is detected from the first bytes of
// each top-level value, so a stream may hold several envelopes one after
// another (Event Hubs message bodies, one per line).
type Stream struct {
	r Reader

	framing  Framing
	st       state
	envelope bool // the array is a member of an envelope object
	index    int  // index of the next record
	start    int64
	multi    bool // records span lines
	bomDone  bool
	nextLink []byte
	// firstKeys are the first member names of good records, which
	// Resync looks for.
	firstKeys [][]byte
	keyStore  [maxFirstKeys][]byte

	// Speculate lets Next hand out records undelimited (see Record.Open):
	// those of an array, and JSON lines until records are found to span
	// lines. The caller must then Close or Delimit each one (a JSON line
	// only where LineEnds says its line ends). The Driver does.
	Speculate bool
	// window is how many bytes a speculative record may span: it grows to
	// twice the largest record that did not fit, up to the size limit.
	window int

	// RecordKey, when set, tells Resync whether a member name is one a
	// record of the family has at its top level, for records whose first
	// member no good record of the stream had first.
	RecordKey func(name []byte) bool
	err       *Error // the error that stopped the stream
	arrDepth  int

	// The state of skipBalanced, kept so that a scan resumes where it
	// stopped after a refill, and after a record too large to hold.
	bal     int    // bracket depth
	kinds   uint64 // bit d set: the bracket open at depth d (< 64) is '{'
	inStr   bool   // inside a string
	esc     bool   // after a backslash in a string
	junk    bool   // the value scanned is not an object
	discard discard
	noComma bool // junk ended at an object, which needs no comma before it
}

// discard says what is left of a record too large to hold: its bytes are
// skipped, not kept, at the next call to Next.
type discard uint8

const (
	discardNone discard = iota
	discardLine
	discardValue
)

// Reset starts reading a new stream.
func (s *Stream) Reset(src io.Reader, maxRecord, maxDepth int) {
	s.r.Reset(src)
	s.reset(maxRecord, maxDepth)
}

// ResetBytes starts reading the stream held in b, in place: nothing is
// copied, and nothing is written to b.
func (s *Stream) ResetBytes(b []byte, maxRecord, maxDepth int) {
	s.r.ResetBytes(b, 0)
	s.reset(maxRecord, maxDepth)
}

func (s *Stream) reset(maxRecord, maxDepth int) {
	s.r.MaxHold = maxRecord
	s.r.MaxDepth = maxDepth
	s.framing, s.st, s.envelope, s.index, s.start, s.multi, s.bomDone = FramingUnknown, stTop, false, 0, 0, false, false
	s.nextLink = s.nextLink[:0]
	s.firstKeys = s.firstKeys[:0]
	s.err = nil
	s.discard, s.noComma = discardNone, false
	s.window = minWindow
}

// Framing returns the framing detected so far.
func (s *Stream) Framing() Framing { return s.framing }

// Index returns the 0-based index the next record will have; after Next it
// is one past the current record's.
func (s *Stream) Index() int { return s.index }

// Offset returns how many input bytes have been consumed.
func (s *Stream) Offset() int64 { return s.r.Offset() }

// NextLink returns the nextLink (or @odata.nextLink) of an API page, if
// one was seen so far; valid until the next Reset.
func (s *Stream) NextLink() []byte { return s.nextLink }

// Position converts an absolute offset within the current record (or the
// current read position) into a line and column.
func (s *Stream) Position(off int64) azlogs.Position { return s.r.Position(off) }

// Ended reports whether the stream has nothing more to give: the input
// ended, or a record torn by its end was the last thing in it.
func (s *Stream) Ended() bool { return s.st == stDone }

// Err returns the error that stopped the stream, or nil.
func (s *Stream) Err() *Error { return s.err }

// Record is one delimited record.
type Record struct {
	// Raw is the record's bytes, valid until the next call to Next.
	Raw []byte
	// Start is the absolute offset of Raw[0].
	Start int64
	// Index is the record's 0-based index in the stream.
	Index int
	// Open says that Raw runs on past the record, whose end its parse
	// finds (see Stream.Close and Stream.Delimit).
	Open bool
	// Err, when not nil, says why the record could not be delimited
	// (torn, too large, or not an object); Raw then holds what could be
	// read of it.
	Err *Error
}

// Next returns the next record, or false at the end of the stream or when a
// framing error stopped it (see Err).
func (s *Stream) Next(rec *Record) bool {
	r := &s.r
	r.Release()
	if s.err != nil || s.st == stDone {
		return false
	}
	switch s.discard {
	case discardLine:
		s.discardLine()
	case discardValue:
		if s.scan(true) {
			s.noComma = true
		}
	}
	s.discard = discardNone
	if !s.bomDone {
		s.bomDone = true
		for r.end < 3 {
			if _, ok := r.fill(0); !ok {
				break
			}
		}
		if bytes.HasPrefix(r.buf[:r.end], bom) {
			r.pos = 3
		}
	}
	for {
		switch s.st {
		case stTop:
			c := r.peek()
			switch {
			case c < 0:
				s.st = stDone
				if r.rerr != nil {
					r.failEOF("between records")
					s.err = r.err
				}
				return false
			case c == '[':
				r.open()
				s.arrDepth = r.depth
				s.st, s.envelope = stArray, false
				if s.framing == FramingUnknown {
					s.framing = FramingArray
				}
				continue
			case c == '{':
				if s.probeEnvelope() {
					continue
				}
				if r.err != nil && r.err.Err != azlogs.ErrTruncated {
					// A syntax error inside the first member: the
					// object is a (bad) record, not an envelope.
					r.ClearError(0)
				}
				if s.framing == FramingUnknown {
					s.framing = FramingLines
				}
				if !s.multi {
					return s.speculate(rec)
				}
				return s.delimit(rec)
			default:
				if s.framing == FramingUnknown {
					s.framing = FramingLines
				}
				return s.delimit(rec)
			}
		case stArray, stArrayMore:
			r.after = s.st == stArrayMore && !s.noComma
			s.noComma = false
			r.depth = s.arrDepth
			if !r.more(']', "record") {
				if r.err != nil {
					if r.err.Err == azlogs.ErrTruncated || r.rerr != nil {
						// The array was never closed: the blob is
						// still being written, or was cut.
						s.err = r.err
						s.st = stDone
						return false
					}
					// Junk, a missing comma or a trailing comma
					// between records: hand what is there over as a
					// bad record, with the error found.
					e := *r.err
					r.ClearError(s.arrDepth)
					s.st = stArrayMore
					s.delimit(rec)
					if rec.Err == nil || rec.Err.Err == azlogs.ErrSyntax {
						rec.Err = &e
					}
					return true
				}
				if !s.closeEnvelope() {
					return false
				}
				continue
			}
			s.st = stArrayMore
			return s.speculate(rec)
		default:
			return false
		}
	}
}

var bom = []byte{0xef, 0xbb, 0xbf}

// delimit finds the end of the record that starts at the current position.
func (s *Stream) delimit(rec *Record) bool {
	r := &s.r
	r.peek()
	s.start = r.Offset()
	r.Hold(s.start)
	*rec = Record{Start: s.start, Index: s.index}
	s.index++
	object := r.pos < r.end && r.buf[r.pos] == '{'
	// JSON lines: a record ends with its line, and so does anything that
	// is not an object. In an array, or once records are known to span
	// lines, a record ends with its brackets.
	line := s.st == stTop && (!s.multi || !object)
	if line {
		s.skipLine()
	} else if s.skipBalanced(!object) {
		s.noComma = true
	}
	rec.Raw = trimSpace(r.Bytes(s.start, r.Offset()))
	switch {
	case r.err != nil && r.err.Err == azlogs.ErrRecordTooLarge:
		// Report what is held, skip the rest at the next call, and go
		// on: the records after it are not lost.
		e := *r.err
		rec.Err = &e
		r.err = nil
		s.discard = discardValue
		if line {
			s.discard = discardLine
		}
	case r.err != nil:
		// Torn (the input ends inside the record) or a read error.
		e := *r.err
		rec.Err = &e
		s.st = stDone
		if r.err.Err != azlogs.ErrTruncated {
			s.err = r.err
		}
	case r.MaxHold > 0 && len(rec.Raw) > r.MaxHold:
		rec.Err = &Error{Offset: s.start, Msg: "record larger than the limit", Err: azlogs.ErrRecordTooLarge}
	case !object:
		rec.Err = &Error{Offset: s.start, Msg: "record is not a JSON object", Err: azlogs.ErrSyntax}
	}
	return true
}

// trimSpace drops the white space at the end of a record (a line's "\r",
// the blanks before a comma).
func trimSpace(b []byte) []byte {
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

// Multiline tells the stream that the current record did not end at the
// end of its line (JSON lines are pretty-printed objects after all); the
// record is delimited again by its brackets.
func (s *Stream) Multiline(rec *Record) {
	r := &s.r
	r.pos = int(rec.Start - r.base)
	r.err = nil
	s.skipBalanced(false)
	rec.Raw = r.Bytes(rec.Start, r.Offset())
	rec.Err = nil
	if r.err != nil {
		e := *r.err
		rec.Err = &e
		s.st = stDone
	} else if r.MaxHold > 0 && len(rec.Raw) > r.MaxHold {
		rec.Err = &Error{Offset: rec.Start, Msg: "record larger than the limit", Err: azlogs.ErrRecordTooLarge}
	}
}

// Unread gives back the tail of the current record from absolute offset
// off: the record ended there, and what follows is read as the next record
// (several objects on one line).
func (s *Stream) Unread(off int64) {
	s.r.pos = int(off - s.r.base)
}

// probeEnvelope looks at a top-level object: if it is an envelope
// ({"records":[…]}, {"value":[…]}, a Graph page), it enters its array and
// returns true. Otherwise it rewinds to the object's start and returns
// false.
func (s *Stream) probeEnvelope() bool {
	r := &s.r
	// Most objects are records: a first member whose name cannot be an
	// envelope's (records, value, @odata.…, nextLink, or an escape) says
	// so without being read.
	if i := r.pos; i+2 < r.end && r.buf[i] == '{' && r.buf[i+1] == '"' {
		switch r.buf[i+2] {
		case 'r', 'v', '@', 'n', '\\':
		default:
			return false
		}
	}
	start := r.Offset()
	r.Hold(start)
	r.depth = 0
	r.open()
	sawMeta, sawOData := false, false
	for {
		key, ok := r.NextKey()
		if !ok {
			break
		}
		switch {
		case string(key) == "records" || string(key) == "value":
			f := FramingRecords
			if key[0] == 'v' { // before peek, which may move the key's bytes
				f = FramingPage
			}
			if r.peek() == '[' {
				r.open()
				s.arrDepth = r.depth
				if s.framing == FramingUnknown || s.framing == FramingLines {
					s.framing = f
				}
				s.st, s.envelope = stArray, true
				r.Release()
				return true
			}
		case strings.HasPrefix(string(key), "@odata.") || string(key) == "nextLink":
			// Decide from the name before reading on: a refill may move
			// its bytes.
			isLink, isOData := strings.HasSuffix(string(key), "nextLink"), key[0] == '@'
			if isLink && r.peek() == '"' {
				v, _ := r.ReadString()
				s.nextLink = append(s.nextLink[:0], v...)
			} else {
				r.Skip()
			}
			sawMeta = true
			sawOData = sawOData || isOData
			continue
		}
		break
	}
	if sawMeta && sawOData && r.err == nil && r.after {
		// A Graph page with @odata members and nothing else (no value
		// array): the object is over, and it holds no records. An object
		// with only a nextLink is a record (REST pages always have a
		// value array).
		r.depth = 0
		r.Release()
		return true
	}
	r.Rewind(start, 0)
	return false
}

// closeEnvelope finishes an envelope object after its records array.
func (s *Stream) closeEnvelope() bool {
	r := &s.r
	s.st = stTop
	if !s.envelope {
		r.depth = 0
		return true
	}
	r.depth = s.arrDepth - 1
	for {
		key, ok := r.NextKey()
		if !ok {
			break
		}
		if (string(key) == "nextLink" || string(key) == "@odata.nextLink") && r.peek() == '"' {
			v, _ := r.ReadString()
			s.nextLink = append(s.nextLink[:0], v...)
			continue
		}
		r.Skip()
	}
	if r.err != nil {
		s.err = r.err
		s.st = stDone
		return false
	}
	r.depth = 0
	return true
}

// skipLine moves to the end of the current line (or of the input).
func (s *Stream) skipLine() {
	r := &s.r
	i := r.pos
	for {
		if j := bytes.IndexByte(r.buf[i:r.end], '\n'); j >= 0 {
			r.pos = i + j
			return
		}
		i = r.end
		shift, ok := r.fill(r.pos)
		i -= shift
		if !ok {
			r.pos = r.end
			return
		}
	}
}

// discardLine skips the rest of a line without holding it.
func (s *Stream) discardLine() {
	r := &s.r
	for {
		if j := bytes.IndexByte(r.buf[r.pos:r.end], '\n'); j >= 0 {
			r.pos += j
			return
		}
		r.pos = r.end
		if _, ok := r.fill(r.pos); !ok {
			return
		}
	}
}

// skipBalanced moves past one value without checking it, tracking strings
// and brackets only. At the end of input inside the value it records
// ErrTruncated. A value that is not an object (junk) also ends before a
// '{' at its top level, which then starts the next record; skipBalanced
// reports whether it stopped there.
func (s *Stream) skipBalanced(junk bool) bool {
	s.bal, s.kinds, s.inStr, s.esc, s.junk = 0, 0, false, false, junk
	return s.scan(false)
}

// scan goes on with skipBalanced from r.pos in the state s holds. With
// discard, it holds nothing: what it has scanned is dropped (the rest of
// a record too large to hold).
func (s *Stream) scan(discard bool) (atObject bool) {
	r := &s.r
	i := r.pos
	first := r.Offset() // a junk value's first byte is part of it, whatever it is
	if discard {
		first = -1
	}
	for {
		for i < r.end {
			if s.inStr {
				if s.esc {
					s.esc = false
					i++
					continue
				}
				j := stopIndex(r.buf, i, r.end)
				if j == r.end {
					i = j
					break
				}
				switch r.buf[j] {
				case '"':
					s.inStr = false
				case '\\':
					s.esc = true
				} // a control byte: not ours to judge here
				i = j + 1
				continue
			}
			switch c := r.buf[i]; c {
			case '"':
				s.inStr = true
			case '{', '[':
				if c == '{' && s.junk && s.bal == 0 && r.base+int64(i) != first {
					r.pos = i
					return true
				}
				if s.bal < 64 {
					if c == '{' {
						s.kinds |= 1 << s.bal
					} else {
						s.kinds &^= 1 << s.bal
					}
				}
				s.bal++
			case '}', ']':
				if s.bal == 0 && c == '}' && s.junk {
					break // a stray '}' is junk too, so that junk is never empty
				}
				if s.bal == 0 {
					// The end of the enclosing array: not part of the
					// value.
					r.pos = i
					return false
				}
				if s.bal == 1 && !discard && (s.kinds&1 != 0) != (c == '}') {
					// A closer of the other kind where the record's own
					// would be: the record lost its last brace, and this
					// ']' closes the array around it. (Deeper, a wrong
					// closer is taken as the one expected: the damage is
					// inside the record, and Resync finds its end.)
					r.pos = i
					return false
				}
				s.bal--
				if s.bal == 0 {
					r.pos = i + 1
					return false
				}
			case ',':
				if s.bal == 0 && r.base+int64(i) != first {
					r.pos = i
					return false
				}
			}
			i++
		}
		if discard {
			r.pos = i
		}
		shift, ok := r.fill(r.pos)
		i -= shift
		if !ok {
			r.pos = r.end
			if r.err == nil && !discard {
				r.failEOF("inside a record")
			}
			return false
		}
	}
}

// minWindow is the smallest speculative window: most records are a few
// kilobytes. maxWindow is the largest: larger records are delimited first,
// which costs them a second, fast pass.
const (
	minWindow = 16 << 10
	maxWindow = 1 << 20
)

// speculate starts a record (in an array, or a JSON line) without
// delimiting it: rec.Raw is the buffered input from the record's start on
// (at least the window, or to the end of input), and rec.Open is set.
// Parsing it finds the record's end in the same pass (see Close); when the
// parse fails, Delimit finds the end as for any record (by brackets, or by
// the line), for the report and the resync. Valid records, the common
// case, are read once instead of twice.
func (s *Stream) speculate(rec *Record) bool {
	r := &s.r
	if c := r.peek(); c != '{' || s.discard != discardNone || !s.Speculate {
		return s.delimit(rec)
	}
	s.start = r.Offset()
	r.Hold(s.start)
	if len(r.buf) < 4*s.window && r.src != nil {
		// Room for several windows, so that keeping the unread part of
		// one costs a small copy now and then, not one per record.
		r.grow(4 * s.window)
	}
	for r.end-r.pos < s.window && !r.eof && r.err == nil {
		if _, ok := r.fill(r.pos); !ok {
			break
		}
	}
	if r.err != nil {
		r.err = nil // the bracket scan meets it again, and reports it
	}
	*rec = Record{Start: s.start, Index: s.index, Raw: r.buf[r.pos:r.end], Open: true}
	s.index++
	return true
}

// LineEnds reports whether, after absolute offset end, where the parse of
// an open JSON line record ended, the line ends (or another object starts
// on it, which the next record is), so that the record can be closed there
// as a delimited line would have ended it.
func (s *Stream) LineEnds(end int64) bool {
	r := &s.r
	i := int(end - r.base)
	for ; i < r.end; i++ {
		switch r.buf[i] {
		case ' ', '\t', '\r':
			continue
		case '\n', '{':
			return true
		}
		return false
	}
	return r.eof
}

// Close ends an open record at absolute offset end, where its parse ended.
func (s *Stream) Close(rec *Record, end int64) {
	rec.Raw = rec.Raw[:end-rec.Start]
	rec.Open = false
	s.r.pos = int(end - s.r.base)
}

// Delimit finds the end of an open record by its brackets, as for a record
// that was never speculated on.
func (s *Stream) Delimit(rec *Record) {
	r := &s.r
	r.pos = int(rec.Start - r.base)
	s.index--
	s.delimit(rec)
}

// Fits tells the stream that a record of n bytes, too long for the
// speculative window, was good: the window grows to hold two such, up to
// maxWindow.
func (s *Stream) Fits(n int) {
	if n < s.window/2 {
		return
	}
	w := min(2*n, maxWindow)
	if s.r.MaxHold > 0 && w > s.r.MaxHold {
		w = s.r.MaxHold
	}
	s.window = max(w, s.window)
}
