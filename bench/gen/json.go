package gen

import "strconv"

// writer appends JSON to a byte slice. It tracks, per open object or array,
// whether a member was written, so callers never manage commas. It does no
// validation: the generator is its only user and always closes what it opens.
type writer struct {
	b    []byte
	more []bool // one flag per open container: a member was written
}

func (w *writer) reset(dst []byte) {
	w.b = dst
	w.more = w.more[:0]
}

// sep writes the comma that precedes every member but the first.
func (w *writer) sep() {
	if n := len(w.more); n > 0 {
		if w.more[n-1] {
			w.b = append(w.b, ',')
		}
		w.more[n-1] = true
	}
}

func (w *writer) key(k string) {
	w.sep()
	w.b = appendString(w.b, k)
	w.b = append(w.b, ':')
}

// beginObject opens an object: the member k, or an element or top-level
// value when k is empty. beginArray does the same for arrays.
func (w *writer) beginObject(k string) {
	if k != "" {
		w.key(k)
	} else {
		w.sep()
	}
	w.b = append(w.b, '{')
	w.more = append(w.more, false)
}

func (w *writer) beginArray(k string) {
	if k != "" {
		w.key(k)
	} else {
		w.sep()
	}
	w.b = append(w.b, '[')
	w.more = append(w.more, false)
}

func (w *writer) endObject() {
	w.more = w.more[:len(w.more)-1]
	w.b = append(w.b, '}')
}

func (w *writer) endArray() {
	w.more = w.more[:len(w.more)-1]
	w.b = append(w.b, ']')
}

// str writes "k":"v".
func (w *writer) str(k, v string) {
	w.key(k)
	w.b = appendString(w.b, v)
}

// strBytes writes "k":"v" with v given as bytes; it is how JSON text nested
// in a string member (requestbody, policies …) gets its second escaping.
func (w *writer) strBytes(k string, v []byte) {
	w.key(k)
	w.b = appendStringBytes(w.b, v)
}

// elem writes one string element of an array.
func (w *writer) elem(v string) {
	w.sep()
	w.b = appendString(w.b, v)
}

func (w *writer) int(k string, v int64) {
	w.key(k)
	w.b = strconv.AppendInt(w.b, v, 10)
}

func (w *writer) bool(k string, v bool) {
	w.key(k)
	w.b = strconv.AppendBool(w.b, v)
}

func (w *writer) null(k string) {
	w.key(k)
	w.b = append(w.b, "null"...)
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string, escaping what JSON requires.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		dst = append(dst, s[start:i]...)
		dst = appendEscape(dst, c)
		start = i + 1
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

func appendStringBytes(dst []byte, s []byte) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		dst = append(dst, s[start:i]...)
		dst = appendEscape(dst, c)
		start = i + 1
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

func appendEscape(dst []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(dst, '\\', c)
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	}
	return append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
}
