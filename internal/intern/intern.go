// Package intern turns repeated byte strings into shared Go strings, so that
// decoders can hand out strings that are safe to keep without allocating
// for values they have seen before.
package intern

import "hash/maphash"

// MaxLen is the longest value a Table keeps; longer ones are returned as new
// strings every time.
const MaxLen = 1024

const (
	ways  = 2
	sets  = 4096
	slots = ways * sets
)

type entry struct {
	hash uint64
	s    string
}

// Table is a bounded cache of strings: a set-associative table whose memory
// never grows past a fixed number of entries, so hostile input with endless
// distinct values costs allocations but not memory. The zero Table is ready
// to use. A Table is not safe for concurrent use.
type Table struct {
	seed    maphash.Seed
	seeded  bool
	entries []entry
	tick    []uint8 // which way of each set to replace next
}

// Bytes returns a string equal to b, reusing an earlier one when the table
// holds it. It allocates only for a value it does not hold.
func (t *Table) Bytes(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > MaxLen {
		return string(b)
	}
	if !t.seeded {
		t.seed = maphash.MakeSeed()
		t.seeded = true
		t.entries = make([]entry, slots)
		t.tick = make([]uint8, sets)
	}
	h := maphash.Bytes(t.seed, b)
	set := int(h&(sets-1)) * ways
	e := t.entries[set : set+ways : set+ways]
	for i := range e {
		if e[i].hash == h && e[i].s == string(b) {
			return e[i].s
		}
	}
	s := string(b)
	w := t.tick[set/ways]
	t.tick[set/ways] = (w + 1) % ways
	e[w] = entry{hash: h, s: s}
	return s
}
