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
//	-grouped       the records of each category one after another, as blobs
//	               hold them (one per category), instead of interleaved as an
//	               Event Hub fed by many diagnostic settings has them
//	-markdown      print the table as Markdown
//	-v             print every pass
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/azlogs/azlogs/bench"
	"github.com/azlogs/azlogs/internal/corpusgen"
)

func main() {
	flags := bench.DefineFlags(flag.CommandLine, "corpus size (B, KB, MB, GB; powers of 1024)")
	seed := flag.Uint64("seed", 1, "generator seed")
	grouped := flag.Bool("grouped", false, "the records of each category one after another, as blobs hold them")
	flag.Parse()
	if err := run(*flags, *seed, *grouped); err != nil {
		fmt.Fprintln(os.Stderr, "azdiagbench:", err)
		os.Exit(1)
	}
}

func run(f bench.Flags, seed uint64, grouped bool) error {
	methods, err := bench.SelectMethods(f, bench.DiagMethods)
	if err != nil {
		return err
	}
	size, err := bench.ParseSize(f.Size)
	if err != nil {
		return err
	}
	corpus, records := corpusgen.Diagnostics(int(size), seed)
	mix, err := bench.DiagCorpusMix(corpus)
	if err != nil {
		return err
	}
	order := "mixed categories, interleaved"
	if grouped {
		if corpus, err = bench.DiagGroupByCategory(corpus); err != nil {
			return err
		}
		order = "mixed categories, each category's records one after another"
	}

	fmt.Printf("azdiagbench: resource logs (diagnostics), JSON lines, %s\n", order)
	fmt.Printf("corpus: corpusgen.Diagnostics, seed %d: %d bytes, %d records, %.0f B/record, %d categories\n",
		seed, len(corpus), records, float64(len(corpus))/float64(records), len(mix))
	var parts []string
	for _, c := range mix {
		parts = append(parts, fmt.Sprintf("%s %.1f%% (%.0f B)", c.Name, 100*float64(c.Records)/float64(records), float64(c.Bytes)/float64(c.Records)))
	}
	fmt.Printf("mix: %s\n", strings.Join(parts, ", "))
	// Begin prints the setting now; its end runs after the table.
	defer bench.Begin(f.Procs, f.Passes)()

	var want bench.DiagResult
	agree := bench.Agree(&want)
	check := func(m bench.DiagMethod, res bench.DiagResult) error {
		if res.Records != records {
			return fmt.Errorf("%s: decoded %d records, want %d", m.Name, res.Records, records)
		}
		return agree(m, res)
	}
	results, err := bench.Compare(methods, corpus, f.Passes, check, bench.PrintPasses(f.Verbose, methods, 14))
	if err != nil {
		return err
	}

	perRecord := func(x float64) string { return fmt.Sprintf("%.0f", x/float64(records)) }
	head := []string{"method", "MB/s", "ns/record", "CPU ns/record", "allocs/record", "B/record", "vs encoding/json (wall)", "(CPU)", "spread"}
	rows := bench.Table(methods, results, func(s bench.Summary) []string {
		return []string{
			fmt.Sprintf("%.1f", float64(len(corpus))/s.Wall*1e3),
			perRecord(s.Wall),
			bench.CPUCell(perRecord(s.CPU)),
			fmt.Sprintf("%.2f", s.Allocs/float64(records)),
			perRecord(s.Bytes),
			bench.FormatRatio(s.WallRatio, "×"),
			bench.FormatRatio(s.CPURatio, "×"),
			fmt.Sprintf("%.0f%%", 100*s.Spread),
		}
	})
	fmt.Println()
	bench.PrintTable(os.Stdout, head, rows, f.Markdown)
	fmt.Println()
	fmt.Println("Medians over passes. MB/s (10^6 bytes/s) and ns/record: wall clock. CPU: user+system time of the process (GC included).")
	fmt.Println("vs encoding/json: median of per-pass time(encoding/json)/time(method); higher is faster.")
	fmt.Println("spread: (slowest - fastest pass) / median, wall clock; large values mean the machine was busy.")
	fmt.Printf("every run found: %+v\n", want)
	return nil
}
