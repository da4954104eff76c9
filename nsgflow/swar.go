package nsgflow

import (
	"encoding/binary"
	"math/bits"
	"sync/atomic"
)

// This file reads the numbers and addresses of a tuple eight bytes at a
// time ("SIMD within a register"): one 64-bit load takes eight bytes, the
// first of them in the low byte (little-endian order), and a few
// arithmetic operations on the word do what a loop would do byte by byte.
// Every load stays inside the slice: see load8.

// Repeated bytes, for operating on the eight bytes of a word at once.
const (
	ones8   = 0x0101010101010101
	high8   = 0x80 * ones8
	lowNib8 = 0x0F0F0F0F0F0F0F0F
)

// load8 returns the eight bytes of b from p on as a little-endian word:
// b[p] is its low byte. Where fewer than eight bytes remain, the missing
// high bytes are zero: it loads the last eight bytes of b and shifts the
// bytes before p out, so that it never reads past b. b must hold at least
// eight bytes, and p ≤ len(b); at p == len(b) the word is zero.
func load8(b []byte, p int) uint64 {
	if p+8 <= len(b) {
		return binary.LittleEndian.Uint64(b[p : p+8])
	}
	// The shift is 8 to 64 bits; Go shifts an unsigned word by 64 to 0.
	return binary.LittleEndian.Uint64(b[len(b)-8:]) >> (8 * uint(p+8-len(b)))
}

// digitRun returns how many of x's bytes, from the low one up, are ASCII
// digits before the first that is not: 0 to 8.
//
// d = x - '0' in every byte makes a digit 0 to 9. A byte is not a digit
// when d has its high bit set (the byte was below '0', or at least 0x80
// above it) or when d+0x76 does (d from 10 up: 10+0x76 = 0x80). The
// subtraction may borrow, and the addition carry, from one byte into the
// next, but only out of a byte that is not a digit, and only into the
// byte above it; the bytes up to the first non-digit are therefore exact,
// and the lowest flagged byte is the first non-digit.
func digitRun(x uint64) int {
	d := x - 0x30*ones8
	m := (d | (d + 0x76*ones8)) & high8
	return bits.TrailingZeros64(m) >> 3 // 64 (no flag) gives 8
}

// digitsValue returns the value of the k decimal digits in the low bytes
// of x (0 ≤ k ≤ 8; the first digit, the most significant, in the low
// byte). The bytes above the digits are ignored.
//
// Shifting left by 8*(8-k) drops the bytes after the digits and puts the
// digits in the high bytes, below them zeros: the number padded with
// leading zeros to eight digits. Masking with 0x0F turns ASCII digits
// into their values. Then three multiplications combine neighbours:
// bytes into pairs (10*a + b in every other byte), pairs into fours
// (100*ab + cd in every other 16 bits), fours into the eight-digit value
// (10000*abcd + efgh). Each step's sums fit their lanes (99, 9999,
// 99999999), so no lane carries into the next.
func digitsValue(x uint64, k int) uint64 {
	return combineDigits((x << (64 - 8*uint(k))) & lowNib8) // k = 0 shifts by 64: zero
}

// digitsValue1 is digitsValue for 1 ≤ k ≤ 8 (for other k, its result is
// meaningless), without the care a shift by 64 takes.
func digitsValue1(x uint64, k int) uint64 {
	return combineDigits((x << ((64 - 8*uint(k)) & 63)) & lowNib8)
}

// combineDigits returns the eight-digit number whose digits, values 0 to
// 9, are x's bytes, the most significant in the low byte.
func combineDigits(x uint64) uint64 {
	x = (x * (10<<8 + 1)) >> 8
	x = ((x & 0x00FF00FF00FF00FF) * (100<<16 + 1)) >> 16
	return ((x & 0x0000FFFF0000FFFF) * (10000<<32 + 1)) >> 32
}

// pow10 holds 10^k for the digit counts of one word.
var pow10 = [9]uint64{1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000}

// number reads the decimal digits of b from p on, eight at a time, and
// returns their value, which wraps around past 19 digits, and the
// position after them. len(b) must be at least 8, and p ≤ len(b).
func number(b []byte, p int) (n uint64, q int) {
	x := load8(b, p)
	k := digitRun(x)
	n = digitsValue(x, k)
	for k == 8 { // the word was all digits: there may be more
		// The next word is at p+8 whatever the digits, so the processor
		// can load it before k is known.
		p += 8
		x = load8(b, p)
		k = digitRun(x)
		n = n*pow10[k] + digitsValue(x, k)
	}
	return n, p + k
}

// shortNumber reads a number of at most eight digits at p with one load,
// and returns its value, its digit count k (8 when there may be more),
// and the byte after the digits (0 past the end of b, and when k is 8).
// len(b) must be at least 8, and p ≤ len(b).
func shortNumber(b []byte, p int) (n uint64, k int, next byte) {
	x := load8(b, p)
	k = digitRun(x)
	return digitsValue(x, k), k, byte(x >> (8 * uint(k))) // a shift by 64 gives 0
}

// ipv4 reads a dotted quad at p that is followed by a comma, as
// netaddr.ParseAddrUntil(b[p:], ',') reads one: four numbers of one to
// three digits, at most 255, without leading zeros. It returns the
// address as a big-endian word and the position of the comma. For
// anything else, IPv6 included, ok is false. len(b) must be at least 8,
// and p ≤ len(b).
func ipv4(b []byte, p int) (ip uint32, q int, ok bool) {
	for i := range 4 {
		v, k, sep := shortNumber(b, p)
		// One to three digits; a leading zero only alone; and a dot
		// after the first three numbers, a comma after the last.
		want := byte('.')
		if i == 3 {
			want = ','
		}
		if uint(k-1) > 2 || v > 255 || (k > 1 && b[p] == '0') || sep != want {
			return 0, 0, false
		}
		ip = ip<<8 | uint32(v)
		p += k + 1
	}
	return ip, p - 1, true
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
		t := load8(b, p) ^ (',' * ones8)
		if m := (t - ones8) &^ t & high8; m != 0 {
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
	key.k0 = load8(b, s) & (^uint64(0) >> (8 * (8 - min(n, 8)) & 63))
	key.k1 = load8(b, s+8)&(uint64(1)<<(8*(max(n, 8)-8)&63)-1) | uint64(n)<<56
	// Multiplying by an odd constant and keeping the top bits
	// (Fibonacci hashing) mixes the bits of both words into the index.
	h := ((key.k0 ^ key.k1*0xff51afd7ed558ccd) * 0x9E3779B97F4A7C15) >> (64 - addrCacheBits)
	return &c.entries[h], key
}
