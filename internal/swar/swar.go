// Package swar reads bytes eight at a time ("SIMD within a register"):
// one 64-bit load takes eight bytes, the first of them in the low byte
// (little-endian order), and a few arithmetic operations on the word do
// what a loop would do byte by byte, without a branch on where in the word
// the bytes of interest end. The decoders read numbers, addresses and the
// ends of tokens with it.
package swar

import (
	"encoding/binary"
	"math/bits"
)

// Repeated bytes, for operating on the eight bytes of a word at once.
const (
	Ones       = 0x0101010101010101
	Highs      = 0x80 * Ones
	LowNibbles = 0x0F0F0F0F0F0F0F0F
)

// Load8 returns the eight bytes of b from p on as a little-endian word:
// b[p] is its low byte. Where fewer than eight bytes remain, the missing
// high bytes are zero: it loads the last eight bytes of b and shifts the
// bytes before p out, so that it never reads past b. b must hold at least
// eight bytes, and p ≤ len(b); at p == len(b) the word is zero.
func Load8(b []byte, p int) uint64 {
	if p+8 <= len(b) {
		return binary.LittleEndian.Uint64(b[p : p+8])
	}
	// The shift is 8 to 64 bits; Go shifts an unsigned word by 64 to 0.
	return binary.LittleEndian.Uint64(b[len(b)-8:]) >> (8 * uint(p+8-len(b)))
}

// DigitRun returns how many of x's bytes, from the low one up, are ASCII
// digits before the first that is not: 0 to 8.
//
// d = x - '0' in every byte makes a digit 0 to 9. A byte is not a digit
// when d has its high bit set (the byte was below '0', or at least 0x80
// above it) or when d+0x76 does (d from 10 up: 10+0x76 = 0x80). The
// subtraction may borrow, and the addition carry, from one byte into the
// next, but only out of a byte that is not a digit, and only into the
// byte above it; the bytes up to the first non-digit are therefore exact,
// and the lowest flagged byte is the first non-digit.
func DigitRun(x uint64) int {
	d := x - 0x30*Ones
	m := (d | (d + 0x76*Ones)) & Highs
	return bits.TrailingZeros64(m) >> 3 // 64 (no flag) gives 8
}

// DigitsValue returns the value of the k decimal digits in the low bytes
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
func DigitsValue(x uint64, k int) uint64 {
	return CombineDigits((x << (64 - 8*uint(k))) & LowNibbles) // k = 0 shifts by 64: zero
}

// DigitsValue1 is DigitsValue for 1 ≤ k ≤ 8 (for other k, its result is
// meaningless), without the care a shift by 64 takes.
func DigitsValue1(x uint64, k int) uint64 {
	return CombineDigits((x << ((64 - 8*uint(k)) & 63)) & LowNibbles)
}

// CombineDigits returns the eight-digit number whose digits, values 0 to
// 9, are x's bytes, the most significant in the low byte.
func CombineDigits(x uint64) uint64 {
	x = (x * (10<<8 + 1)) >> 8
	x = ((x & 0x00FF00FF00FF00FF) * (100<<16 + 1)) >> 16
	return ((x & 0x0000FFFF0000FFFF) * (10000<<32 + 1)) >> 32
}

// ShortNumber reads a number of at most eight digits at p with one load,
// and returns its value, its digit count k (8 when there may be more),
// and the byte after the digits (0 past the end of b, and when k is 8).
// len(b) must be at least 8, and p ≤ len(b).
func ShortNumber(b []byte, p int) (n uint64, k int, next byte) {
	x := Load8(b, p)
	k = DigitRun(x)
	return DigitsValue(x, k), k, byte(x >> (8 * uint(k))) // a shift by 64 gives 0
}

// IPv4 reads a dotted quad at p: four numbers of one to three digits, at
// most 255, without leading zeros, separated by dots. It returns the
// address as a big-endian word and the position after it; what follows
// is the caller's to check. For anything else, IPv6 included, ok is
// false. len(b) must be at least 8, and p ≤ len(b).
func IPv4(b []byte, p int) (ip uint32, q int, ok bool) {
	for i := range 4 {
		x := Load8(b, p)
		k := DigitRun(x)
		// The number's digits shifted to the top three bytes (zeros
		// above a shorter one): two independent multiplications, where
		// DigitsValue takes three in a row.
		y := (x << ((64 - 8*uint(k)) & 63)) & LowNibbles
		v := (y>>40&0xF)*100 + (y>>48&0xF)*10 + y>>56
		sep := byte(x >> (8 * uint(k) & 63))
		// One to three digits, a leading zero only alone, and a dot
		// after each of the first three numbers.
		if uint(k-1) > 2 || v > 255 || (k > 1 && b[p] == '0') || (i < 3 && sep != '.') {
			return 0, 0, false
		}
		ip = ip<<8 | uint32(v)
		p += k + 1
	}
	return ip, p - 1, true
}
