package nsgflow

import (
	"math"
	"math/bits"

	"github.com/azlogs/azlogs/internal/swar"
)

// quoteScanner finds the double quotes of a byte slice in order, from a
// starting position on, and the first backslash among the bytes it has
// looked at. fastTuples uses it to find where each tuple string ends. On
// the way it writes the comma masks of the blocks it scans, which the
// tuple parser uses to find every field of a tuple at once.
//
// It works 64 bytes at a time, in blocks at multiples of 64: quoteMasks
// turns each block into a word with bit k set where byte k of the block
// is a quote (and another for commas, and finds backslashes on the way),
// and the set bits become positions, four a word without a branch on how
// many there are. Asking bytes.IndexByte for the end of each tuple
// instead costs more than the whole scan: most of an IndexByte call on 60
// to 80 bytes is entering and leaving it.
//
// Blocks are scanned a few at a time, from quoteFirstFill doubling to
// len(masks), so that a short flowTuples array does not pay for scanning
// far past its end.
type quoteScanner struct {
	b         []byte
	commas    *[]uint64 // comma masks of b's blocks: see Record.commas
	from      int       // no quote before it is popped
	blk       int       // where the next block to scan starts
	i, n      int       // pos[i:n] are the quotes found and not yet popped
	fill      int       // how many blocks the next refill scans
	backslash int       // the first backslash in b[:blk], or math.MaxInt
	masks     [quoteMaxFill]uint64
	pos       [64*quoteMaxFill + 4]uint32 // +4: see refill
	pad       [64]byte
}

const (
	quoteFirstFill = 2  // blocks of the first refill
	quoteMaxFill   = 16 // blocks of a refill at most
)

// reset starts a scan of b whose first quote popped is the first at or
// after from (0 ≤ from ≤ len(b) < 1<<32). The scan sets the comma masks
// of the blocks it reads in *commas, which it lengthens to two words past
// the last, keeping the words before.
func (s *quoteScanner) reset(b []byte, commas *[]uint64, from int) {
	s.b, s.commas, s.from, s.blk = b, commas, from, from&^63
	s.i, s.n, s.fill, s.backslash = 0, 0, quoteFirstFill, math.MaxInt
}

// pop returns the position of the next quote, or -1 if b has no more.
func (s *quoteScanner) pop() int {
	if s.i == s.n && !s.refill() {
		return -1
	}
	p := s.pos[s.i]
	s.i++
	return int(p)
}

// refill scans the next blocks; it reports false if b has no more
// quotes.
func (s *quoteScanner) refill() bool {
	for {
		rest := len(s.b) - s.blk
		if rest <= 0 {
			return false
		}
		k := min(s.fill, rest/64)
		if need := s.blk/64 + max(k, 1) + 2; len(*s.commas) < need {
			s.growCommas(need)
		}
		c := (*s.commas)[s.blk/64:]
		var bs int
		if k == 0 {
			// The last, partial block: its bytes followed by zeros,
			// which are neither quotes, commas nor backslashes.
			s.pad = [64]byte{}
			copy(s.pad[:], s.b[s.blk:])
			bs = quoteMasks(s.masks[:1], c[:1], s.pad[:])
			k = 1
		} else {
			bs = quoteMasks(s.masks[:k], c[:k], s.b[s.blk:s.blk+64*k])
			s.fill = min(2*s.fill, quoteMaxFill)
		}
		if bs >= 0 {
			s.backslash = min(s.backslash, s.blk+bs)
		}
		if s.blk < s.from {
			s.masks[0] &^= 1<<(s.from-s.blk) - 1 // the quotes before from
		}
		// Four positions are written for every block, whether it has
		// four quotes or none (TrailingZeros64(0) is 64, a position
		// past the block): a block's count, not a branch per bit, moves
		// n on. Blocks with more than four take a loop for the rest.
		n := 0
		for j, m := range s.masks[:k] {
			base := uint32(s.blk + 64*j)
			c := bits.OnesCount64(m)
			p := s.pos[n : n+4 : n+4]
			p[0] = base + uint32(bits.TrailingZeros64(m))
			m &= m - 1
			p[1] = base + uint32(bits.TrailingZeros64(m))
			m &= m - 1
			p[2] = base + uint32(bits.TrailingZeros64(m))
			m &= m - 1
			p[3] = base + uint32(bits.TrailingZeros64(m))
			m &= m - 1
			for e := n + 4; m != 0; e++ {
				s.pos[e] = base + uint32(bits.TrailingZeros64(m))
				m &= m - 1
			}
			n += c
		}
		s.blk += 64 * k
		s.i, s.n = 0, n
		if n > 0 {
			return true
		}
	}
}

// growCommas lengthens *s.commas to n words, keeping its words.
func (s *quoteScanner) growCommas(n int) {
	c := *s.commas
	if cap(c) < n {
		c = append(c[:cap(c)], make([]uint64, n-cap(c)+n/2)...)
	}
	*s.commas = c[:n]
}

// quoteMasksGeneric is quoteMasks in Go, eight bytes at a time (see
// byteMask).
func quoteMasksGeneric(quotes, commas []uint64, src []byte) (backslash int) {
	_ = src[:64*len(quotes)]
	_ = commas[:len(quotes)]
	backslash = -1
	for i := range quotes {
		var m, c, bs uint64
		for j := range 8 {
			x := swar.Load8(src, 64*i+8*j)
			m |= byteMask(x, '"') << (8 * j)
			c |= byteMask(x, ',') << (8 * j)
			bs |= byteMask(x, '\\') << (8 * j)
		}
		quotes[i], commas[i] = m, c
		if bs != 0 && backslash < 0 {
			backslash = 64*i + bits.TrailingZeros64(bs)
		}
	}
	return backslash
}

// byteMask returns a byte with bit k set where byte k of x equals c: the
// bytes equal to c have their high bit set in ^((t&0x7F…)+0x7F… | t |
// 0x7F…), t the word xor c in every byte (no carry crosses a byte: the
// sum of two bytes below 0x80 stays below 0x100), and a multiplication
// gathers the eight high bits into one byte.
func byteMask(x uint64, c byte) uint64 {
	const low7 = 0x7F * swar.Ones
	t := x ^ (uint64(c) * swar.Ones)
	z := ^((t&low7 + low7) | t | low7) // 0x80 where the byte was c
	return (z >> 7) * 0x0102040810204080 >> 56
}
