package nsgflow

import (
	"math/bits"
	"sync/atomic"

	"github.com/azlogs/azlogs/internal/swar"
)

// This file holds what the tuple parser adds to internal/swar (which
// reads eight bytes at a time): numbers of any length, the search for a
// comma, and a cache of addresses.

// pow10 holds 10^k for the digit counts of one word.
var pow10 = [9]uint64{1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000}

// number reads the decimal digits of b from p on, eight at a time, and
// returns their value, which wraps around past 19 digits, and the
// position after them. len(b) must be at least 8, and p ≤ len(b).
func number(b []byte, p int) (n uint64, q int) {
	x := swar.Load8(b, p)
	k := swar.DigitRun(x)
	n = swar.DigitsValue(x, k)
	for k == 8 { // the word was all digits: there may be more
		// The next word is at p+8 whatever the digits, so the processor
		// can load it before k is known.
		p += 8
		x = swar.Load8(b, p)
		k = swar.DigitRun(x)
		n = n*pow10[k] + swar.DigitsValue(x, k)
	}
	return n, p + k
}

// commaAt returns the position of the first comma in b from p on, or
// len(b) if there is none. len(b) must be at least 8, and p ≤ len(b).
//
// x ^ ",,,,,,,," makes the commas zero bytes; t-0x01 in every byte
// borrows into the high bit of a zero byte, and ^t keeps only the bytes
// that had it clear. A borrow travels up only out of a zero byte, so the
// lowest flagged byte is the first comma.
func commaAt(b []byte, p int) int {
	for ; p < len(b); p += 8 {
		t := swar.Load8(b, p) ^ (',' * swar.Ones)
		if m := (t - swar.Ones) &^ t & swar.Highs; m != 0 {
			return min(p+bits.TrailingZeros64(m)>>3, len(b))
		}
	}
	return len(b)
}

// addrCache remembers IPv4 addresses by their text, so that a decoder
// reads each distinct address once: flow logs repeat a few hundred
// addresses over thousands of tuples. An entry holds the text of an
// address that parsed, and the address; a lookup compares the whole text,
// so a hit gives what parsing would, however old the entry.
//
// A decoder owns one, which its records' tuple iterators share. The
// records stay safe to read from several goroutines at once: an iterator
// uses the cache only if it can claim it (see claim), and parses every
// address otherwise.
type addrCache struct {
	busy    atomic.Bool
	entries [addrCacheSize]addrEntry
}

const (
	addrCacheBits = 11
	addrCacheSize = 1 << addrCacheBits
)

// claim returns c if no other iteration uses it, having marked it used;
// else, or if c is nil, it returns nil, which parses without a cache.
func (c *addrCache) claim() *addrCache {
	if c != nil && c.busy.CompareAndSwap(false, true) {
		return c
	}
	return nil
}

// release gives back a cache that claim returned; it does nothing for
// nil.
func (c *addrCache) release() {
	if c != nil {
		c.busy.Store(false)
	}
}

// addrEntry is an address of 7 to 15 bytes: its first eight bytes in k0,
// the others in the low bytes of k1 (zeros after the text), its length in
// the top byte of k1. Every filled entry has a length, so a zero entry
// matches nothing.
type addrEntry struct {
	k0, k1 uint64
	ip     uint32
}

// lookup returns the entry that would hold the address b[s:e], and that
// address's key: the entry holds it if their k0 and k1 are equal. len(b)
// must be at least 8, and 7 ≤ e-s ≤ 15, e < len(b).
func (c *addrCache) lookup(b []byte, s, e int) (slot *addrEntry, key addrEntry) {
	n := uint(e - s)
	// The text's bytes only: the first eight (seven when n is 7), and n-8
	// of the next word (none when n is 7 or 8).
	key.k0 = swar.Load8(b, s) & (^uint64(0) >> (8 * (8 - min(n, 8)) & 63))
	key.k1 = swar.Load8(b, s+8)&(uint64(1)<<(8*(max(n, 8)-8)&63)-1) | uint64(n)<<56
	// Multiplying by an odd constant and keeping the top bits
	// (Fibonacci hashing) mixes the bits of both words into the index.
	h := ((key.k0 ^ key.k1*0xff51afd7ed558ccd) * 0x9E3779B97F4A7C15) >> (64 - addrCacheBits)
	return &c.entries[h], key
}
