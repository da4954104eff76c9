package jsontok

import (
	"encoding/binary"
	"unsafe"
)

// Fast paths for compact input, which is what Azure writes: a member name
// or a string value with no white space around it and no escapes. They
// consume nothing and fall back to the general path for anything else, so
// they change speed, never results.

// Key is NextKey with a fast path for a compact "name": after '{' or ','.
func (r *Reader) Key() ([]byte, bool) {
	i := r.pos
	if r.err == nil && !r.StrictUTF8 && i+3 < r.end {
		b := r.buf
		if r.after {
			if b[i] != ',' {
				return r.NextKey()
			}
			i++
		}
		if b[i] == '"' {
			e := stopIndex(b, i+1, r.end)
			if e+1 < r.end && b[e] == '"' && b[e+1] == ':' {
				if r.members++; r.MaxMembers > 0 && r.members > r.MaxMembers {
					r.members--
					return r.NextKey() // reports the limit
				}
				r.pos = e + 2
				r.after = false
				return b[i+1 : e], true
			}
		}
	}
	return r.NextKey()
}

// Str is ReadString with a fast path for a string at the current position
// with no escapes. ok is false if the value is not a string (nothing is
// consumed then unless an error is recorded).
func (r *Reader) Str() ([]byte, bool) {
	i := r.pos
	if r.err == nil && !r.StrictUTF8 && i < r.end && r.buf[i] == '"' {
		e := stopIndex(r.buf, i+1, r.end)
		if e < r.end && r.buf[e] == '"' {
			r.pos = e + 1
			r.after = true
			return r.buf[i+1 : e], true
		}
	}
	if r.Peek() != String {
		return nil, false
	}
	return r.ReadString()
}

// IsString reports whether the next value is a string, looking at the
// current byte first.
func (r *Reader) IsString() bool {
	if r.pos < r.end && r.buf[r.pos] == '"' {
		return r.err == nil
	}
	return r.Peek() == String
}

// SkipTo moves to absolute offset off, past a value whose bytes the caller
// has checked (a cache hit on bytes that were parsed before) and which
// holds members object members: they count against MaxMembers as reading
// the value would count them. It reports false, having moved nothing, when
// they would pass the limit; reading the value then reports it.
func (r *Reader) SkipTo(off int64, members int) bool {
	if r.MaxMembers > 0 && r.members+members > r.MaxMembers {
		return false
	}
	r.members += members
	r.pos = int(off - r.base)
	r.after = true
	return true
}

// Members returns how many object members the reader has read since
// ResetBytes (those MaxMembers limits). A caller that remembers a value
// for SkipTo takes the count before and after reading it.
func (r *Reader) Members() int { return r.members }

// Rest returns the buffered bytes from the current position on (for a
// Reader set up with ResetBytes, the rest of the record), after white
// space.
func (r *Reader) RestBytes() []byte {
	r.peek()
	return r.buf[r.pos:r.end]
}

// IsObjectStart reports whether the next value (after white space) opens
// an object.
func (r *Reader) IsObjectStart() bool {
	return r.err == nil && r.peek() == '{'
}

// Lead returns the byte at the current position, skipping no white
// space: 0 at the end of the buffered input or after an error. It makes
// no call, so it is inlined (the call to its fallback puts PeekFast over
// the compiler's budget): a decoder reading compact input looks at the
// next byte with it and takes PeekFast only when it sees white space or 0.
func (r *Reader) Lead() byte {
	if i := r.pos; i < r.end && r.err == nil {
		return r.buf[i]
	}
	return 0
}

// PeekFast is PeekByte with its common case, no white space before the
// next byte, first.
func (r *Reader) PeekFast() int {
	if c := r.Lead(); c > ' ' {
		return int(c)
	}
	return r.PeekByte()
}

// KeyIs reads the next member's name if it is name, written without
// escapes and followed directly by ':' (the fast case of Key), and reports
// whether it did; otherwise it reads nothing. A decoder that expects a
// name (records of one kind repeat their members in order) checks it with
// one comparison instead of scanning for its end. name must contain no
// '"', '\\' or control bytes (see PlainName).
func (r *Reader) KeyIs(name string) bool {
	i := r.pos
	if r.err != nil || r.StrictUTF8 {
		return false
	}
	b := r.buf
	if r.after {
		if i >= r.end || b[i] != ',' {
			return false
		}
		i++
	}
	e := i + 1 + len(name)
	if e+1 >= r.end || b[i] != '"' || b[e] != '"' || b[e+1] != ':' || !equalName(b[i+1:e], name) {
		return false
	}
	if r.members++; r.MaxMembers > 0 && r.members > r.MaxMembers {
		r.members--
		return false
	}
	r.pos = e + 2
	r.after = false
	return true
}

// equalName reports whether b equals name, of the same length: names of 8
// to 16 bytes, most of them, as two overlapping words, without a call.
func equalName(b []byte, name string) bool {
	n := len(name)
	if n < 8 || n > 16 || len(b) != n {
		return string(b) == name
	}
	s := unsafe.Slice(unsafe.StringData(name), n)
	return binary.LittleEndian.Uint64(b) == binary.LittleEndian.Uint64(s) &&
		binary.LittleEndian.Uint64(b[n-8:]) == binary.LittleEndian.Uint64(s[n-8:])
}

// PlainName reports whether a member name can be checked with KeyIs: it
// holds no '"', '\\' or control bytes.
func PlainName(name string) bool {
	for i := 0; i < len(name); i++ {
		if c := name[i]; c == '"' || c == '\\' || c < 0x20 {
			return false
		}
	}
	return true
}
