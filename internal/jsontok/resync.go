package jsontok

import "bytes"

// Inside an array, a record whose brackets do not balance (cut short, a
// brace too many or too few) has no clear end: the bracket scan runs on
// into the records after it. Resync finds where the next good record
// starts, so that one damaged record costs only itself.
//
// A candidate is a '{' after a comma, opening with the first member name
// of a record this stream has already decoded (records of one source share
// it: "time", "category"…). Nested objects rarely start with a record's
// first member, so the first candidate is taken, even when it is damaged
// too: then it is reported in turn.

// maxFirstKeys is how many distinct first member names a stream learns.
const maxFirstKeys = 16

// learn remembers the first member name of a good record.
func (s *Stream) learn(raw []byte) {
	if len(raw) < 3 || raw[0] != '{' || raw[1] != '"' {
		return
	}
	end := bytes.IndexByte(raw[2:], '"')
	if end < 0 {
		return
	}
	key := raw[:end+3] // {"name"
	for _, k := range s.firstKeys {
		if bytes.Equal(k, key) {
			return
		}
	}
	if n := len(s.firstKeys); n < maxFirstKeys {
		s.keyStore[n] = append(s.keyStore[n][:0], key...)
		s.firstKeys = append(s.firstKeys, s.keyStore[n])
	}
}

// Resync looks inside the current bad record of an array for the start of
// the next good one. When it finds one, it ends the bad record before it,
// moves the stream there and returns true.
func (s *Stream) Resync(rec *Record) bool {
	if s.framing == FramingLines || s.framing == FramingUnknown || len(rec.Raw) < 2 || (s.st != stArrayMore && s.st != stDone) {
		return false
	}
	if len(s.firstKeys) == 0 && s.RecordKey == nil {
		// Nothing tells a record's start from a nested object's: better
		// one report too large than a nested object taken for a record.
		return false
	}
	r := &s.r
	from := int(rec.Start-r.base) + 1
	to := int(rec.Start-r.base) + len(rec.Raw)
	if from < 0 || to > r.end {
		return false
	}
	b := r.buf[:r.end]
	for i := from; i < to; i++ {
		j := bytes.IndexByte(b[i:to], '{')
		if j < 0 {
			return false
		}
		i += j
		comma := i - 1
		for comma >= from && isSpace(b[comma]) {
			comma--
		}
		if comma < from || b[comma] != ',' || !s.startsRecord(b[i:]) {
			continue
		}
		// A record between the bad one and this one, damaged in its
		// first member name, is still a whole object up to this comma.
		if k, kc := s.wholeObjectBefore(b, from, comma); k >= 0 {
			i, comma = k, kc
		}
		// The bad record ends before the comma; the stream goes on at
		// the comma, as after any record.
		rec.Raw = trimSpace(b[rec.Start-r.base : comma])
		r.pos = comma
		r.err = nil
		s.err = nil
		s.discard = discardNone
		s.st = stArrayMore
		s.noComma = false
		return true
	}
	return false
}

// startsRecord reports whether b opens with the first member name of a
// record seen before, or with one the family's schema defines.
func (s *Stream) startsRecord(b []byte) bool {
	for _, k := range s.firstKeys {
		if bytes.HasPrefix(b, k) {
			return true
		}
	}
	if s.RecordKey != nil && len(b) > 2 && b[1] == '"' {
		if end := bytes.IndexByte(b[2:], '"'); end >= 0 && s.RecordKey(b[2:2+end]) {
			return true
		}
	}
	return s.cutShort(b)
}

// cutShort reports whether b is a record cut short inside its first member
// name: the name stops (at a comma or a closer) partway through a known
// first name. Such bytes are never valid JSON, so they are a record's
// remains, not a nested object.
func (s *Stream) cutShort(b []byte) bool {
	// A lone brace before a comma is not taken: a record cut short often
	// ends in ",{" itself (a nested object it was about to open).
	if len(b) < 2 || b[1] != '"' {
		return false
	}
	k := 2
	for k < len(b) && b[k] != '"' && b[k] != ',' && b[k] != '}' && b[k] != ']' {
		k++
	}
	if k >= len(b) || b[k] == '"' {
		return false // a whole name: not cut inside it
	}
	part := b[2:k]
	if len(part) == 0 {
		return false // `{"` then a comma: likely a nested object cut short
	}
	for _, key := range s.firstKeys {
		if bytes.HasPrefix(key[2:], part) { // key is {"name"
			return true
		}
	}
	return false
}

// wholeObjectBefore finds the earliest '{' after a comma in b[from:comma]
// whose brackets close just before b[comma]: a record lying between the
// bad one and the next good one. It returns the brace's and its comma's
// offsets, or -1.
func (s *Stream) wholeObjectBefore(b []byte, from, comma int) (int, int) {
	for k := from; k < comma; k++ {
		j := bytes.IndexByte(b[k:comma], '{')
		if j < 0 {
			return -1, -1
		}
		k += j
		c := k - 1
		for c >= from && isSpace(b[c]) {
			c--
		}
		if c < from || b[c] != ',' || k+1 >= len(b) || b[k+1] != '"' {
			continue
		}
		e := balancedEnd(b[:comma], k)
		if e < 0 {
			continue
		}
		for e < comma && isSpace(b[e]) {
			e++
		}
		if e == comma {
			return k, c
		}
	}
	return -1, -1
}

// balancedEnd returns the offset just past the value that starts with a
// bracket at b[i], counting brackets outside strings, or -1 if it does not
// end within b.
func balancedEnd(b []byte, i int) int {
	depth := 0
	for i < len(b) {
		switch b[i] {
		case '"':
			j := i + 1
			for {
				j = stopIndex(b, j, len(b))
				if j >= len(b) {
					return -1
				}
				if b[j] == '\\' {
					j += 2
					continue
				}
				if b[j] == '"' {
					break
				}
				j++
			}
			i = j + 1
			continue
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
		i++
	}
	return -1
}
