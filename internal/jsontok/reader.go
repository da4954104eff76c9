// Package jsontok reads JSON from an io.Reader through one reusable buffer,
// value by value, knowing the absolute offset of every byte, without
// allocating in steady state.
package jsontok

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math/bits"
	"slices"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/internal/swar"
)

// Kind is the kind of the next JSON token.
type Kind uint8

// The token kinds.
const (
	Invalid Kind = iota
	Object
	Array
	String
	Number
	True
	False
	Null
	EndObject
	EndArray
	EOF
)

var kindNames = [...]string{"invalid", "object", "array", "string", "number", "true", "false", "null", "end of object", "end of array", "end of input"}

func (k Kind) String() string { return kindNames[k] }

// Error is a syntax error with its absolute byte offset.
type Error struct {
	Offset int64
	Msg    string
	Err    error // an azlogs sentinel or the reader's error
}

func (e *Error) Error() string { return e.Msg }
func (e *Error) Unwrap() error { return e.Err }

const minBuf = 64 << 10

// Reader reads JSON values from a stream. The zero Reader is not usable; use
// Reset.
type Reader struct {
	src    io.Reader
	buf    []byte
	pos    int   // next unread byte
	end    int   // end of valid data
	base   int64 // absolute offset of buf[0]
	nl     int   // newlines before buf[0]
	lastNL int64 // absolute offset of the last newline before buf[0], -1 if none
	hold   int   // buf[hold:] is kept across refills; -1 if nothing is held
	eof    bool
	rerr   error
	err    *Error
	after  bool // a value was just completed
	depth  int
	// newline says that white space skipped since ResetBytes held a
	// newline: a record read so spans lines.
	newline bool

	// MaxDepth limits nesting (0: unlimited).
	MaxDepth int
	// MaxHold limits how many bytes a held region (a record) may span
	// (0: unlimited).
	MaxHold int
	// MaxMembers limits how many object members one value read with
	// ResetBytes (a record) may have in all (0: unlimited).
	MaxMembers int
	members    int
	// Tolerant repairs a missing comma between members or elements.
	Tolerant bool
	// StrictUTF8 rejects strings that are not valid UTF-8; otherwise their
	// bytes are kept as they are.
	StrictUTF8 bool
	// Repairs counts the repairs made since the last ClearRepairs.
	Repairs int

	scratch []byte
	keyBuf  []byte // a key that a refill could move
	own     []byte // the buffer Reset reads into; buf is the caller's after ResetBytes
	errBuf  Error
}

// Reset makes r read from src, keeping its buffers. A nil src is an
// empty input.
func (r *Reader) Reset(src io.Reader) {
	r.src = src
	if r.own == nil {
		r.own = make([]byte, minBuf)
	}
	r.buf = r.own
	r.pos, r.end, r.base, r.nl, r.lastNL, r.hold = 0, 0, 0, 0, -1, -1
	r.eof, r.rerr, r.err, r.after, r.depth, r.Repairs = src == nil, nil, nil, false, 0, 0
}

// ResetBytes makes r read from b directly, without copying; offsets are
// reported as if b began at absolute offset base.
func (r *Reader) ResetBytes(b []byte, base int64) {
	r.src = nil
	r.pos, r.end, r.base, r.nl, r.lastNL, r.hold = 0, len(b), base, 0, base-1, -1
	r.eof, r.rerr, r.err, r.after, r.depth, r.Repairs = true, nil, nil, false, 0, 0
	r.members, r.newline = 0, false
	r.buf = b
}

// Rest returns the unread bytes of a Reader set up with ResetBytes.
func (r *Reader) Rest() []byte { return r.buf[r.pos:r.end] }

// Err returns the first error, or nil.
func (r *Reader) Err() *Error { return r.err }

// Offset returns the absolute offset of the next unread byte.
func (r *Reader) Offset() int64 { return r.base + int64(r.pos) }

// Hold keeps every byte from absolute offset off on (which must still be
// buffered) until Release.
func (r *Reader) Hold(off int64) { r.hold = int(off - r.base) }

// Release stops holding bytes.
func (r *Reader) Release() { r.hold = -1 }

// Bytes returns the buffered bytes between absolute offsets from and to,
// which must both be held. The slice is valid until the next read.
func (r *Reader) Bytes(from, to int64) []byte {
	return r.buf[from-r.base : to-r.base]
}

// Rewind moves back to absolute offset off, which must be held, and clears
// the error and nesting state.
func (r *Reader) Rewind(off int64, depth int) {
	r.pos = int(off - r.base)
	r.err, r.after, r.depth = nil, false, depth
}

// ClearError drops the sticky error so that reading can resume.
func (r *Reader) ClearError(depth int) {
	r.err, r.after, r.depth = nil, false, depth
}

// Depth returns the current nesting depth.
func (r *Reader) Depth() int { return r.depth }

// ReadErr returns the underlying reader's error, if it returned one other
// than io.EOF.
func (r *Reader) ReadErr() error { return r.rerr }

// AtEOF reports whether the input is exhausted (after skipping white space).
func (r *Reader) AtEOF() bool { return r.peek() < 0 }

// Position converts an absolute offset that is still buffered (or the
// current end of data) into a line and column.
func (r *Reader) Position(off int64) azlogs.Position {
	i := int(off - r.base)
	if i < 0 {
		i = 0
	}
	if i > r.end {
		i = r.end
	}
	line := r.nl + bytes.Count(r.buf[:i], nlByte) + 1
	var col int64
	if j := bytes.LastIndexByte(r.buf[:i], '\n'); j >= 0 {
		col = off - (r.base + int64(j))
	} else {
		col = off - r.lastNL
	}
	return azlogs.Position{Offset: off, Line: line, Column: int(col)}
}

var nlByte = []byte{'\n'}

// fail records the first error at the current position.
func (r *Reader) fail(msg string, sentinel error) {
	r.failAt(r.Offset(), msg, sentinel)
}

func (r *Reader) failAt(off int64, msg string, sentinel error) {
	if r.err != nil {
		return
	}
	r.errBuf = Error{Offset: off, Msg: msg, Err: sentinel}
	r.err = &r.errBuf
}

// failEOF records an unexpected end of input (or the reader's error).
func (r *Reader) failEOF(what string) {
	if r.rerr != nil {
		r.fail("read error "+what+": "+r.rerr.Error(), r.rerr)
		return
	}
	r.fail("unexpected end of input "+what, azlogs.ErrTruncated)
}

// fill reads more data, keeping buf[keep:] (and the held region). It
// returns how far the kept bytes moved toward the front, and whether any
// new data arrived.
func (r *Reader) fill(keep int) (shift int, ok bool) {
	if r.eof || r.err != nil {
		return 0, false
	}
	if r.hold >= 0 && r.hold < keep {
		keep = r.hold
	}
	if keep > r.pos {
		keep = r.pos
	}
	if keep < 0 {
		keep = 0
	}
	// The bytes before keep are dropped, and the rest moved to the
	// buffer's start, only when the free space after them is short of a
	// read: moving them at every read copied a held record again and
	// again (a speculative record is held from its start).
	if keep > 0 && len(r.buf)-r.end < readChunk {
		if n := bytes.Count(r.buf[:keep], nlByte); n > 0 {
			r.nl += n
			r.lastNL = r.base + int64(lastNewline(r.buf[:keep]))
		}
		r.end = copy(r.buf, r.buf[keep:r.end])
		r.base += int64(keep)
		r.pos -= keep
		if r.hold >= 0 {
			r.hold -= keep
		}
	} else {
		keep = 0 // nothing moved
	}
	if r.end == len(r.buf) {
		if r.MaxHold > 0 && r.end >= r.MaxHold+minBuf {
			r.fail("record larger than the limit", azlogs.ErrRecordTooLarge)
			return keep, false
		}
		size := 2*len(r.buf) + minBuf
		if r.MaxHold > 0 && size > r.MaxHold+2*minBuf {
			// Never more than the limit needs: memory stays bounded by
			// the record size limit, not twice it.
			size = r.MaxHold + 2*minBuf
		}
		nb := make([]byte, size)
		copy(nb, r.buf[:r.end])
		r.buf, r.own = nb, nb
	}
	for tries := 0; tries < 100; tries++ {
		n, err := r.src.Read(r.buf[r.end:min(len(r.buf), r.end+readChunk)])
		if n < 0 || n > len(r.buf)-r.end {
			n = 0
			err = errors.New("reader returned an invalid count")
		}
		r.end += n
		if err != nil {
			r.eof = true
			if err != io.EOF {
				r.rerr = err
			}
			return keep, n > 0
		}
		if n > 0 {
			return keep, true
		}
	}
	r.eof = true
	r.rerr = io.ErrNoProgress
	return keep, false
}

// grow gives the buffer n bytes, dropping what is neither held nor unread
// (counting its lines, as fill does).
func (r *Reader) grow(n int) {
	keep := r.pos
	if r.hold >= 0 && r.hold < keep {
		keep = r.hold
	}
	if c := bytes.Count(r.buf[:keep], nlByte); c > 0 {
		r.nl += c
		r.lastNL = r.base + int64(lastNewline(r.buf[:keep]))
	}
	if n < r.end-keep {
		n = r.end - keep
	}
	nb := make([]byte, n)
	r.end = copy(nb, r.buf[keep:r.end])
	r.base += int64(keep)
	r.pos -= keep
	if r.hold >= 0 {
		r.hold -= keep
	}
	r.buf, r.own = nb, nb
}

// peek skips white space and returns the next byte without consuming it,
// or -1 at the end of input.
func (r *Reader) peek() int {
	for {
		for r.pos < r.end {
			c := r.buf[r.pos]
			if c > ' ' {
				return int(c)
			}
			if c == ' ' || c == '\n' || c == '\r' || c == '\t' {
				r.newline = r.newline || c == '\n'
				r.pos++
				continue
			}
			return int(c)
		}
		// Keep the byte before the token: Tolerant asks whether it is
		// white space, whatever the reads.
		if _, ok := r.fill(r.pos - 1); !ok {
			return -1
		}
	}
}

// PeekByte skips white space and returns the next byte, or -1 at the end.
func (r *Reader) PeekByte() int {
	if r.err != nil {
		return -1
	}
	return r.peek()
}

// Consume skips one byte (after PeekByte returned it).
func (r *Reader) Consume() { r.pos++ }

// Peek returns the kind of the next token without consuming it.
func (r *Reader) Peek() Kind {
	if r.err != nil {
		return Invalid
	}
	switch c := r.peek(); c {
	case '{':
		return Object
	case '[':
		return Array
	case '"':
		return String
	case 't':
		return True
	case 'f':
		return False
	case 'n':
		return Null
	case '}':
		return EndObject
	case ']':
		return EndArray
	case -1:
		return EOF
	default:
		if c == '-' || (c >= '0' && c <= '9') {
			return Number
		}
		return Invalid
	}
}

func (r *Reader) unexpected(what string) {
	c := r.peek()
	if c < 0 {
		r.failEOF(what)
		return
	}
	r.fail("invalid character "+quoteChar(byte(c))+" "+what, azlogs.ErrSyntax)
}

func quoteChar(c byte) string {
	switch {
	case c == '\'':
		return `'\''`
	case c == '"':
		return `'"'`
	case c < ' ' || c >= 0x7f:
		const hex = "0123456789abcdef"
		return `'\x` + string([]byte{hex[c>>4], hex[c&15]}) + `'`
	}
	return "'" + string(c) + "'"
}

func (r *Reader) open() bool {
	r.depth++
	if r.MaxDepth > 0 && r.depth > r.MaxDepth {
		r.fail("nesting deeper than the limit", azlogs.ErrTooDeep)
		return false
	}
	r.pos++
	r.after = false
	return true
}

// BeginObject consumes '{'.
func (r *Reader) BeginObject() bool {
	if r.err != nil {
		return false
	}
	if r.peek() != '{' {
		r.unexpected("looking for the beginning of an object")
		return false
	}
	return r.open()
}

// BeginArray consumes '['.
func (r *Reader) BeginArray() bool {
	if r.err != nil {
		return false
	}
	if r.peek() != '[' {
		r.unexpected("looking for the beginning of an array")
		return false
	}
	return r.open()
}

// more handles the separator before the next member or element. It returns
// false at the closing byte (consumed) or on error.
func (r *Reader) more(closer byte, what string) bool {
	if r.err != nil {
		return false
	}
	c := r.peek()
	if c == int(closer) {
		r.pos++
		r.depth--
		r.after = true
		return false
	}
	if r.after {
		if c == ',' {
			r.pos++
			c = r.peek()
			if c == int(closer) {
				r.fail("trailing comma before "+quoteChar(closer), azlogs.ErrSyntax)
				return false
			}
		} else if r.Tolerant && c >= 0 && (c == '"' || (closer == ']' && c == '{')) && r.pos > 0 && isSpace(r.buf[r.pos-1]) {
			// A missing comma between two members (or two records) that
			// are separated by white space: seen in published samples.
			r.Repairs++
		} else {
			r.unexpected("after " + what + " (expecting ',' or " + quoteChar(closer) + ")")
			return false
		}
	}
	r.after = false
	if c < 0 {
		r.failEOF("inside " + what)
		return false
	}
	return true
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

// NextKey moves to the next member of the current object and returns its
// key (valid until the next read), or false at the end of the object (the
// '}' is consumed) or on error. The caller must then read or skip exactly
// one value.
func (r *Reader) NextKey() ([]byte, bool) {
	if !r.more('}', "object member") {
		return nil, false
	}
	if !r.countMember() {
		return nil, false
	}
	if r.peek() != '"' {
		r.unexpected("looking for a member name")
		return nil, false
	}
	key := r.readStr()
	if r.err != nil {
		return nil, false
	}
	// Looking for the colon may refill the buffer and move the key's
	// bytes: if the colon is not buffered yet, copy the key first.
	i := r.pos
	for i < r.end && isSpace(r.buf[i]) {
		i++
	}
	if i == r.end && !r.eof {
		r.keyBuf = append(r.keyBuf[:0], key...)
		key = r.keyBuf
	}
	if r.peek() != ':' {
		r.unexpected("after a member name (expecting ':')")
		return nil, false
	}
	r.pos++
	r.after = false
	return key, true
}

// NextElem moves to the next element of the current array, or returns
// false at its end (the ']' is consumed) or on error.
func (r *Reader) NextElem() bool {
	return r.more(']', "array element")
}

// ReadString reads a string value and returns its unescaped bytes, valid
// until the next read. ok is false if the next value is not a string.
func (r *Reader) ReadString() (b []byte, ok bool) {
	if r.err != nil {
		return nil, false
	}
	if r.peek() != '"' {
		r.unexpected("looking for a string")
		return nil, false
	}
	b = r.readStr()
	return b, r.err == nil
}

const (
	ones  = swar.Ones
	highs = swar.Highs
)

// stopIndex returns the index of the first '"', '\\' or control byte in
// buf[i:end], or end.
func stopIndex(buf []byte, i, end int) int {
	// Most names and values end within 16 bytes: two words in Go, with no
	// branch on where in them the string ends (which word holds the end
	// is a coin toss, and a mispredicted branch per string cost 5% of a
	// tokenizer's walk over resource logs); then, for what is left of a
	// long string, 16 bytes at a time in assembly where there is some (the
	// same in Go, two words a step, measured 2% slower on resource logs).
	if i+16 <= end {
		w := buf[i : i+16 : i+16]
		// The index of a word's first stop byte, 8 if none; the second
		// word counts only when the first has none.
		n0 := uint(bits.TrailingZeros64(stopBits(binary.LittleEndian.Uint64(w)))) >> 3
		n1 := uint(bits.TrailingZeros64(stopBits(binary.LittleEndian.Uint64(w[8:])))) >> 3
		if n := n0 + n1&-(n0>>3); n < 16 {
			return i + int(n)
		}
		i += 16
	}
	if haveStopSSE2 && end-i >= 16 {
		return i + stopIndexSSE2(buf[i:end])
	}
	for ; i+8 <= end; i += 8 {
		if m := stopBits(binary.LittleEndian.Uint64(buf[i:])); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for ; i < end; i++ {
		if c := buf[i]; c == '"' || c == '\\' || c < 0x20 {
			return i
		}
	}
	return end
}

// stopBits returns, for the eight bytes of x (little-endian), a word whose
// lowest set bit is the high bit of the first stop byte: '"', '\\' or a
// control byte. (A borrow can set bits above a stop byte, never below the
// first.)
func stopBits(x uint64) uint64 {
	q := x ^ (ones * '"')
	s := x ^ (ones * '\\')
	return ((q-ones)&^q | (s-ones)&^s | (x-ones*0x20)&^x) & highs
}

// readStr reads the string starting at buf[pos] == '"'.
func (r *Reader) readStr() []byte {
	start := r.pos + 1
	i := start
	for {
		i = stopIndex(r.buf, i, r.end)
		if i < r.end {
			break
		}
		shift, ok := r.fill(start - 1)
		start -= shift
		i -= shift
		if !ok {
			r.pos = i
			r.failEOF("inside a string")
			return nil
		}
	}
	if r.buf[i] == '"' {
		r.pos = i + 1
		r.after = true
		s := r.buf[start:i]
		if r.StrictUTF8 && !utf8.Valid(s) {
			r.failAt(r.base+int64(start), "invalid UTF-8 in string", azlogs.ErrSyntax)
			return nil
		}
		return s
	}
	if r.buf[i] < 0x20 {
		r.pos = i
		r.fail("invalid control character "+quoteChar(r.buf[i])+" in string", azlogs.ErrSyntax)
		return nil
	}
	return r.readEscaped(start, i)
}

// readEscaped continues a string at the first backslash, unescaping into
// the scratch buffer.
func (r *Reader) readEscaped(start, i int) []byte {
	startOff := r.base + int64(start) // start moves with the buffer
	out := append(r.scratch[:0], r.buf[start:i]...)
	for {
		// r.buf[i] is '\\', '"', a control byte, or i == r.end.
		if i+12 > r.end && !r.eof {
			shift, ok := r.fill(i)
			i -= shift
			if r.err != nil {
				return nil
			}
			if ok {
				continue
			}
		}
		if i >= r.end {
			r.pos = i
			r.failEOF("inside a string")
			return nil
		}
		c := r.buf[i]
		if c == '"' {
			r.pos = i + 1
			r.after = true
			r.scratch = out
			if r.StrictUTF8 && !utf8.Valid(out) {
				r.failAt(startOff, "invalid UTF-8 in string", azlogs.ErrSyntax)
				return nil
			}
			return out
		}
		if c < 0x20 {
			r.pos = i
			r.fail("invalid control character "+quoteChar(c)+" in string", azlogs.ErrSyntax)
			return nil
		}
		// A backslash.
		if i+1 >= r.end {
			r.pos = i
			r.failEOF("inside a string")
			return nil
		}
		switch e := r.buf[i+1]; e {
		case '"', '\\', '/':
			out = append(out, e)
			i += 2
		case 'b':
			out = append(out, '\b')
			i += 2
		case 'f':
			out = append(out, '\f')
			i += 2
		case 'n':
			out = append(out, '\n')
			i += 2
		case 'r':
			out = append(out, '\r')
			i += 2
		case 't':
			out = append(out, '\t')
			i += 2
		case 'u':
			ru, n := r.unicodeEscape(i)
			if n == 0 {
				return nil
			}
			out = utf8.AppendRune(out, ru)
			i += n
		default:
			r.pos = i
			r.fail("invalid escape "+quoteChar(e)+" in string", azlogs.ErrSyntax)
			return nil
		}
		// Copy the plain run up to the next special byte.
		for {
			j := stopIndex(r.buf, i, r.end)
			if n := len(out); j-i <= 16 && i+16 <= r.end {
				// A short run, the usual one between escapes: 16 bytes
				// copied as one move, of which the run's are kept,
				// instead of a call to copy them.
				if cap(out)-n < 16 {
					out = slices.Grow(out, 16)
				}
				*(*[16]byte)(out[n : n+16]) = *(*[16]byte)(r.buf[i : i+16])
				out = out[:n+j-i]
			} else {
				out = append(out, r.buf[i:j]...)
			}
			i = j
			if j < r.end || r.eof {
				break
			}
			shift, _ := r.fill(i)
			i -= shift
			if r.err != nil {
				return nil
			}
		}
	}
}

// unicodeEscape decodes \uXXXX (and a following low surrogate) at buf[i].
// It returns the rune and the bytes consumed, or n == 0 on error.
func (r *Reader) unicodeEscape(i int) (rune, int) {
	h, ok := hex4(r.buf, i+2, r.end)
	if !ok {
		r.badUnicodeEscape(i)
		return 0, 0
	}
	ru := rune(h)
	if utf16.IsSurrogate(ru) {
		if ru < 0xdc00 && i+12 <= r.end && r.buf[i+6] == '\\' && r.buf[i+7] == 'u' {
			if l, ok := hex4(r.buf, i+8, r.end); ok {
				if d := utf16.DecodeRune(ru, rune(l)); d != utf8.RuneError {
					return d, 12
				}
			}
		}
		return utf8.RuneError, 6
	}
	return ru, 6
}

// badUnicodeEscape reports the \u escape at buf[i] that hex4 refused:
// truncated if the input ends inside it with only hex digits so far, else
// invalid.
func (r *Reader) badUnicodeEscape(i int) {
	r.pos = i
	if i+6 > r.end && isHex(r.buf[i+2:r.end]) {
		r.failEOF("inside a string")
		return
	}
	r.fail("invalid \\u escape in string", azlogs.ErrSyntax)
}

func isHex(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

func hex4(b []byte, i, end int) (uint16, bool) {
	if i+4 > end {
		return 0, false
	}
	var v uint16
	for _, c := range b[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		v = v<<4 | uint16(c)
	}
	return v, true
}

var numChar = [256]bool{'-': true, '+': true, '.': true, 'e': true, 'E': true,
	'0': true, '1': true, '2': true, '3': true, '4': true, '5': true, '6': true, '7': true, '8': true, '9': true}

// ReadNumber reads a number and returns its text, valid until the next read.
func (r *Reader) ReadNumber() ([]byte, bool) {
	if i := r.pos; r.err == nil && i+9 <= r.end {
		// Fast path: an integer of one to seven digits at the current
		// position, found without a loop (see swar.DigitRun).
		b := r.buf[i : i+9 : i+9]
		j := 0
		if b[0] == '-' {
			j = 1
		}
		if n := swar.DigitRun(binary.LittleEndian.Uint64(b[j:])); uint(n-1) < 7 && !numChar[b[j+n]] && (b[j] != '0' || n == 1) {
			e := i + j + n
			r.pos = e
			r.after = true
			return r.buf[i:e], true
		}
	}
	if r.err != nil {
		return nil, false
	}
	c := r.peek()
	if c != '-' && (c < '0' || c > '9') {
		r.unexpected("looking for a number")
		return nil, false
	}
	start := r.pos
	i := start
	for {
		for i < r.end && numChar[r.buf[i]] {
			i++
		}
		if i < r.end {
			break
		}
		shift, ok := r.fill(start)
		start -= shift
		i -= shift
		if !ok {
			if r.err != nil {
				return nil, false
			}
			break
		}
	}
	num := r.buf[start:i]
	if i == r.end && r.eof && (r.rerr != nil || !ValidNumber(num) && ValidNumber(append(num[:len(num):len(num)], '0'))) {
		// The input stopped where the number might have gone on: a
		// torn record ("1.", "-", "1e+"), or a read error.
		r.pos = i
		r.failEOF("inside a number")
		return nil, false
	}
	if !ValidNumber(num) {
		r.pos = start
		r.fail("invalid number "+quoteShort(num), azlogs.ErrSyntax)
		return nil, false
	}
	r.pos = i
	r.after = true
	return num, true
}

func quoteShort(b []byte) string {
	if len(b) > 40 {
		return `"` + string(b[:40]) + `…"`
	}
	return `"` + string(b) + `"`
}

// ValidNumber reports whether b is a JSON number.
func ValidNumber(b []byte) bool {
	i := 0
	if i < len(b) && b[i] == '-' {
		i++
	}
	if i >= len(b) {
		return false
	}
	if b[i] == '0' {
		i++
	} else if b[i] >= '1' && b[i] <= '9' {
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	} else {
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		d := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		if i == d {
			return false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		d := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		if i == d {
			return false
		}
	}
	return i == len(b)
}

// readLiteral consumes the literal lit (true, false, null).
func (r *Reader) readLiteral(lit string) bool {
	if r.end-r.pos < len(lit) {
		for r.end-r.pos < len(lit) {
			if _, ok := r.fill(r.pos); !ok {
				break
			}
		}
	}
	if r.end-r.pos < len(lit) {
		if string(r.buf[r.pos:r.end]) == lit[:r.end-r.pos] {
			r.pos = r.end
			r.failEOF("inside a literal")
		} else {
			r.unexpected("looking for a value")
		}
		return false
	}
	if string(r.buf[r.pos:r.pos+len(lit)]) != lit {
		r.unexpected("looking for a value")
		return false
	}
	if r.pos+len(lit) == r.end {
		// Bring in the next byte, so that "nulls" is refused whatever
		// the reads.
		r.fill(r.pos)
	}
	if r.pos+len(lit) < r.end && isIdentByte(r.buf[r.pos+len(lit)]) {
		r.pos += len(lit)
		r.unexpected("after " + lit)
		return false
	}
	r.pos += len(lit)
	r.after = true
	return true
}

func isIdentByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// ReadNull consumes null.
func (r *Reader) ReadNull() bool {
	if r.err != nil {
		return false
	}
	if r.peek() != 'n' {
		r.unexpected("looking for null")
		return false
	}
	return r.readLiteral("null")
}

// ReadBool consumes true or false.
func (r *Reader) ReadBool() (v, ok bool) {
	switch r.Peek() {
	case True:
		return true, r.readLiteral("true")
	case False:
		return false, r.readLiteral("false")
	}
	r.unexpected("looking for true or false")
	return false, false
}

// Skip consumes one value of any kind, checking its syntax. It repairs
// nothing, even when Tolerant: a skipped value is kept as it was, and must
// be valid JSON as it stands.
func (r *Reader) Skip() bool {
	t := r.Tolerant
	r.Tolerant = false
	ok := r.skip()
	r.Tolerant = t
	return ok
}

func (r *Reader) skip() bool {
	if r.Lead() == '"' {
		// Most values: a string, with no white space before it.
		r.skipStr()
		return r.err == nil
	}
	switch r.Peek() {
	case Object:
		if !r.BeginObject() {
			return false
		}
		for {
			if _, ok := r.Key(); !ok {
				break
			}
			if !r.skip() {
				return false
			}
		}
	case Array:
		if !r.BeginArray() {
			return false
		}
		for r.NextElem() {
			if !r.skip() {
				return false
			}
		}
	case String:
		r.skipStr()
	case Number:
		r.ReadNumber()
	case True:
		r.readLiteral("true")
	case False:
		r.readLiteral("false")
	case Null:
		r.readLiteral("null")
	case EOF:
		r.failEOF("looking for a value")
	default:
		r.unexpected("looking for a value")
	}
	return r.err == nil
}

// skipStr consumes a string, checking its escapes, without copying it.
func (r *Reader) skipStr() {
	start := r.pos + 1
	i := start
	for {
		i = stopIndex(r.buf, i, r.end)
		if i >= r.end {
			if r.eof {
				r.pos = i
				r.failEOF("inside a string")
				return
			}
			shift, _ := r.fill(i)
			i -= shift
			start -= shift
			if r.err != nil {
				return
			}
			continue
		}
		switch c := r.buf[i]; {
		case c == '"':
			if r.StrictUTF8 && !utf8.Valid(r.buf[start:i]) {
				r.failAt(r.base+int64(start), "invalid UTF-8 in string", azlogs.ErrSyntax)
				return
			}
			r.pos = i + 1
			r.after = true
			return
		case c < 0x20:
			r.pos = i
			r.fail("invalid control character "+quoteChar(c)+" in string", azlogs.ErrSyntax)
			return
		}
		// A backslash: make sure the escape is complete and valid.
		for i+6 > r.end && !r.eof {
			shift, _ := r.fill(i)
			i -= shift
			start -= shift
			if r.err != nil {
				return
			}
		}
		if i+1 >= r.end {
			r.pos = i
			r.failEOF("inside a string")
			return
		}
		switch e := r.buf[i+1]; e {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			i += 2
		case 'u':
			if _, ok := hex4(r.buf, i+2, r.end); !ok {
				r.badUnicodeEscape(i)
				return
			}
			i += 6
		default:
			r.pos = i
			r.fail("invalid escape "+quoteChar(e)+" in string", azlogs.ErrSyntax)
			return
		}
	}
}

// Fail records an error found by the caller (a wrong type, say) at
// absolute offset off.
func (r *Reader) Fail(off int64, msg string, sentinel error) {
	r.failAt(off, msg, sentinel)
}

// countMember counts one more member against MaxMembers.
func (r *Reader) countMember() bool {
	r.members++
	if r.MaxMembers > 0 && r.members > r.MaxMembers {
		r.fail("more members than the limit", azlogs.ErrRecordTooLarge)
		return false
	}
	return true
}

// lastNewline returns the index of the last '\n' in b, or -1. It walks
// back from the end a word (8 bytes) at a time: the newline is usually a
// line's length from the end, and bytes.LastIndexByte goes a byte at a
// time.
func lastNewline(b []byte) int {
	const low7 = 0x7f7f7f7f7f7f7f7f
	i := len(b)
	for ; i >= 8; i -= 8 {
		y := binary.LittleEndian.Uint64(b[i-8:]) ^ (ones * '\n') // newlines become zero bytes
		// A byte's bit 7 ends up clear exactly when the byte is zero:
		// adding 0x7f to its low seven bits sets bit 7 unless they are
		// all zero, and no sum carries into the next byte.
		if z := ^((y&low7 + low7) | y | low7); z != 0 {
			return i - 8 + (63-bits.LeadingZeros64(z))>>3
		}
	}
	return bytes.LastIndexByte(b[:i], '\n')
}

// readChunk is the most a fill asks its source for at once. The buffer
// may be megabytes long (four speculative windows); filling all of it in
// one read copied input that had left the processor's caches by the time
// it was parsed. Reading 128 KB at a time made flow logs through a reader
// 5% faster, and the other families no slower.
const readChunk = 128 << 10
