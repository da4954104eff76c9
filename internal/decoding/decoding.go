// Package decoding holds the parts of a family decoder that do not depend
// on the family's schema: readers over a record's bytes, buffers for JSON
// carried in strings, and readers of the value shapes Azure drifts between
// (numbers written as strings, levels as words or numbers).
package decoding

import (
	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/internal/jsontok"
)

// Scratch lends a decoder readers over borrowed bytes (a member's raw
// value, JSON decoded from a string) and buffers that live until the next
// record. The zero Scratch is ready after Configure.
type Scratch struct {
	readers  [8]jsontok.Reader
	n        int
	chunks   [][]byte
	nchunk   int
	strict   bool
	maxDepth int
}

// Configure takes the decoder's options.
func (s *Scratch) Configure(cfg *azlogs.Config) {
	s.strict, s.maxDepth = cfg.Strict, cfg.MaxDepth
}

// Begin starts a record: every reader and buffer lent for the previous one
// is free again.
func (s *Scratch) Begin() { s.n, s.nchunk = 0, 0 }

// Reader lends a reader, configured as the decoder is; set it up with
// ResetBytes and give it back with Release, innermost first.
func (s *Scratch) Reader() *jsontok.Reader {
	if s.n == len(s.readers) {
		// Deeper than any member needs; never in practice.
		s.n++
		r := new(jsontok.Reader)
		s.configure(r)
		return r
	}
	r := &s.readers[s.n]
	s.n++
	s.configure(r)
	return r
}

func (s *Scratch) configure(r *jsontok.Reader) {
	r.Tolerant = !s.strict
	r.StrictUTF8 = s.strict
	r.MaxDepth = s.maxDepth
}

// Release gives back the reader lent last.
func (s *Scratch) Release() {
	if s.n > 0 {
		s.n--
	}
}

// Chunk copies b into a buffer that lives until the next Begin: the home
// of JSON decoded from a string, whose members records borrow.
func (s *Scratch) Chunk(b []byte) []byte {
	if s.nchunk == len(s.chunks) {
		s.chunks = append(s.chunks, nil)
	}
	c := append(s.chunks[s.nchunk][:0], b...)
	s.chunks[s.nchunk] = c
	s.nchunk++
	return c
}

// ValueStart skips white space before a value and returns its offset.
func ValueStart(p *jsontok.Reader) int64 {
	if p.Lead() <= ' ' {
		p.PeekFast()
	}
	return p.Offset()
}

// ParseInt reads a decimal integer with an optional sign, rejecting
// anything else and values outside int64.
func ParseInt(b []byte) (int64, bool) {
	if len(b) == 0 {
		return 0, false
	}
	neg := b[0] == '-'
	if neg || b[0] == '+' {
		b = b[1:]
		if len(b) == 0 {
			return 0, false
		}
	}
	const limit = 1 << 63 // the magnitude of math.MinInt64
	var n uint64
	for _, c := range b {
		if c < '0' || c > '9' || n > limit/10 {
			return 0, false
		}
		n = n*10 + uint64(c-'0') // at most 9223372036854775809: no overflow
		if n > limit {
			return 0, false
		}
	}
	if neg {
		return -int64(n), true // for n == limit, -int64(n) is math.MinInt64
	}
	if n == limit {
		return 0, false
	}
	return int64(n), true
}

// LowerASCII returns s with ASCII letters in lower case.
func LowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Int reads an integer written as a JSON number or, unless strict, as a
// string of digits (asString then says so). On failure, consumed says
// whether the value was read (it must then be rewound to keep it).
func Int(p *jsontok.Reader, strict bool) (v int64, asString, ok, consumed bool) {
	switch p.Peek() {
	case jsontok.Number:
		n, _ := p.ReadNumber()
		v, ok = ParseInt(n)
		return v, false, ok, true
	case jsontok.String:
		b, _ := p.ReadString()
		v, ok = ParseInt(b)
		return v, true, ok && !strict, true
	}
	return 0, false, false, false
}

// Level reads a severity written as a word, a digit string, or (unless
// strict) a number from 1 to 5; numeric says it was not a word. On
// failure, consumed says whether the value was read.
func Level(p *jsontok.Reader, strict bool) (l azlogs.Level, numeric, ok, consumed bool) {
	switch p.Peek() {
	case jsontok.String:
		b, _ := p.ReadString()
		l, ok = azlogs.ParseLevel(b)
		return l, len(b) == 1, ok, true
	case jsontok.Number:
		n, _ := p.ReadNumber()
		v, ok1 := ParseInt(n)
		l, ok2 := azlogs.LevelFromNumber(v)
		return l, true, ok1 && ok2 && !strict, true
	}
	return azlogs.LevelUnknown, false, false, false
}

// LastChunk returns the buffer the last Chunk call filled.
func (s *Scratch) LastChunk() []byte {
	if s.nchunk == 0 {
		return nil
	}
	return s.chunks[s.nchunk-1]
}
