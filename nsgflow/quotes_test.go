package nsgflow

import (
	"bytes"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// quoteInputs returns byte slices of every length up to 300 made of
// tuple-like bytes, quotes and backslashes in various densities, plus
// some fixed cases.
func quoteInputs() [][]byte {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabets := []string{
		`",`, `"\`, `0123456789.,"`, "abc", `"`, `\`, "\x00\x80\xff\"\\\x22\x5c\xa2\xdc",
	}
	var out [][]byte
	for n := 0; n <= 300; n++ {
		for _, a := range alphabets {
			b := make([]byte, n)
			for i := range b {
				b[i] = a[rng.IntN(len(a))]
			}
			out = append(out, b)
		}
	}
	out = append(out,
		[]byte(strings.Repeat(`"1542110377,10.0.0.4,13.67.143.118,44931,443,T,O,A,B,,,,",`, 50)),
		bytes.Repeat([]byte{'"'}, 200),
		bytes.Repeat([]byte{'\\'}, 200),
	)
	return out
}

// naiveMasks is quoteMasks a byte at a time.
func naiveMasks(dst []uint64, src []byte) (backslash int) {
	backslash = -1
	for i := range dst {
		dst[i] = 0
		for k := range 64 {
			switch src[64*i+k] {
			case '"':
				dst[i] |= 1 << k
			case '\\':
				if backslash < 0 {
					backslash = 64*i + k
				}
			}
		}
	}
	return backslash
}

func TestQuoteMasks(t *testing.T) {
	for _, b := range quoteInputs() {
		blocks := len(b) / 64
		want := make([]uint64, blocks)
		wbs := naiveMasks(want, b)
		for name, f := range map[string]func([]uint64, []byte) int{
			"quoteMasks": quoteMasks, "quoteMasksGeneric": quoteMasksGeneric,
		} {
			got := make([]uint64, blocks)
			if bs := f(got, b); bs != wbs {
				t.Fatalf("%s(%q): backslash at %d, want %d", name, b, bs, wbs)
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("%s(%q): block %d: %064b, want %064b", name, b, i, got[i], want[i])
				}
			}
		}
	}
	// A source shorter than its blocks is refused, not read past.
	defer func() {
		if recover() == nil {
			t.Fatal("quoteMasks read a source shorter than its blocks")
		}
	}()
	quoteMasks(make([]uint64, 2), make([]byte, 127))
}

// The scanner pops the quotes IndexByte finds, in order, then -1 (and
// -1 again); its backslash is the first at or after the start, once the
// scan has passed it.
func TestQuoteScanner(t *testing.T) {
	var s quoteScanner
	for _, b := range quoteInputs() {
		for _, from := range []int{0, 1, 2, 63, 64, 65, len(b) / 2, len(b)} {
			if from > len(b) {
				continue
			}
			s.reset(b, from)
			at := from
			for {
				want := -1
				if i := bytes.IndexByte(b[at:], '"'); i >= 0 {
					want = at + i
				}
				got := s.pop()
				if got != want {
					t.Fatalf("%q from %d: pop gave %d, want %d", b, from, got, want)
				}
				if got < 0 {
					break
				}
				at = got + 1
				// Every byte up to the quote has been scanned.
				wbs := math.MaxInt
				if i := bytes.IndexByte(b[from:got], '\\'); i >= 0 {
					wbs = from + i
				}
				if s.backslash > got && wbs != math.MaxInt || s.backslash < got && s.backslash != wbs {
					t.Fatalf("%q from %d: backslash %d at quote %d, want %d", b, from, s.backslash, got, wbs)
				}
			}
			if s.pop() != -1 {
				t.Fatalf("%q from %d: pop after the end", b, from)
			}
		}
	}
}

// A flowTuples array with a backslash in a tuple, anywhere in a long
// array, leaves the fast path, and the record decodes the same as when
// the escape is not there.
func TestFastTuplesEscapes(t *testing.T) {
	tuple := `1542110377,10.0.0.4,13.67.143.118,44931,443,T,O,A,B,,,,`
	for _, n := range []int{1, 2, 5, 40} {
		for at := range n {
			for _, esc := range []string{`\u0031`, `\/`, `\\`, `\"`} {
				tuples := make([]string, n)
				for i := range tuples {
					tuples[i] = `"` + tuple + `"`
				}
				// The escape stands for a character the tuple holds ('1'
				// or '/'), or makes it malformed (\\ and \").
				tuples[at] = `"` + strings.Replace(tuple, "1", esc, 1) + `"`
				doc := `{"records":[{"time":"2018-11-13T12:00:35.3899262Z","category":"NetworkSecurityGroupFlowEvent","properties":{"Version":2,"flows":[{"rule":"R","flows":[{"mac":"000D3AF87856","flowTuples":[` +
					strings.Join(tuples, ",") + `]}]}]}}]}`
				recs, err := decodeAll(t, []byte(doc))
				if err != nil || len(recs) != 1 || recs[0].NumTuples() != n {
					t.Fatalf("n=%d at=%d %s: %v, %d records", n, at, esc, err, len(recs))
				}
				want := strings.Replace(tuple, "1", map[string]string{`\u0031`: "1", `\/`: "/", `\\`: `\`, `\"`: `"`}[esc], 1)
				if got := string(recs[0].TupleText(at)); got != want {
					t.Fatalf("n=%d at=%d %s: tuple %q, want %q", n, at, esc, got, want)
				}
			}
		}
	}
}
