package reliability

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/iotest"

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
	{"wrong type", true, func(rng *rand.Rand, rec []byte) []byte {
		// The time, which every family types, as a number: valid JSON
		// of the wrong type, which a decoder must report or flag.
		if i := bytes.Index(rec, []byte(`"time":"`)); i >= 0 {
			if j := bytes.IndexByte(rec[i+8:], '"'); j >= 0 {
				return splice(rec, i+7, j+2, "20250415")
			}
		}
		return splice(rec, pick(rng, structural(rec, ':')), 1, "#")
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
					checkDamaged(t, f, clean, fr, rate, uint64(len(fr.name))+damageSeed)
				})
			}
		}
	}
}

// damageSeed varies the damage drawn (a debugging aid; 0 in the suite).
var damageSeed uint64

// checkDamaged builds one damaged stream and checks what f makes of it.
func checkDamaged(t *testing.T, f family, clean [][]byte, fr framing, rate float64, seed uint64) {
	{
		{
			{
				{
					rng := rand.New(rand.NewPCG(uint64(rate*1000), seed))
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
					// Records cut across reads, or read in place: the same
					// results through readers that return a few bytes at a
					// time, and from the stream held in memory.
					orig := bytes.Clone(stream)
					for name, r := range map[string]io.Reader{
						"half":     iotest.HalfReader(bytes.NewReader(stream)),
						"7 bytes":  &chunkReader{data: stream, n: 7},
						"in place": inPlace{stream},
					} {
						if got := decodeWith(f, r); !equalResults(res, got) {
							t.Fatalf("read through %s reader: %d records %d bad, want %d records %d bad", name, len(got.records), len(got.bad), len(res.records), len(res.bad))
						}
					}
					if !bytes.Equal(stream, orig) {
						t.Fatal("reading in place wrote to the input")
					}
					// Match every result to the record at its offset.
					decoded := map[int64]int{}
					for i, off := range res.starts {
						decoded[off] = i
					}
					reported := map[int64]int{}
					for i, b := range res.bad {
						reported[b.Start.Offset] = i
					}
					flagged := 0
					for idx, p := range recs {
						off := int64(p.start)
						di, isDecoded := decoded[off]
						bi, isReported := reported[off]
						delete(decoded, off)
						delete(reported, off)
						switch {
						case !p.damaged:
							if !isDecoded {
								t.Fatalf("undamaged record %d (offset %d) was not decoded", idx, off)
							}
							if want := decodeWith(f, bytes.NewReader(p.clean)).records[0]; res.records[di] != want {
								t.Fatalf("undamaged record %d differs from a clean decode", idx)
							}
						case isReported:
							b := res.bad[bi]
							if b.Record != idx {
								t.Fatalf("bad record at offset %d reported as index %d, want %d", off, b.Record, idx)
							}
							// Raw bytes are trimmed of trailing white space
							// (a line's "\r", a blank before the next record).
							if got, want := string(b.Raw), strings.TrimRight(string(p.raw), " \t\r\n"); got != want {
								t.Fatalf("bad record %d: raw bytes differ:\n got %d %q\nwant %d %q", idx, len(b.Raw), tail(b.Raw), len(p.raw), tail(p.raw))
							}
						case isDecoded && res.invalid[di] != nil:
							// Damage the family reads past and reports
							// through Validate (a malformed flow tuple, say).
							flagged++
						default:
							t.Fatalf("damaged record %d (offset %d) was neither reported nor flagged by Validate: %q", idx, off, trunc(p.raw))
						}
					}
					for off := range decoded {
						t.Fatalf("a record was decoded at offset %d, where no record starts", off)
					}
					for off := range reported {
						t.Fatalf("a bad record was reported at offset %d, where no record starts", off)
					}
					var wantBad []placed
					for _, p := range recs {
						if p.damaged {
							wantBad = append(wantBad, p)
						}
					}
					_ = flagged
					t.Logf("%d records, %d damaged: %d decoded (%d of them damaged and flagged by Validate), %d reported", n, len(wantBad), len(res.records), flagged, len(res.bad))
				}
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

// chunkReader returns at most n bytes a read.
type chunkReader struct {
	data []byte
	n    int
}

func (r *chunkReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, io.EOF
	}
	k := copy(p[:min(len(p), r.n)], r.data)
	r.data = r.data[k:]
	return k, nil
}

// TestInvalidUTF8Strict damages records with bytes that are not UTF-8.
// By default a decoder keeps such bytes as they are (nothing is changed,
// and AppendJSON writes them back); with WithStrict it rejects the record,
// and the records around it still decode.
func TestInvalidUTF8Strict(t *testing.T) {
	for _, f := range families {
		t.Run(f.name, func(t *testing.T) {
			var clean [][]byte
			for _, rec := range cleanRecords(t, f) {
				if r := decodeWith(f, bytes.NewReader(rec), azlogs.WithStrict()); len(r.bad) == 0 && r.err == nil {
					clean = append(clean, rec) // records strict mode accepts as they are
				}
			}
			if len(clean) == 0 {
				t.Fatal("no record of the samples passes strict mode")
			}
			var stream []byte
			var bad []int
			for i := 0; i < 60; i++ {
				rec := clean[i%len(clean)]
				if i%7 == 3 {
					at := insideString(rec)
					rec = splice(rec, at[len(at)/2], 0, "\xff\xfe")
					bad = append(bad, i)
				}
				stream = append(append(stream, rec...), '\n')
			}
			strict := decodeWith(f, bytes.NewReader(stream), azlogs.WithStrict())
			if len(strict.bad) != len(bad) {
				t.Fatalf("strict: %d records reported, want %d", len(strict.bad), len(bad))
			}
			for i, b := range strict.bad {
				if b.Record != bad[i] || !errors.Is(b.Err, azlogs.ErrSyntax) {
					t.Fatalf("strict: report %d is record %d (%v), want record %d", i, b.Record, b.Err, bad[i])
				}
			}
			lax := decodeWith(f, bytes.NewReader(stream))
			if len(lax.bad) != 0 || len(lax.records) != 60 {
				t.Fatalf("default: %d records, %d reported; want all 60 decoded, bytes kept", len(lax.records), len(lax.bad))
			}
		})
	}
}

// tail returns the last 300 bytes of b, where a cut record differs.
func tail(b []byte) []byte {
	if len(b) > 300 {
		return b[len(b)-300:]
	}
	return b
}
