package aztime

import (
	"encoding/binary"
	"time"
)

// Memo is Parse with a memory of the last ISO 8601 time's date, hour and
// minute. The times of one stream (a blob holds an hour of records, an Event
// Hubs message a few seconds) share them, so most times cost the reading
// of their seconds, fraction and zone only. A Memo gives the results Parse
// gives, for every input. The zero Memo is ready to use; it is not safe for
// concurrent use (a decoder holds one).
type Memo struct {
	// key is the first 16 bytes, yyyy-mm-ddThh:mm, of the last ISO time
	// read in full; base their Unix seconds, zone offset not applied.
	key  [2]uint64
	base int64
	ok   bool
}

// Parse is Parse, faster for an ISO time whose first 16 bytes are those of
// the last one.
func (m *Memo) Parse(b []byte) (time.Time, Layout, bool) {
	if len(b) < 19 || b[16] != ':' {
		return Parse(b)
	}
	key := [2]uint64{binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint64(b[8:])}
	if !m.ok || key != m.key {
		base, ok := minuteBase(b)
		if !ok {
			return Parse(b)
		}
		m.key, m.base, m.ok = key, base, true
	}
	if t, ok := m.seconds(b); ok {
		return t, LayoutISO, true
	}
	return time.Time{}, LayoutUnknown, false
}

// minuteBase reads the date, hour and minute of an ISO time written
// yyyy-mm-ddThh:mm:… (a two-digit hour) and returns their Unix seconds,
// checking them as parseISO and build do.
func minuteBase(b []byte) (int64, bool) {
	y, ok1 := num4(b, 0)
	mo, ok2 := num2(b, 5)
	d, ok3 := num2(b, 8)
	h, ok4 := num2(b, 11)
	mi, ok5 := num2(b, 14)
	if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 || b[4] != '-' || b[7] != '-' || b[13] != ':' {
		return 0, false
	}
	if c := b[10]; c != 'T' && c != 't' && c != ' ' {
		return 0, false
	}
	if y < 1 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || d > 28 && d > daysIn(mo, y) {
		return 0, false
	}
	return unixDays(y, mo, d)*secondsPerDay + int64(h*3600+mi*60), true
}

// seconds reads the rest of an ISO time whose first 16 bytes are the
// memo's: ":ss", then what isoTail reads.
func (m *Memo) seconds(b []byte) (time.Time, bool) {
	s, ok := num2(b, 17)
	if !ok || s > 59 {
		return time.Time{}, false
	}
	ns, off, ok := isoTail(b, 19)
	if !ok {
		return time.Time{}, false
	}
	sec := m.base + int64(s-off)
	if sec < minUnix || sec > maxUnix {
		return time.Time{}, false
	}
	return time.Unix(sec, int64(ns)).UTC(), true
}
