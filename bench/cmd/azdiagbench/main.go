// Command azdiagbench compares resource-log (diagnostics) decoders on one
// large generated corpus of mixed categories.
//
// It generates the corpus in memory (internal/corpusgen's Diagnostics: JSON
// lines of fifteen categories, with the drift real data has), then runs
// every method of bench.DiagMethods over it, interleaved: each pass runs
// every method once and the order rotates from pass to pass, so that the
// drift of a shared machine falls on all methods alike. Every run must find
// the same bench.DiagResult. It prints, per method, the medians over passes
// of MB/s (10^6 bytes per second) and ns/record by the wall clock, CPU
// ns/record (user plus system time of the process, GC included; steadier
// when other processes share the machine), allocs/record and B/record (from
// runtime.MemStats around each run), the median of the per-pass speed
// ratios to encoding/json by wall clock and by CPU time, and the spread of
// the wall-clock times.
//
//	go run ./cmd/azdiagbench -size 64MB -passes 9 -markdown
//
// Flags:
//
//	-size 64MB     corpus size (B, KB, MB, GB; powers of 1024)
//	-seed 1        generator seed
//	-passes 7      timed passes (after one warm-up pass)
//	-procs 1       GOMAXPROCS while timing
//	-methods a,b   only these methods (names as printed)
//	-markdown      print the table as Markdown
//	-v             print every pass
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"

	"github.com/azlogs/azlogs/bench"
	"github.com/azlogs/azlogs/internal/corpusgen"
)

func main() {
	var (
		size     = flag.String("size", "64MB", "corpus size (B, KB, MB, GB; powers of 1024)")
		seed     = flag.Uint64("seed", 1, "generator seed")
		passes   = flag.Int("passes", 7, "timed passes")
		procs    = flag.Int("procs", 1, "GOMAXPROCS while timing")
		only     = flag.String("methods", "", "comma-separated methods to run (default all)")
		markdown = flag.Bool("markdown", false, "print the table as Markdown")
		verbose  = flag.Bool("v", false, "print every pass")
	)
	flag.Parse()
	if err := run(*size, *seed, *passes, *procs, *only, *markdown, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "azdiagbench:", err)
		os.Exit(1)
	}
}

func run(sizeFlag string, seed uint64, passes, procs int, only string, markdown, verbose bool) error {
	if passes < 1 {
		return fmt.Errorf("-passes must be at least 1")
	}
	methods := bench.DiagMethods
	if only != "" {
		methods = nil
		for _, name := range strings.Split(only, ",") {
			i := slices.IndexFunc(bench.DiagMethods, func(m bench.DiagMethod) bool { return m.Name == strings.TrimSpace(name) })
			if i < 0 {
				return fmt.Errorf("no method %q", name)
			}
			methods = append(methods, bench.DiagMethods[i])
		}
	}
	size, err := bench.ParseSize(sizeFlag)
	if err != nil {
		return err
	}
	corpus, records := corpusgen.Diagnostics(int(size), seed)
	mix, err := bench.DiagCorpusMix(corpus)
	if err != nil {
		return err
	}

	fmt.Printf("azdiagbench: resource logs (diagnostics), JSON lines, mixed categories\n")
	fmt.Printf("corpus: corpusgen.Diagnostics, seed %d: %d bytes, %d records, %.0f B/record, %d categories\n",
		seed, len(corpus), records, float64(len(corpus))/float64(records), len(mix))
	var parts []string
	for _, c := range mix {
		parts = append(parts, fmt.Sprintf("%s %.1f%% (%.0f B)", c.Name, 100*float64(c.Records)/float64(records), float64(c.Bytes)/float64(c.Records)))
	}
	fmt.Printf("mix: %s\n", strings.Join(parts, ", "))
	fmt.Printf("%s %s/%s, %d CPUs, GOMAXPROCS %d while timing; %d passes after 1 warm-up, methods interleaved (order rotates each pass)\n",
		runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), procs, passes)
	if l := bench.LoadAverage(); l != "" {
		fmt.Printf("load average before: %s\n", l)
		defer func() { fmt.Printf("load average after: %s\n", bench.LoadAverage()) }()
	}

	prev := runtime.GOMAXPROCS(procs)
	defer runtime.GOMAXPROCS(prev)

	var want bench.DiagResult
	once := func(i int) (bench.Sample, error) {
		m := methods[i]
		var res bench.DiagResult
		s, err := bench.Measure(func() error {
			var err error
			res, err = m.Run(corpus)
			return err
		})
		switch {
		case err != nil:
			return s, fmt.Errorf("%s: %w", m.Name, err)
		case res.Records != records:
			return s, fmt.Errorf("%s: decoded %d records, want %d", m.Name, res.Records, records)
		case want == bench.DiagResult{}:
			want = res
		case res != want:
			return s, fmt.Errorf("%s found %+v, another method %+v", m.Name, res, want)
		}
		return s, nil
	}
	// Warm-up: libraries build their codecs on first use, and the azlogs
	// decoder grows its buffers and intern table.
	for i := range methods {
		if _, err := once(i); err != nil {
			return err
		}
	}
	var after func(p, i int, s bench.Sample)
	if verbose {
		after = func(p, i int, s bench.Sample) {
			fmt.Printf("pass %d  %-14s %8.1f ms wall %8.1f ms cpu\n", p+1, methods[i].Name, s.Wall/1e6, s.CPU/1e6)
		}
	}
	results, err := bench.Interleave(len(methods), passes, once, after)
	if err != nil {
		return err
	}

	_, haveCPU := bench.CPUTime()
	base := slices.IndexFunc(methods, func(m bench.DiagMethod) bool { return m.Name == "encoding/json" })
	wall := func(s bench.Sample) float64 { return s.Wall }
	cpu := func(s bench.Sample) float64 { return s.CPU }
	ratio := func(i int, f func(bench.Sample) float64) string {
		if base < 0 || (!haveCPU && f(results[i][0]) == 0) {
			return "n/a"
		}
		return fmt.Sprintf("%.2f×", bench.MedianRatio(results[base], results[i], f))
	}
	perRecord := func(x float64) string { return fmt.Sprintf("%.0f", x/float64(records)) }
	head := []string{"method", "MB/s", "ns/record", "CPU ns/record", "allocs/record", "B/record", "vs encoding/json (wall)", "(CPU)", "spread"}
	var rows [][]string
	for i, m := range methods {
		ss := results[i]
		ns := bench.MedianOf(ss, wall)
		cpuNs := "n/a"
		if haveCPU {
			cpuNs = perRecord(bench.MedianOf(ss, cpu))
		}
		rows = append(rows, []string{
			m.Name,
			fmt.Sprintf("%.1f", float64(len(corpus))/ns*1e3),
			perRecord(ns),
			cpuNs,
			fmt.Sprintf("%.2f", bench.MedianOf(ss, func(s bench.Sample) float64 { return s.Allocs })/float64(records)),
			perRecord(bench.MedianOf(ss, func(s bench.Sample) float64 { return s.Bytes })),
			ratio(i, wall),
			ratio(i, cpu),
			fmt.Sprintf("%.0f%%", 100*bench.Spread(ss)),
		})
	}
	fmt.Println()
	bench.PrintTable(os.Stdout, head, rows, markdown)
	fmt.Println()
	fmt.Println("Medians over passes. MB/s (10^6 bytes/s) and ns/record: wall clock. CPU: user+system time of the process (GC included).")
	fmt.Println("vs encoding/json: median of per-pass time(encoding/json)/time(method); higher is faster.")
	fmt.Println("spread: (slowest - fastest pass) / median, wall clock; large values mean the machine was busy.")
	fmt.Printf("every run found: %+v\n", want)
	return nil
}
