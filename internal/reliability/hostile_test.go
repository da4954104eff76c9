package reliability

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/azlogs/azlogs"
)

// gen is a reader of head, then n bytes of fill repeated, then tail,
// made as it is read so that a gigabyte costs no memory.
type gen struct {
	head, fill, tail []byte
	n                int64
	block            []byte
	pos              int64
}

func newGen(head, fill, tail string, n int64) *gen {
	g := &gen{head: []byte(head), fill: []byte(fill), tail: []byte(tail), n: n}
	g.block = bytes.Repeat(g.fill, (64<<10)/len(g.fill))
	return g
}

func (g *gen) Read(p []byte) (int, error) {
	h, f := int64(len(g.head)), g.n
	total := h + f + int64(len(g.tail))
	if g.pos >= total {
		return 0, io.EOF
	}
	k := 0
	for k < len(p) && g.pos < total {
		switch {
		case g.pos < h:
			c := copy(p[k:], g.head[g.pos:])
			k += c
			g.pos += int64(c)
		case g.pos < h+f:
			off := (g.pos - h) % int64(len(g.fill))
			rest := h + f - g.pos
			chunk := g.block[off:]
			if int64(len(chunk)) > rest {
				chunk = chunk[:rest]
			}
			c := copy(p[k:], chunk)
			k += c
			g.pos += int64(c)
		default:
			c := copy(p[k:], g.tail[g.pos-h-f:])
			k += c
			g.pos += int64(c)
		}
	}
	return k, nil
}

// peakHeap runs fn and returns the largest live heap seen while it ran,
// above what was live before, sampled every millisecond.
func peakHeap(fn func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	base := sample[0].Value.Uint64()
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > base && v-base > peak.Load() {
				peak.Store(v - base)
			}
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	fn()
	close(done)
	wg.Wait()
	return peak.Load()
}

// TestHostileInput feeds each decoder inputs built to exhaust memory or
// time. Each must end in a clear error, or decode within the limits, with
// the live heap staying under 64 MiB; the figures are logged.
func TestHostileInput(t *testing.T) {
	const limit = 64 << 20
	huge := int64(1 << 30)
	if testing.Short() || raceEnabled {
		huge = 128 << 20 // the race detector makes a gigabyte slow
	}
	cases := []struct {
		name string
		in   func() io.Reader
		// want is the error the decoder must report; nil means the input
		// must decode.
		want error
	}{
		{"a 1 GiB line with no newline", func() io.Reader {
			return newGen(`{"time":"`, "abcdefgh", "", huge)
		}, azlogs.ErrRecordTooLarge},
		{"a million levels of nesting", func() io.Reader {
			return strings.NewReader(strings.Repeat(`{"a":`, 1_000_000) + "1" + strings.Repeat("}", 1_000_000) + "\n")
		}, azlogs.ErrTooDeep},
		{"a number of a million digits", func() io.Reader {
			return strings.NewReader(`{"time":"2025-01-01T00:00:00Z","durationMs":1` + strings.Repeat("0", 1_000_000) + "}\n")
		}, nil},
		{"a million members in one object", func() io.Reader {
			var b strings.Builder
			b.WriteString(`{"time":"2025-01-01T00:00:00Z"`)
			for i := 0; i < 1_000_000; i++ {
				b.WriteString(`,"k`)
				b.WriteString(strings.Repeat("x", i%7))
				b.WriteString(`":0`)
			}
			b.WriteString("}\n")
			return strings.NewReader(b.String())
		}, azlogs.ErrRecordTooLarge},
		{"a record that is one 12 MiB string", func() io.Reader {
			return newGen(`{"time":"2025-01-01T00:00:00Z","x":"`, "0123456789abcdef", "\"}\n", 12<<20)
		}, nil},
		{"a record that is one 1 GiB string", func() io.Reader {
			return newGen(`{"time":"2025-01-01T00:00:00Z","x":"`, "0123456789abcdef", "\"}\n", huge)
		}, azlogs.ErrRecordTooLarge},
		{"a gigabyte of opening brackets", func() io.Reader {
			return newGen(`[`, "[", "", huge)
		}, nil /* any clear error */},
	}
	for _, f := range families {
		for _, tc := range cases {
			t.Run(f.name+"/"+tc.name, func(t *testing.T) {
				var reported []error
				var records int
				var err error
				in := tc.in() // made before measuring: the input is not the decoder's memory
				start := time.Now()
				peak := peakHeap(func() {
					dec, cur := f.open(in, azlogs.WithErrorHandler(func(e *azlogs.RecordError) {
						reported = append(reported, e.Err)
					}))
					for dec.Next() {
						_ = cur().EventTime()
						records++
					}
					err = dec.Err()
				})
				all := append(reported, err)
				t.Logf("%d records, %d reported, err %v; peak heap %.1f MiB in %v", records, len(reported), err, float64(peak)/(1<<20), time.Since(start).Round(time.Millisecond))
				if peak > limit {
					t.Errorf("peak heap %d MiB, want under %d MiB", peak>>20, limit>>20)
				}
				switch {
				case tc.want != nil:
					found := false
					for _, e := range all {
						found = found || errors.Is(e, tc.want)
					}
					if !found {
						t.Errorf("want an error wrapping %v, got %v and %v", tc.want, reported, err)
					}
				case tc.name == "a gigabyte of opening brackets":
					if records != 0 || (len(reported) == 0 && err == nil) {
						t.Errorf("want a clear error, got %d records, %v, %v", records, reported, err)
					}
				default:
					if records != 1 || len(reported) != 0 || err != nil {
						t.Errorf("want one record decoded, got %d, %v, %v", records, reported, err)
					}
				}
			})
		}
	}
}
