package reliability

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/azlogs/azlogs"
)

// A damage turns a compact JSON record into bytes that are certainly not a
// JSON object, so that a decoder must report it rather than decode it.
type damage struct {
	name string
	// balanced says whether the damage keeps brackets and quotes
	// balanced, so that the record's extent is still clear inside an
	// array.
	balanced bool
	apply    func(rng *rand.Rand, rec []byte) []byte
}

// structural returns the offsets of bytes outside strings that are c.
func structural(rec []byte, c byte) []int {
	var out []int
	in := false
	for i := 0; i < len(rec); i++ {
		switch {
		case in && rec[i] == '\\':
			i++
		case rec[i] == '"':
			in = !in
		case !in && rec[i] == c:
			out = append(out, i)
		}
	}
	return out
}

// insideString returns offsets just after an opening quote of a value or
// key, where inserting bytes keeps them inside the string.
func insideString(rec []byte) []int {
	return func() []int {
		var out []int
		for _, q := range structural(rec, '"') {
			_ = q
		}
		in := false
		for i := 0; i < len(rec); i++ {
			switch {
			case in && rec[i] == '\\':
				i++
			case rec[i] == '"':
				if !in {
					out = append(out, i+1)
				}
				in = !in
			}
		}
		return out
	}()
}

func pick(rng *rand.Rand, xs []int) int { return xs[rng.IntN(len(xs))] }

func splice(rec []byte, at int, cut int, ins string) []byte {
	out := append([]byte{}, rec[:at]...)
	out = append(out, ins...)
	return append(out, rec[at+cut:]...)
}

var damages = []damage{
	{"colon replaced", true, func(rng *rand.Rand, rec []byte) []byte {
		return splice(rec, pick(rng, structural(rec, ':')), 1, "#")
	}},
	{"comma doubled", true, func(rng *rand.Rand, rec []byte) []byte {
		return splice(rec, pick(rng, structural(rec, ',')), 0, ",")
	}},
	{"control byte in a string", true, func(rng *rand.Rand, rec []byte) []byte {
		return splice(rec, pick(rng, insideString(rec)), 0, "\x01")
	}},
	{"bad escape", true, func(rng *rand.Rand, rec []byte) []byte {
		return splice(rec, pick(rng, insideString(rec)), 0, `\q`)
	}},
	{"wrong literal", true, func(rng *rand.Rand, rec []byte) []byte {
		return splice(rec, pick(rng, structural(rec, ':'))+1, 0, "nul ")
	}},
	{"truncated", false, func(rng *rand.Rand, rec []byte) []byte {
		return rec[:1+rng.IntN(len(rec)-2)]
	}},
	{"closing brace dropped", false, func(rng *rand.Rand, rec []byte) []byte {
		return rec[:len(rec)-1]
	}},
	{"extra opening brace", false, func(rng *rand.Rand, rec []byte) []byte {
		return splice(rec, pick(rng, structural(rec, ':'))+1, 0, "{")
	}},
}

// framing lays records out in one of Azure's framings.
type framing struct {
	name string
	// lineBased says whether every record is on its own line, so that
	// any damage is contained by the line.
	lineBased        bool
	open, sep, close string
}

var framings = []framing{
	{"lines", true, "", "\n", "\n"},
	{"crlf", true, "\xef\xbb\xbf", "\r\n", "\r\n"},
	{"records", false, `{"records":[`, ",", "]}"},
	{"array", false, "[\n", ",\n", "\n]"},
	{"page", false, `{"value":[`, ",", `],"nextLink":"https://example.com/next"}`},
}

// TestDamagedStreams damages a share of the records of a stream, in every
// framing, and checks that every undamaged record is decoded as in a clean
// stream and every damaged one reported with its index, offset and bytes.
// Inside arrays, damage that unbalances brackets (a truncated record, a
// brace too many or too few) leaves the record's extent unknown to the
// bracket scan; the stream resyncs at the next record's start.
func TestDamagedStreams(t *testing.T) {
	for _, f := range families {
		clean := cleanRecords(t, f)
		for _, fr := range framings {
			for _, rate := range []float64{0.01, 0.30} {
				t.Run(fmt.Sprintf("%s/%s/%.0f%%", f.name, fr.name, rate*100), func(t *testing.T) {
					rng := rand.New(rand.NewPCG(uint64(rate*1000), uint64(len(fr.name))))
					n := 400
					var stream []byte
					type placed struct {
						start   int
						raw     []byte
						damaged bool
						clean   []byte
					}
					var recs []placed
					stream = append(stream, fr.open...)
					for i := 0; i < n; i++ {
						if i > 0 {
							stream = append(stream, fr.sep...)
						}
						rec := clean[rng.IntN(len(clean))]
						p := placed{start: len(stream), raw: rec, clean: rec}
						if rng.Float64() < rate {
							d := damages[rng.IntN(len(damages))]
							p.raw = d.apply(rng, rec)
							p.damaged = true
						}
						stream = append(stream, p.raw...)
						recs = append(recs, p)
					}
					stream = append(stream, fr.close...)

					res := decodeWith(f, bytes.NewReader(stream))
					if res.err != nil {
						t.Fatalf("decoder stopped: %v", res.err)
					}
					var wantGood []string
					var wantBad []placed
					for _, p := range recs {
						if p.damaged {
							wantBad = append(wantBad, p)
						} else {
							wantGood = append(wantGood, string(decodeWith(f, bytes.NewReader(p.clean)).records[0]))
						}
					}
					if len(res.records) != len(wantGood) {
						t.Fatalf("decoded %d records, want every undamaged one: %d", len(res.records), len(wantGood))
					}
					for i := range wantGood {
						if res.records[i] != wantGood[i] {
							t.Fatalf("undamaged record %d differs from a clean decode", i)
						}
					}
					if len(res.bad) != len(wantBad) {
						for i := range min(len(res.bad), len(wantBad)) {
							if res.bad[i].Start.Offset != int64(wantBad[i].start) {
								t.Logf("first difference at bad record %d: got offset %d raw %q…, want offset %d raw %q…", i, res.bad[i].Start.Offset, trunc(res.bad[i].Raw), wantBad[i].start, trunc(wantBad[i].raw))
								break
							}
						}
						t.Fatalf("reported %d bad records, want %d", len(res.bad), len(wantBad))
					}
					idx := map[int]int{}
					for i, p := range recs {
						idx[p.start] = i
					}
					for i, b := range res.bad {
						w := wantBad[i]
						if b.Start.Offset != int64(w.start) || b.Record != idx[w.start] {
							t.Fatalf("bad record %d reported at offset %d index %d, want offset %d index %d", i, b.Start.Offset, b.Record, w.start, idx[w.start])
						}
						// Raw bytes are trimmed of trailing white space (a
						// line's "\r", a blank before the next record).
						if got, want := string(b.Raw), strings.TrimRight(string(w.raw), " \t\r\n"); got != want {
							t.Fatalf("bad record %d: raw bytes differ:\n got %q\nwant %q", i, b.Raw, w.raw)
						}
					}
					t.Logf("%d records, %d damaged: %d decoded, %d reported", n, len(wantBad), len(res.records), len(res.bad))
				})
			}
		}
	}
}

var _ = azlogs.ErrSyntax

func trunc(b []byte) []byte {
	if len(b) > 300 {
		return b[:300]
	}
	return b
}
