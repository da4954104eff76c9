package diagnostics

import (
	"bytes"
	"encoding/json"
	"os"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/internal/corpusgen"
	"github.com/azlogs/azlogs/internal/jsontok"
)

// BenchmarkDecoder decodes a mixed-category corpus built from every sample
// (about 8 MB of JSON lines, 98 distinct records of 40 categories).
func BenchmarkDecoder(b *testing.B) {
	lines, n := mixedLines(b, 1)
	data := bytes.Repeat(lines, 8<<20/len(lines)+1)
	n *= 8<<20/len(lines) + 1
	benchDecode(b, data, n)
}

// BenchmarkGenerated decodes 64 MB of the generated corpus (fifteen
// categories); set AZLOGS_BENCH_MB to change the size.
func BenchmarkGenerated(b *testing.B) {
	data, n := corpusgen.Diagnostics(benchSize(), 1)
	benchDecode(b, data, n)
}

func benchSize() int {
	if s, err := strconv.Atoi(os.Getenv("AZLOGS_BENCH_MB")); err == nil && s > 0 {
		return s << 20
	}
	return 64 << 20
}

func benchDecode(b *testing.B, data []byte, n int) {
	r := bytes.NewReader(data)
	dec := NewDecoder(r)
	for dec.Next() { // warm up: the intern table grows, views are made
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r.Reset(data)
		dec.Reset(r)
		got := 0
		for dec.Next() {
			got++
		}
		if dec.Err() != nil || got != n {
			b.Fatal(dec.Err(), got, n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/record")
	b.ReportMetric(0, "ns/op")
}

// stdRecord is what a program decoding resource logs with encoding/json
// writes: the envelope typed, the members that drift (durationMs, level,
// resultSignature, identity) kept raw, and properties as a map, since
// their shape depends on the category.
type stdRecord struct {
	Time              string          `json:"time"`
	ResourceID        string          `json:"resourceId"`
	TenantID          string          `json:"tenantId"`
	OperationName     string          `json:"operationName"`
	OperationVersion  string          `json:"operationVersion"`
	Category          string          `json:"category"`
	ResultType        string          `json:"resultType"`
	ResultSignature   json.RawMessage `json:"resultSignature"`
	ResultDescription string          `json:"resultDescription"`
	DurationMs        json.RawMessage `json:"durationMs"`
	CallerIPAddress   string          `json:"callerIpAddress"`
	CorrelationID     string          `json:"correlationId"`
	Identity          json.RawMessage `json:"identity"`
	Level             json.RawMessage `json:"level"`
	Location          string          `json:"location"`
	Properties        json.RawMessage `json:"properties"`

	parsed time.Time
	props  map[string]any
}

// decodeStd decodes JSON lines with encoding/json into stdRecord, one line
// at a time (as a program reading PT1H.json with a bufio.Scanner does),
// parses the time and decodes properties (an object, or a string holding
// one).
func decodeStd(data []byte) (int, error) {
	n := 0
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var rec stdRecord
		if err := json.Unmarshal(line, &rec); err != nil {
			return n, err
		}
		rec.parsed, _ = time.Parse(time.RFC3339Nano, rec.Time)
		if len(rec.Properties) > 0 {
			p := rec.Properties
			if p[0] == '"' {
				var s string
				if json.Unmarshal(p, &s) == nil {
					p = []byte(s)
				}
			}
			_ = json.Unmarshal(p, &rec.props)
		}
		n++
	}
	return n, nil
}

// BenchmarkVersusEncodingJSON decodes the generated corpus with this
// package, through an io.Reader and in place (ResetBytes), and with
// encoding/json into stdRecord, interleaving passes (the machine's speed
// drifts), and reports the median of each.
func BenchmarkVersusEncodingJSON(b *testing.B) {
	data, n := corpusgen.Diagnostics(benchSize(), 1)
	r := bytes.NewReader(data)
	dec := NewDecoder(r)
	count := func() {
		got := 0
		for dec.Next() {
			got++
		}
		if got != n {
			b.Fatal(dec.Err(), got, n)
		}
	}
	viaReader := func() {
		r.Reset(data)
		dec.Reset(r)
		count()
	}
	inPlace := func() {
		dec.ResetBytes(data)
		count()
	}
	viaReader()
	var tReader, tInPlace, tStd []float64
	timed := func(fn func()) float64 {
		start := time.Now()
		fn()
		return time.Since(start).Seconds()
	}
	for b.Loop() {
		tReader = append(tReader, timed(viaReader))
		tInPlace = append(tInPlace, timed(inPlace))
		tStd = append(tStd, timed(func() {
			got, err := decodeStd(data)
			if err != nil || got != n {
				b.Fatal(err, got, n)
			}
		}))
	}
	mr, mp, ms := median(tReader), median(tInPlace), median(tStd)
	mb := float64(len(data)) / 1e6
	b.ReportMetric(mb/mr, "MB/s")
	b.ReportMetric(mb/mp, "inplace-MB/s")
	b.ReportMetric(mb/ms, "std-MB/s")
	b.ReportMetric(mr*1e9/float64(n), "ns/record")
	b.ReportMetric(mp*1e9/float64(n), "inplace-ns/record")
	b.ReportMetric(ms*1e9/float64(n), "std-ns/record")
	b.ReportMetric(ms/mr, "speedup")
	b.ReportMetric(ms/mp, "inplace-speedup")
	b.ReportMetric(0, "ns/op")
}

func median(x []float64) float64 {
	sort.Float64s(x)
	return x[len(x)/2]
}

// BenchmarkTokenizerWalk is the floor under the decoder: the same corpus,
// in place, with the shared record loop delimiting every record and a
// parse function that reads every member's name and skips its value (into
// properties, one level down), decoding and keeping nothing.
func BenchmarkTokenizerWalk(b *testing.B) {
	data, n := corpusgen.Diagnostics(benchSize(), 1)
	var drv jsontok.Driver
	drv.Cfg = azlogs.NewConfig()
	var walk func(p *jsontok.Reader, depth int) bool
	walk = func(p *jsontok.Reader, depth int) bool {
		if !p.BeginObject() {
			return false
		}
		for {
			k, ok := p.Key()
			if !ok {
				break
			}
			if depth == 0 && string(k) == "properties" && p.PeekFast() == '{' {
				if !walk(p, 1) {
					return false
				}
				continue
			}
			if !p.Skip() {
				return false
			}
		}
		return p.Err() == nil
	}
	parse := func(p *jsontok.Reader) bool { return walk(p, 0) }
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		drv.ResetBytes(data)
		got := 0
		for drv.Next(parse) {
			got++
		}
		if got != n {
			b.Fatal(got, n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/record")
}
