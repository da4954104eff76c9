// Package intern turns repeated byte strings into shared Go strings, so that
// decoders can hand out strings that are safe to keep without allocating
// for values they have seen before.
package intern

import (
	"encoding/binary"
	"math/bits"
)

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
	if t.entries == nil {
		t.entries = make([]entry, slots)
		t.tick = make([]uint8, sets)
	}
	h := hash(b)
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

// hash mixes the length and up to four 8-byte words of b: its start, its
// end and two points between. It reads every byte of values up to 16 bytes
// and samples longer ones; a match is always confirmed by comparing the
// whole value, so a weak spot costs a miss, never a wrong string.
func hash(b []byte) uint64 {
	const m = 0x9e3779b97f4a7c15
	n := len(b)
	h := uint64(n) * m
	if n < 8 {
		var w uint64
		for _, c := range b {
			w = w<<8 | uint64(c)
		}
		return mix(h ^ w)
	}
	h = mix(h ^ binary.LittleEndian.Uint64(b))
	h = mix(h ^ binary.LittleEndian.Uint64(b[n-8:]))
	if n > 16 {
		h = mix(h ^ binary.LittleEndian.Uint64(b[n/2-4:]))
		h = mix(h ^ binary.LittleEndian.Uint64(b[n/4:]))
		h = mix(h ^ binary.LittleEndian.Uint64(b[n-n/4-8:]))
	}
	return h
}

func mix(x uint64) uint64 {
	hi, lo := bits.Mul64(x, 0xbf58476d1ce4e5b9)
	return hi ^ lo
}

// Slot returns a string equal to b, first trying *prev (the value the same
// field had last time), then the table; it stores the result in *prev.
// Records repeat their neighbours' values field by field (the same caller,
// claim names in the same order), so most calls end at one comparison.
func (t *Table) Slot(prev *string, b []byte) string {
	if *prev == string(b) {
		return *prev
	}
	s := t.Bytes(b)
	*prev = s
	return s
}
