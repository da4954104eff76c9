package gen

import (
	"strconv"
	"time"
)

// This file makes the random values and holds the queue of outcomes.

func (g *ActivityGenerator) time(k string, at int64) {
	g.lastAt = at
	w := &g.w
	w.key(k)
	w.b = append(w.b, '"')
	w.b = time.Unix(0, at).UTC().AppendFormat(w.b, "2006-01-02T15:04:05.0000000Z")
	w.b = append(w.b, '"')
}

func (g *ActivityGenerator) unix(k string, sec int64) {
	w := &g.w
	w.key(k)
	w.b = append(w.b, '"')
	w.b = strconv.AppendInt(w.b, sec, 10)
	w.b = append(w.b, '"')
}

func (g *ActivityGenerator) guid() string {
	var b [36]byte
	hi, lo := g.r.Uint64(), g.r.Uint64()
	hi = hi&^(0xF<<12) | 4<<12   // version 4
	lo = lo&^(0x3<<62) | 0x2<<62 // RFC 4122 variant
	const pos = "\x00\x02\x04\x06\x09\x0b\x0e\x10\x13\x15\x18\x1a\x1c\x1e\x20\x22"
	v := [2]uint64{hi, lo}
	for i := 0; i < 16; i++ {
		x := byte(v[i/8] >> (56 - 8*(i%8)))
		b[pos[i]] = hexDigits[x>>4]
		b[pos[i]+1] = hexDigits[x&0xF]
	}
	b[8], b[13], b[18], b[23] = '-', '-', '-', '-'
	return string(b[:])
}

func (g *ActivityGenerator) fromAlphabet(n int, alphabet string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[g.r.IntN(len(alphabet))]
	}
	return string(b)
}

func (g *ActivityGenerator) hex(n int) string { return g.fromAlphabet(n, hexDigits) }

func (g *ActivityGenerator) upperHex(n int) string { return g.fromAlphabet(n, "0123456789ABCDEF") }

func (g *ActivityGenerator) digits(n int) string {
	return g.fromAlphabet(1, "123456789") + g.fromAlphabet(n-1, "0123456789")
}

func (g *ActivityGenerator) alnum(n int) string {
	return g.fromAlphabet(n, "abcdefghijklmnopqrstuvwxyz0123456789")
}

func (g *ActivityGenerator) upperAlnum(n int) string {
	return g.fromAlphabet(n, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")
}

const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

func (g *ActivityGenerator) b64url(n int) string { return g.fromAlphabet(n, b64+"-_") }

func (g *ActivityGenerator) b64std(n int) string { return g.fromAlphabet(n, b64+"+/") }

// ipv4 returns an address in the documentation ranges (RFC 5737).
func (g *ActivityGenerator) ipv4() string {
	prefix := []string{"192.0.2.", "198.51.100.", "203.0.113."}[g.r.IntN(3)]
	return prefix + strconv.Itoa(1+g.r.IntN(254))
}

// pendingItem is an outcome record not yet written: the Accept or the end of
// an operation.
type pendingItem struct {
	at    int64
	seq   uint64 // breaks ties so the order never depends on the heap's history
	op    *adminOp
	phase uint8
}

// pendingQueue orders pending outcomes by time (container/heap).
type pendingQueue []pendingItem

func (q pendingQueue) Len() int { return len(q) }
func (q pendingQueue) Less(i, j int) bool {
	if q[i].at != q[j].at {
		return q[i].at < q[j].at
	}
	return q[i].seq < q[j].seq
}
func (q pendingQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *pendingQueue) Push(x any)   { *q = append(*q, x.(pendingItem)) }
func (q *pendingQueue) Pop() any {
	old := *q
	it := old[len(old)-1]
	*q = old[:len(old)-1]
	return it
}
