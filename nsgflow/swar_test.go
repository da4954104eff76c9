package nsgflow

import (
	"bytes"
	"fmt"
	"strconv"
	"sync"
	"testing"

	"github.com/azlogs/azlogs/internal/netaddr"
)

// exact copies s into a slice of its own length and capacity, so that a
// read past its end would panic.
func exact(s string) []byte { return append(make([]byte, 0, len(s)), s...) }

func TestLoad8(t *testing.T) {
	b := exact("0123456789")
	for p := 0; p <= len(b); p++ {
		var want uint64
		for i := 7; i >= 0; i-- {
			want <<= 8
			if p+i < len(b) {
				want |= uint64(b[p+i])
			}
		}
		if got := load8(b, p); got != want {
			t.Errorf("load8(%q, %d) = %#x, want %#x", b, p, got, want)
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
		for _, b := range [][]byte{exact(c.in + "xxxxxxxx"), exact("xxxxxxxx" + c.in)} {
			p := bytes.Index(b, []byte(c.in))
			if c.in == "" {
				p = len(b)
				if b[0] != 'x' || b[len(b)-1] != 'x' {
					p = 0
				}
			}
			x := load8(b, p)
			k := digitRun(x)
			// The 'x' padding is no digit, so the run stops where c.in's does.
			if k != c.k || digitsValue(x, k) != c.want {
				t.Errorf("%q at %d: run %d value %d, want %d %d", b, p, k, digitsValue(x, k), c.k, c.want)
			}
			n, k2, next := shortNumber(b, p)
			if n != c.want || k2 != c.k || (k2 < 8 && p+k2 < len(b) && next != b[p+k2]) || (p+k2 == len(b) && next != 0) {
				t.Errorf("shortNumber(%q, %d) = %d, %d, %q", b, p, n, k2, next)
			}
		}
	}
}

func TestNumber(t *testing.T) {
	for _, s := range []string{
		"0", "1", "12345678", "123456789", "1234567890", "1542110379", "1663146003599",
		"9223372036854775807", "18446744073709551615", "0000000000000000001", "99999999999999999",
		"1234567812345678", "12345678123456781",
	} {
		want, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct{ pre, post string }{{"", ""}, {"", ",1"}, {"12345678,", ""}, {"1,", ",,,,"}} {
			b, p := exact(c.pre+s+c.post), len(c.pre)
			if len(b) < 8 {
				continue
			}
			n, q := number(b, p)
			if n != want || q != p+len(s) {
				t.Errorf("number(%q, %d) = %d, %d; want %d, %d", b, p, n, q, want, p+len(s))
			}
		}
	}
	// Twenty digits wrap around, as digits does; callers reject them by
	// their length.
	b := exact("99999999999999999999")
	n, q := number(b, 0)
	if wn, wq := digits(b, 0); n != wn || q != wq {
		t.Errorf("number(%q) = %d, %d; digits: %d, %d", b, n, q, wn, wq)
	}
}

func TestIPv4(t *testing.T) {
	for _, s := range []string{
		"0.0.0.0", "1.2.3.4", "10.5.16.4", "255.255.255.255", "192.168.100.200", "8.8.8.8",
		"256.1.1.1", "1.256.1.1", "1.1.1.256", "300.1.1.1", "999.1.1.1", "01.2.3.4", "1.02.3.4",
		"1.2.3.04", "1.2.3.00", "0.0.0.00", "1.2.3", "1.2.3.4.5", "1..2.3", ".1.2.3", "1.2.3.",
		"1234.1.1.1", "1.2.3.4a", "::1", "::ffff:1.2.3.4", "1.2.3.-4", "", "a.b.c.d",
	} {
		for _, b := range [][]byte{exact(s + ",1,2"), exact("12345678," + s + ","), exact(s + ",")} {
			p := bytes.Index(b, []byte(s+","))
			if len(b) < 8 {
				continue
			}
			ip, q, ok := ipv4(b, p)
			a, n, want := netaddr.ParseAddrUntil(b[p:], ',')
			want = want && a.Is4()
			if ok != want || (ok && (addrFrom4(ip) != a || q != p+n)) {
				t.Errorf("ipv4(%q, %d) = %v, %d, %v; netaddr: %v, %d, %v", b, p, addrFrom4(ip), q, ok, a, p+n, want)
			}
		}
	}
}

func TestCommaAt(t *testing.T) {
	for _, s := range []string{"12345678", "1,2", ",", "1234567,", "12345678,", "123456789012345,x", "\x00\x00,"} {
		b := exact(s + "zzzzzzz")
		want := bytes.IndexByte(b, ',')
		if want < 0 {
			want = len(b)
		}
		if got := commaAt(b, 0); got != want {
			t.Errorf("commaAt(%q) = %d, want %d", b, got, want)
		}
		b = exact("zzzzzzzz" + s)
		want = bytes.IndexByte(b, ',')
		if want < 0 {
			want = len(b)
		}
		if got := commaAt(b, 8); got != want {
			t.Errorf("commaAt(%q, 8) = %d, want %d", b, got, want)
		}
	}
}

// The cache of addresses gives what parsing gives: for texts that share
// a prefix, differ in length, or fall on the same entry.
func TestAddrCache(t *testing.T) {
	var c addrCache
	var addrs []string
	for i := range 3000 {
		addrs = append(addrs, fmt.Sprintf("%d.%d.%d.%d", 10+i%7, i%256, (i*7)%256, (i*13)%256))
	}
	addrs = append(addrs, "1.2.3.4", "1.2.3.45", "1.2.3.456", "1.2.3.4", "11.2.3.4", "255.255.255.255",
		"255.255.255.25", "01.2.3.4", "1.2.3.04", "2001:db8::1", "::ffff:1.2.3.4", "1.2.3.4\x00")
	for round := range 2 {
		for i, a := range addrs {
			s := fmt.Sprintf("1542110379,%s,10.0.0.%d,443,%d,T,O,A,E,1,2,3,4", a, i%256, i%65536)
			got, gerr := parseTuple([]byte(s), 2, &c)
			want, werr := ParseTupleBytes([]byte(s), 2)
			if got != want || (gerr == nil) != (werr == nil) {
				t.Fatalf("round %d: %q: cached %v, %v; parsed %v, %v", round, s, got, gerr, want, werr)
			}
		}
	}
}

// Records can be read from several goroutines at once, the cache of
// addresses notwithstanding; run with -race.
func TestConcurrentTuples(t *testing.T) {
	data := []byte(`{"records":[{"category":"NetworkSecurityGroupFlowEvent","properties":{"Version":2,"flows":[{"rule":"r","flows":[{"mac":"000D3AF87856","flowTuples":[` +
		`"1542110377,10.0.0.1,10.0.0.2,1,2,T,O,A,B,,,,","1542110377,10.0.0.3,10.0.0.2,1,2,T,O,A,E,1,2,3,4","1542110377,10.0.0.1,192.0.2.99,1,2,U,I,D,B,,,,"]}]}]}}]}`)
	dec := NewDecoder(bytes.NewReader(data))
	if !dec.Next() {
		t.Fatal(dec.Err())
	}
	rec := dec.Record()
	var want []Tuple
	for tu, err := range rec.Tuples() {
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, tu)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 200 {
				i := 0
				for tu, err := range rec.Tuples() {
					if err != nil || tu != want[i] {
						t.Errorf("tuple %d: %v, %v; want %v", i, tu, err, want[i])
					}
					i++
				}
				for g := range rec.Groups() {
					for range g.Tuples() {
						break // an early stop releases the cache
					}
				}
			}
		}()
	}
	wg.Wait()
	if rec.Clone().addrs != nil {
		t.Error("a clone shares the decoder's cache")
	}
	if c := rec.addrs.claim(); c == nil {
		t.Error("the cache was not released")
	} else {
		c.release()
	}
}
