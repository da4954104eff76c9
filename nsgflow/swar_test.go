package nsgflow

import (
	"bytes"
	"fmt"
	"strconv"
	"sync"
	"testing"

	"github.com/azlogs/azlogs/internal/testkit"
)

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
			b, p := testkit.Exact(c.pre+s+c.post), len(c.pre)
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
	b := testkit.Exact("99999999999999999999")
	n, q := number(b, 0)
	if wn, wq := digits(b, 0); n != wn || q != wq {
		t.Errorf("number(%q) = %d, %d; digits: %d, %d", b, n, q, wn, wq)
	}
}

func TestCommaAt(t *testing.T) {
	for _, s := range []string{"12345678", "1,2", ",", "1234567,", "12345678,", "123456789012345,x", "\x00\x00,"} {
		b := testkit.Exact(s + "zzzzzzz")
		want := bytes.IndexByte(b, ',')
		if want < 0 {
			want = len(b)
		}
		if got := commaAt(b, 0); got != want {
			t.Errorf("commaAt(%q) = %d, want %d", b, got, want)
		}
		b = testkit.Exact("zzzzzzzz" + s)
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
