package swar_test

import (
	"bytes"
	"encoding/binary"
	"net/netip"
	"testing"

	"github.com/azlogs/azlogs/internal/netaddr"
	"github.com/azlogs/azlogs/internal/swar"
	"github.com/azlogs/azlogs/internal/testkit"
)

func TestLoad8(t *testing.T) {
	b := testkit.Exact("0123456789")
	for p := 0; p <= len(b); p++ {
		var want uint64
		for i := 7; i >= 0; i-- {
			want <<= 8
			if p+i < len(b) {
				want |= uint64(b[p+i])
			}
		}
		if got := swar.Load8(b, p); got != want {
			t.Errorf("swar.Load8(%q, %d) = %#x, want %#x", b, p, got, want)
		}
	}
}

func TestDigits8(t *testing.T) {
	for _, c := range []struct {
		in   string
		want uint64
		k    int
	}{
		{"", 0, 0}, {",", 0, 0}, {"0", 0, 1}, {"9", 9, 1}, {"10", 10, 2}, {"007,", 7, 3},
		{"65535,", 65535, 5}, {"65536", 65536, 5}, {"1234567", 1234567, 7},
		{"12345678", 12345678, 8}, {"99999999", 99999999, 8}, {"00000000", 0, 8},
		{"123456789", 12345678, 8}, {"12/4", 12, 2}, {"12:4", 12, 2}, {"1\x00", 1, 1},
		{"5\xb9", 5, 1}, {"5\xff9", 5, 1}, {"/0", 0, 0}, {"a1", 0, 0},
	} {
		// At the start of a long slice, and at the end of one.
		for _, b := range [][]byte{testkit.Exact(c.in + "xxxxxxxx"), testkit.Exact("xxxxxxxx" + c.in)} {
			p := bytes.Index(b, []byte(c.in))
			if c.in == "" {
				p = len(b)
				if b[0] != 'x' || b[len(b)-1] != 'x' {
					p = 0
				}
			}
			x := swar.Load8(b, p)
			k := swar.DigitRun(x)
			// The 'x' padding is no digit, so the run stops where c.in's does.
			if k != c.k || swar.DigitsValue(x, k) != c.want {
				t.Errorf("%q at %d: run %d value %d, want %d %d", b, p, k, swar.DigitsValue(x, k), c.k, c.want)
			}
			n, k2, next := swar.ShortNumber(b, p)
			if n != c.want || k2 != c.k || (k2 < 8 && p+k2 < len(b) && next != b[p+k2]) || (p+k2 == len(b) && next != 0) {
				t.Errorf("swar.ShortNumber(%q, %d) = %d, %d, %q", b, p, n, k2, next)
			}
		}
	}
}

func TestIPv4(t *testing.T) {
	for _, s := range []string{
		"0.0.0.0", "1.2.3.4", "10.5.16.4", "255.255.255.255", "192.168.100.200", "8.8.8.8",
		"256.1.1.1", "1.256.1.1", "1.1.1.256", "300.1.1.1", "999.1.1.1", "01.2.3.4", "1.02.3.4",
		"1.2.3.04", "1.2.3.00", "0.0.0.00", "1.2.3", "1.2.3.4.5", "1..2.3", ".1.2.3", "1.2.3.",
		"1234.1.1.1", "1.2.3.4a", "::1", "::ffff:1.2.3.4", "1.2.3.-4", "", "a.b.c.d",
	} {
		for _, b := range [][]byte{testkit.Exact(s + ",1,2"), testkit.Exact("12345678," + s + ","), testkit.Exact(s + ",")} {
			p := bytes.Index(b, []byte(s+","))
			if len(b) < 8 {
				continue
			}
			// A dotted quad that a comma follows, as ParseAddrUntil
			// reads one.
			ip, q, ok := swar.IPv4(b, p)
			ok = ok && b[q] == ','
			a, n, want := netaddr.ParseAddrUntil(b[p:], ',')
			want = want && a.Is4()
			if ok != want || (ok && (netip.AddrFrom4([4]byte{byte(ip >> 24), byte(ip >> 16), byte(ip >> 8), byte(ip)}) != a || q != p+n)) {
				t.Errorf("IPv4(%q, %d) = %#x, %d, %v; netaddr: %v, %d, %v", b, p, ip, q, ok, a, p+n, want)
			}
		}
	}
}

// TestDigitRunEveryByte checks DigitRun against a byte loop for every byte value at
// every position, with digits before it and bytes that carry after it.
func TestDigitRunEveryByte(t *testing.T) {
	want := func(b []byte) int {
		for i, c := range b {
			if c < '0' || c > '9' {
				return i
			}
		}
		return len(b)
	}
	for c := 0; c < 256; c++ {
		for at := 0; at < 8; at++ {
			for _, after := range []byte{'7', 0xff, 0xfa, '/', ':'} {
				b := bytes.Repeat([]byte{after}, 8)
				for k := 0; k < at; k++ {
					b[k] = byte('0' + (k*7+c)%10)
				}
				b[at] = byte(c)
				if got, w := swar.DigitRun(binary.LittleEndian.Uint64(b)), want(b); got != w {
					t.Fatalf("DigitRun(%q) = %d, want %d", b, got, w)
				}
			}
		}
	}
}
