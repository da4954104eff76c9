package diagnostics

import (
	"encoding/binary"
	"math/bits"

	"github.com/azlogs/azlogs/internal/swar"
)

// Function App logs (and a few others) sometimes carry properties as a
// single-quoted object literal, {'appName':'x','levelId':2}, either bare in
// the record (which makes the record invalid JSON) or inside a JSON string.
// Replacing every ' with " breaks messages that contain apostrophes, so the
// repair reads the literal: a quote closes a string only where a string can
// end, that is before a colon, a closing bracket, the end of the input, or
// a comma followed by the start of another member or element.

// quotedObjectAhead reports whether b starts, after white space, with '{'
// and then, after white space, a single quote.
func quotedObjectAhead(b []byte) bool {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return false
	}
	i = skipSpace(b, i+1)
	return i < len(b) && b[i] == '\''
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

func onlySpace(b []byte) bool { return skipSpace(b, 0) == len(b) }

// repairQuoted appends to dst the JSON form of the single-quoted object at
// the start of src, and returns the bytes of src it spans. ok is false if
// src ends before the object does.
func repairQuoted(dst, src []byte) (out []byte, n int, ok bool) {
	depth := 0
	i := skipSpace(src, 0)
	for i < len(src) {
		c := src[i]
		switch c {
		case '\'':
			var end int
			dst, end = quotedString(dst, src, i+1)
			if end < 0 {
				return dst, 0, false
			}
			i = end
			continue
		case '"':
			// A double-quoted string among single-quoted ones: copy it.
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(src) {
				return dst, 0, false
			}
			dst = append(dst, src[i:j+1]...)
			i = j + 1
			continue
		case ' ', '\t', '\n', '\r':
			// White space between tokens is dropped, so that the repaired
			// object stays on one line.
			i++
			continue
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth <= 0 {
				return append(dst, c), i + 1, depth == 0
			}
		}
		dst = append(dst, c)
		i++
	}
	return dst, 0, false
}

// quotedString appends the JSON string for the single-quoted string whose
// contents start at src[i], and returns the index after its closing quote,
// or -1 if there is none.
func quotedString(dst, src []byte, i int) ([]byte, int) {
	dst = append(dst, '"')
	for i < len(src) {
		// The bytes up to the next one to look at are copied as they are.
		if j := quoteStop(src, i); j > i {
			dst = append(dst, src[i:j]...)
			if i = j; i == len(src) {
				break
			}
		}
		c := src[i]
		switch {
		case c == '\\' && i+1 < len(src):
			switch e := src[i+1]; e {
			case '\'':
				dst = append(dst, '\'')
			case '\\', '"', '/', 'n', 't', 'r', 'b', 'f', 'u':
				dst = append(dst, '\\', e)
			default:
				// A lone backslash: keep it as a character.
				dst = append(dst, '\\', '\\')
				i++
				continue
			}
			i += 2
			continue
		case c == '\'':
			if closesString(src, i+1) {
				return append(dst, '"'), i + 1
			}
			dst = append(dst, '\'')
		case c == '"':
			dst = append(dst, '\\', '"')
		case c == '\\':
			dst = append(dst, '\\', '\\')
		case c < 0x20:
			switch c {
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\t':
				dst = append(dst, '\\', 't')
			case '\r':
				dst = append(dst, '\\', 'r')
			default:
				const hex = "0123456789abcdef"
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
			}
		default:
			dst = append(dst, c)
		}
		i++
	}
	return dst, -1
}

// quoteStop returns the index of the first byte from src[i] on that
// quotedString must look at: a quote of either kind, a backslash or a
// control byte; len(src) if there is none. It reads eight bytes at a time
// (see swar.Ones: a borrow out of a byte that matched can only flag bytes
// after it).
func quoteStop(src []byte, i int) int {
	for ; i+8 <= len(src); i += 8 {
		x := binary.LittleEndian.Uint64(src[i:])
		d := x ^ (swar.Ones * '"')
		q := x ^ (swar.Ones * '\'')
		b := x ^ (swar.Ones * '\\')
		m := ((d-swar.Ones)&^d | (q-swar.Ones)&^q | (b-swar.Ones)&^b | (x-swar.Ones*0x20)&^x) & swar.Highs
		if m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for ; i < len(src); i++ {
		if c := src[i]; c == '"' || c == '\'' || c == '\\' || c < 0x20 {
			return i
		}
	}
	return len(src)
}

// closesString reports whether a single quote followed by src[i:] ends a
// string: what follows is where a string can end.
func closesString(src []byte, i int) bool {
	i = skipSpace(src, i)
	if i >= len(src) {
		return true
	}
	switch src[i] {
	case ':', '}', ']':
		return true
	case ',':
		i = skipSpace(src, i+1)
		if i >= len(src) {
			return true
		}
		switch src[i] {
		case '\'', '"', '{', '[', '}', ']':
			return true
		}
	}
	return false
}
