// Command azbench compares activity-log decoders on one large corpus.
//
// It generates the corpus in memory (or reads it from -file), then decodes
// it with every method in package bench, interleaved: each pass runs every
// method once, and the order rotates from pass to pass, so that the drift of
// a shared machine's speed falls on all methods alike. It prints, per
// method, the median over passes of MB/s (10^6 bytes), ns/record, B/record
// and allocs/record (from runtime.MemStats before and after each run), and
// the median of the per-pass ratios to encoding/json.
//
//	go run ./cmd/azbench -size 64MB -passes 9
//	go run -tags azlogs ./cmd/azbench -size 64MB -passes 9   # with azlogs
//
// Flags:
//
//	-size 64MB     corpus size to generate (B, KB, MB, GB; powers of 1024)
//	-seed 1        generator seed
//	-passes 7      timed passes (after one warm-up pass)
//	-procs 1       GOMAXPROCS while timing
//	-methods a,b   only these methods (names as printed)
//	-file path     decode this file of JSON lines instead of generating
//	-write path    also write the generated corpus to path
//	-markdown      print the table as Markdown
//	-v             print every pass
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/azlogs/azlogs/bench"
	"github.com/azlogs/azlogs/bench/gen"
)

func main() {
	var (
		size     = flag.String("size", "64MB", "corpus size to generate (B, KB, MB, GB; powers of 1024)")
		seed     = flag.Int64("seed", 1, "generator seed")
		passes   = flag.Int("passes", 7, "timed passes")
		procs    = flag.Int("procs", 1, "GOMAXPROCS while timing")
		only     = flag.String("methods", "", "comma-separated methods to run (default all)")
		file     = flag.String("file", "", "decode this file of JSON lines instead of generating a corpus")
		write    = flag.String("write", "", "also write the generated corpus to this file")
		markdown = flag.Bool("markdown", false, "print the table as Markdown")
		verbose  = flag.Bool("v", false, "print every pass")
	)
	flag.Parse()
	if err := run(*size, *seed, *passes, *procs, *only, *file, *write, *markdown, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "azbench:", err)
		os.Exit(1)
	}
}

// sample is one run of one method over the corpus.
type sample struct {
	ns, cpu, bytes, allocs float64
}

func run(sizeFlag string, seed int64, passes, procs int, only, file, write string, markdown, verbose bool) error {
	if passes < 1 {
		return fmt.Errorf("-passes must be at least 1")
	}
	methods := bench.Methods
	if only != "" {
		methods = nil
		for _, name := range strings.Split(only, ",") {
			i := slices.IndexFunc(bench.Methods, func(m bench.Method) bool { return m.Name == strings.TrimSpace(name) })
			if i < 0 {
				return fmt.Errorf("no method %q", name)
			}
			methods = append(methods, bench.Methods[i])
		}
	}

	corpus, records, mix, source, err := loadCorpus(sizeFlag, seed, file, write)
	if err != nil {
		return err
	}

	fmt.Printf("azbench: activity log, export form, JSON lines\n")
	fmt.Printf("corpus: %s: %d bytes, %d records, %.0f B/record\n", source, len(corpus), records, float64(len(corpus))/float64(records))
	fmt.Printf("mix: %s\n", mix)
	fmt.Printf("%s %s/%s, %d CPUs, GOMAXPROCS %d while timing; %d passes after 1 warm-up, methods interleaved (order rotates each pass)\n",
		runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), procs, passes)
	if l := bench.LoadAverage(); l != "" {
		fmt.Printf("load average before: %s\n", l)
		defer func() { fmt.Printf("load average after: %s\n", bench.LoadAverage()) }()
	}

	prev := runtime.GOMAXPROCS(procs)
	defer runtime.GOMAXPROCS(prev)

	once := func(m bench.Method) (sample, error) {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		cpu0, _ := bench.CPUTime()
		start := time.Now()
		n, err := m.Run(corpus)
		elapsed := time.Since(start)
		cpu1, _ := bench.CPUTime()
		runtime.ReadMemStats(&after)
		if err != nil {
			return sample{}, fmt.Errorf("%s: %w", m.Name, err)
		}
		if n != records {
			return sample{}, fmt.Errorf("%s: decoded %d records, want %d", m.Name, n, records)
		}
		return sample{
			ns:     float64(elapsed.Nanoseconds()),
			cpu:    float64(cpu1 - cpu0),
			bytes:  float64(after.TotalAlloc - before.TotalAlloc),
			allocs: float64(after.Mallocs - before.Mallocs),
		}, nil
	}

	// Warm-up: libraries build their codecs on first use.
	for _, m := range methods {
		if _, err := once(m); err != nil {
			return err
		}
	}
	results := make([][]sample, len(methods))
	for p := 0; p < passes; p++ {
		for k := range methods {
			i := (p + k) % len(methods)
			s, err := once(methods[i])
			if err != nil {
				return err
			}
			results[i] = append(results[i], s)
			if verbose {
				fmt.Printf("pass %d  %-16s %8.1f ms wall %8.1f ms cpu\n", p+1, methods[i].Name, s.ns/1e6, s.cpu/1e6)
			}
		}
	}

	base := slices.IndexFunc(methods, func(m bench.Method) bool { return m.Name == "encoding/json" })
	printTable(os.Stdout, methods, results, base, len(corpus), records, markdown)
	return nil
}

func loadCorpus(sizeFlag string, seed int64, file, write string) (corpus []byte, records int, mix, source string, err error) {
	if file != "" {
		corpus, err = os.ReadFile(file)
		if err != nil {
			return nil, 0, "", "", err
		}
		counts := map[string]int{}
		var names []string
		for line := range bytes.Lines(corpus) {
			if len(bytes.TrimSpace(line)) == 0 {
				continue
			}
			records++
			var r struct {
				Category string `json:"category"`
			}
			_ = json.Unmarshal(line, &r)
			if counts[r.Category] == 0 {
				names = append(names, r.Category)
			}
			counts[r.Category]++
		}
		slices.SortFunc(names, func(a, b string) int { return counts[b] - counts[a] })
		var parts []string
		for _, n := range names {
			parts = append(parts, fmt.Sprintf("%s %.1f%%", n, 100*float64(counts[n])/float64(records)))
		}
		return corpus, records, strings.Join(parts, ", "), file, nil
	}

	size, err := bench.ParseSize(sizeFlag)
	if err != nil {
		return nil, 0, "", "", err
	}
	g := gen.NewActivityGenerator(seed)
	var buf bytes.Buffer
	buf.Grow(int(size) + 64<<10)
	if err := g.Fill(&buf, size); err != nil {
		return nil, 0, "", "", err
	}
	corpus = buf.Bytes()
	counts := g.Counts()
	var parts []string
	for _, n := range counts {
		records += n
	}
	for c, n := range counts {
		parts = append(parts, fmt.Sprintf("%s %.1f%%", gen.CategoryNames[c], 100*float64(n)/float64(records)))
	}
	if write != "" {
		if err := os.WriteFile(write, corpus, 0o644); err != nil {
			return nil, 0, "", "", err
		}
	}
	return corpus, records, strings.Join(parts, ", "), fmt.Sprintf("generated (gen.Activity, seed %d)", seed), nil
}

// parseSize reads sizes such as 64MB, 512KB, 1GB or 1000000.

func column(ss []sample, f func(sample) float64) []float64 {
	out := make([]float64, len(ss))
	for i, s := range ss {
		out[i] = f(s)
	}
	return out
}

func printTable(w io.Writer, methods []bench.Method, results [][]sample, base, corpusBytes, records int, markdown bool) {
	_, haveCPU := bench.CPUTime()
	head := []string{"method", "MB/s", "ns/record", "B/record", "allocs/record", "vs encoding/json", "cpu ns/record", "cpu vs encoding/json", "spread"}
	var rows [][]string
	perRecord := func(x float64) string { return fmt.Sprintf("%.0f", x/float64(records)) }
	// ratio is the median over passes of base/method for one measure: each
	// pass ran both close together in time, so drift cancels.
	ratio := func(i int, f func(sample) float64) string {
		if base < 0 {
			return "n/a"
		}
		rs := make([]float64, len(results[i]))
		for p := range rs {
			rs[p] = f(results[base][p]) / f(results[i][p])
		}
		return fmt.Sprintf("%.2fx", bench.Median(rs))
	}
	wall := func(s sample) float64 { return s.ns }
	cpu := func(s sample) float64 { return s.cpu }
	for i, m := range methods {
		ss := results[i]
		ns := bench.Median(column(ss, wall))
		times := column(ss, wall)
		cpuNs, cpuRatio := "n/a", "n/a"
		if haveCPU {
			cpuNs, cpuRatio = perRecord(bench.Median(column(ss, cpu))), ratio(i, cpu)
		}
		rows = append(rows, []string{
			m.Name,
			fmt.Sprintf("%.1f", float64(corpusBytes)/ns*1e3),
			perRecord(ns),
			perRecord(bench.Median(column(ss, func(s sample) float64 { return s.bytes }))),
			fmt.Sprintf("%.2f", bench.Median(column(ss, func(s sample) float64 { return s.allocs }))/float64(records)),
			ratio(i, wall),
			cpuNs,
			cpuRatio,
			fmt.Sprintf("%.0f%%", 100*(slices.Max(times)-slices.Min(times))/ns),
		})
	}
	fmt.Fprintln(w)
	if markdown {
		fmt.Fprintf(w, "| %s |\n", strings.Join(head, " | "))
		fmt.Fprintf(w, "|---|%s\n", strings.Repeat("--:|", len(head)-1))
		for _, r := range rows {
			fmt.Fprintf(w, "| %s |\n", strings.Join(r, " | "))
		}
	} else {
		// Names left-aligned, figures right-aligned.
		widths := make([]int, len(head))
		for _, r := range append([][]string{head}, rows...) {
			for c, cell := range r {
				widths[c] = max(widths[c], len(cell))
			}
		}
		for _, r := range append([][]string{head}, rows...) {
			fmt.Fprintf(w, "%-*s", widths[0], r[0])
			for c := 1; c < len(r); c++ {
				fmt.Fprintf(w, "  %*s", widths[c], r[c])
			}
			fmt.Fprintln(w)
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Medians over passes. MB/s and ns/record: wall clock. cpu: user+system CPU time of the process (GC included).")
	fmt.Fprintln(w, "vs encoding/json: median of per-pass time(encoding/json)/time(method); higher is faster.")
	fmt.Fprintln(w, "spread: (slowest - fastest pass) / median, wall clock; large values mean the machine was busy.")
}
