package nsgflow

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/azlogs/azlogs/internal/testkit"
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
func naiveMasks(quotes, commas []uint64, src []byte) (backslash int) {
	backslash = -1
	for i := range quotes {
		quotes[i], commas[i] = 0, 0
		for k := range 64 {
			switch src[64*i+k] {
			case '"':
				quotes[i] |= 1 << k
			case ',':
				commas[i] |= 1 << k
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
		want, wantc := make([]uint64, blocks), make([]uint64, blocks)
		wbs := naiveMasks(want, wantc, b)
		for name, f := range map[string]func(q, c []uint64, b []byte) int{
			"quoteMasks": quoteMasks, "quoteMasksGeneric": quoteMasksGeneric,
		} {
			got, gotc := make([]uint64, blocks), make([]uint64, blocks+1)
			gotc[blocks] = 42 // not written
			if bs := f(got, gotc, b); bs != wbs {
				t.Fatalf("%s(%q): backslash at %d, want %d", name, b, bs, wbs)
			}
			for i := range got {
				if got[i] != want[i] || gotc[i] != wantc[i] {
					t.Fatalf("%s(%q): block %d: quotes %064b commas %064b, want %064b %064b", name, b, i, got[i], gotc[i], want[i], wantc[i])
				}
			}
			if gotc[blocks] != 42 {
				t.Fatalf("%s: wrote past its blocks", name)
			}
		}
	}
	// Slices shorter than the blocks are refused, not written or read
	// past.
	for _, c := range []struct {
		q, c int
		src  int
	}{{2, 2, 127}, {2, 1, 128}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("quoteMasks(%d, %d, %d bytes) did not panic", c.q, c.c, c.src)
				}
			}()
			quoteMasks(make([]uint64, c.q), make([]uint64, c.c), make([]byte, c.src))
		}()
	}
}

// The scanner pops the quotes IndexByte finds, in order, then -1 (and
// -1 again); its backslash is the first from the start's block on, once
// the scan has passed it; it writes the comma masks of the blocks.
func TestQuoteScanner(t *testing.T) {
	var s quoteScanner
	for _, b := range quoteInputs() {
		for _, from := range []int{0, 1, 2, 63, 64, 65, len(b) / 2, len(b)} {
			if from > len(b) {
				continue
			}
			var commas []uint64
			s.reset(b, &commas, from)
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
				// Every byte up to the quote has been scanned, from the
				// start of from's block: a backslash there before from
				// counts too (the fast path then leaves the array to the
				// general one, which is never wrong).
				wbs, start := math.MaxInt, from&^63
				if i := bytes.IndexByte(b[start:got], '\\'); i >= 0 {
					wbs = start + i
				}
				if s.backslash > got && wbs != math.MaxInt || s.backslash < got && s.backslash != wbs {
					t.Fatalf("%q from %d: backslash %d at quote %d, want %d", b, from, s.backslash, got, wbs)
				}
			}
			if s.pop() != -1 {
				t.Fatalf("%q from %d: pop after the end", b, from)
			}
			// Having scanned to the end, the scanner has written the
			// comma masks of every block from the one holding from.
			if from < len(b) && len(commas) != (len(b)+63)/64+2 {
				t.Fatalf("%q from %d: %d comma masks", b, from, len(commas))
			}
			for i := from / 64; i < len(commas)-2; i++ {
				var want uint64
				for k := 64 * i; k < min(len(b), 64*i+64); k++ {
					if b[k] == ',' {
						want |= 1 << (k - 64*i)
					}
				}
				if from < len(b) && commas[i] != want {
					t.Fatalf("%q from %d: commas of block %d %064b, want %064b", b, from, i, commas[i], want)
				}
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

// Every tuple the scan left in the record's bytes has the comma mask of
// its text, through a reader and in place, in the records and in their
// clones; the samples' tuples do take that path.
func TestRecordCommaMasks(t *testing.T) {
	var inputs [][]byte
	for _, file := range testkit.Samples(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, data)
	}
	blob, _, _ := benchBlob(&testing.B{}, 1<<20)
	inputs = append(inputs, blob)
	check := func(rec *Record, where string) int {
		raw := 0
		for i, s := range rec.spans {
			text := rec.TupleText(i)
			var want uint64
			for k := range min(len(text), 64) {
				if text[k] == ',' {
					want |= 1 << k
				}
			}
			got := rec.commaMask(s)
			if s.off&ownBit != 0 {
				want = 0
			} else {
				raw++
			}
			if got != want {
				t.Fatalf("%s: tuple %d %q: comma mask %064b, want %064b", where, i, text, got, want)
			}
		}
		return raw
	}
	raw := 0
	for n, data := range inputs {
		for _, dec := range []*Decoder{NewDecoder(bytes.NewReader(data)), NewDecoderBytes(data)} {
			for dec.Next() {
				where := fmt.Sprintf("input %d", n)
				raw += check(dec.Record(), where)
				check(dec.Record().Clone(), where+", clone")
			}
			if dec.Err() != nil && n == len(inputs)-1 {
				t.Fatal(dec.Err()) // some samples end torn; the blob does not
			}
		}
	}
	if raw < 1000 {
		t.Fatalf("only %d tuples read in place", raw)
	}
}

// A record read in place borrows the input from its start to the end of
// the input; its clone copies the record's tuples, not the rest, and
// reads the same.
func TestCloneInPlaceCopiesTheRecordOnly(t *testing.T) {
	blob, _, _ := benchBlob(&testing.B{}, 2<<20)
	dec := NewDecoderBytes(blob)
	if !dec.Next() {
		t.Fatal(dec.Err())
	}
	rec := dec.Record()
	c := rec.Clone()
	if len(c.raw) > len(blob)/4 || len(c.raw) == 0 {
		t.Fatalf("the clone holds %d bytes of a %d-byte input", len(c.raw), len(blob))
	}
	n := 0
	for i, ct := range collectTuples(t, c) {
		if want, _ := rec.Tuple(i); ct != want {
			t.Fatalf("tuple %d: clone %v, record %v", i, ct, want)
		}
		n++
	}
	if n != rec.NumTuples() || n == 0 {
		t.Fatalf("%d tuples in the clone, %d in the record", n, rec.NumTuples())
	}
}

func collectTuples(t *testing.T, rec *Record) []Tuple {
	var out []Tuple
	for tu, err := range rec.Tuples() {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, tu)
	}
	return out
}
