// Package intern turns repeated byte strings into shared Go strings, so that
// decoders can hand out strings that are safe to keep without allocating
// for values they have seen before.
package intern

import (
	"encoding/binary"
	"hash/maphash"
	"math/bits"
)

// MaxLen is the longest value a Table keeps; longer ones are returned as new
// strings every time.
const MaxLen = 1024

const (
	ways = 4
	// minSets and maxSets bound the table: it starts at 4×256 entries and
	// doubles, whenever it has missed more times than it has sets since it
	// last grew, up to 4×32768 entries (3 MiB of headers at most).
	minSets = 1 << 8
	maxSets = 1 << 15
)

type entry struct {
	hash uint64
	s    string
}

// Table is a bounded cache of strings: a set-associative table that grows
// while values keep missing but never past a fixed number of entries, so hostile input with endless
// distinct values costs allocations but not memory. The zero Table is ready
// to use. A Table is not safe for concurrent use.
type Table struct {
	entries []entry
	tick    []uint8 // which way of each set to replace next
	mask    uint64  // number of sets - 1
	misses  int     // misses since the table last grew
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
		t.resize(minSets)
	}
	h := hash(b)
	a, c := t.sets(h)
	for _, e := range [2][]entry{a, c} {
		for i := range e {
			if e[i].hash == h && e[i].s == string(b) {
				return e[i].s
			}
		}
	}
	s := string(b)
	t.put(h, s)
	t.misses++
	if n := len(t.tick); t.misses > n && n < maxSets {
		t.resize(2 * n)
	}
	return s
}

// sets returns the two sets where a value with hash h may be: two choices
// keep every set's load near the average, so a table well below capacity
// rarely evicts.
func (t *Table) sets(h uint64) (a, b []entry) {
	i := int(h&t.mask) * ways
	j := int((h>>32)&t.mask) * ways
	return t.entries[i : i+ways : i+ways], t.entries[j : j+ways : j+ways]
}

func (t *Table) put(h uint64, s string) {
	a, b := t.sets(h)
	for _, e := range [2][]entry{a, b} {
		for i := range e {
			if e[i].s == "" {
				e[i] = entry{hash: h, s: s}
				return
			}
		}
	}
	set := int(h & t.mask)
	w := t.tick[set]
	t.tick[set] = (w + 1) % ways
	a[w] = entry{hash: h, s: s}
}

// resize makes the table n sets large, keeping what it holds.
func (t *Table) resize(n int) {
	old := t.entries
	t.entries = make([]entry, n*ways)
	t.tick = make([]uint8, n)
	t.mask = uint64(n - 1)
	t.misses = 0
	for _, e := range old {
		if e.s != "" {
			t.put(e.hash, e.s)
		}
	}
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

// Memo remembers what a parser made of a sub-document (a token's claims,
// say), keyed by the sub-document's exact bytes, so that the same bytes seen
// again cost a comparison instead of a parse. It holds at most a fixed
// number of entries (a direct-mapped cache), each with its own copy of the
// bytes. The zero Memo is ready to use; it is not safe for concurrent use.
//
// Entries are found by a hash of the first Prefix bytes and confirmed by
// comparing all the remembered bytes with the input in place, so the caller
// need not find where the sub-document ends: when the input starts with the
// complete bytes of a JSON value, that value is those bytes.
type Memo[T any] struct {
	// Size is the most entries the memo holds, a power of two (0 means
	// 1024); it starts with 16 and doubles whenever it has missed more
	// times than it has entries, so a decoder that sees few records stays
	// small. Prefix is how many leading bytes the key hashes (0 means
	// 128). Sub-documents shorter than Prefix are not remembered. Set
	// both before the first use.
	Size, Prefix int
	seed         maphash.Seed
	entries      []memoEntry[T]
	misses       int
}

type memoEntry[T any] struct {
	hash uint64
	raw  []byte
	val  T
}

func (m *Memo[T]) init() {
	if m.Size <= 0 {
		m.Size = 1024
	}
	if m.Prefix <= 0 {
		m.Prefix = 128
	}
	m.seed = maphash.MakeSeed()
	m.entries = make([]memoEntry[T], 16)
}

// grow doubles the memo, keeping its entries.
func (m *Memo[T]) grow() {
	old := m.entries
	m.entries = make([]memoEntry[T], 2*len(old))
	m.misses = 0
	for _, e := range old {
		if e.raw != nil {
			m.entries[e.hash&uint64(len(m.entries)-1)] = e
		}
	}
}

// Find looks for a remembered sub-document at the start of b, and returns
// its value and length.
func (m *Memo[T]) Find(b []byte) (val *T, n int, ok bool) {
	if m.entries == nil || len(b) < m.Prefix {
		return nil, 0, false
	}
	h := maphash.Bytes(m.seed, b[:m.Prefix])
	e := &m.entries[h&uint64(len(m.entries)-1)]
	if e.hash == h && len(e.raw) <= len(b) && string(e.raw) == string(b[:len(e.raw)]) {
		return &e.val, len(e.raw), true
	}
	return nil, 0, false
}

// Put remembers raw, a complete sub-document, and returns the storage for
// its value, which the caller fills (it is reused when the slot is
// replaced). It returns nil when raw is shorter than Prefix.
func (m *Memo[T]) Put(raw []byte) *T {
	if m.entries == nil {
		m.init()
	}
	if len(raw) < m.Prefix {
		return nil
	}
	if m.misses++; m.misses > len(m.entries) && len(m.entries) < m.Size {
		m.grow()
	}
	h := maphash.Bytes(m.seed, raw[:m.Prefix])
	e := &m.entries[h&uint64(len(m.entries)-1)]
	e.hash = h
	e.raw = append(e.raw[:0], raw...)
	return &e.val
}

// RecentSize is how many strings a Recent holds. With 8, the categories
// and operation names of a mixed Event Hub (a dozen or two of each) evicted
// one another; 16 decodes mixed resource logs 1.4% faster, 32 no faster.
const RecentSize = 16

// Recent remembers the last few strings one place (a field, a member name)
// held, to be tried before the table: a place whose values repeat among a
// few (the categories on an Event Hub, its resources, HTTP methods) finds
// them with one comparison, in memory the processor has at hand. The zero
// Recent is ready to use.
type Recent [RecentSize]string

// Recent returns a string equal to b, first trying the entry of r that b's
// length and a few of its bytes pick, then the table; it stores the result
// in that entry.
func (t *Table) Recent(r *Recent, b []byte) string {
	n := len(b)
	if n == 0 {
		return ""
	}
	i := (uint(n) + 3*uint(b[n-1]) + 5*uint(b[n/2])) % RecentSize
	if r[i] == string(b) {
		return r[i]
	}
	s := t.Bytes(b)
	r[i] = s
	return s
}
