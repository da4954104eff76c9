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
	"os"
	"slices"
	"strings"

	"github.com/azlogs/azlogs/bench"
	"github.com/azlogs/azlogs/bench/gen"
)

func main() {
	flags := bench.DefineFlags(flag.CommandLine, "corpus size to generate (B, KB, MB, GB; powers of 1024)")
	seed := flag.Int64("seed", 1, "generator seed")
	file := flag.String("file", "", "decode this file of JSON lines instead of generating a corpus")
	write := flag.String("write", "", "also write the generated corpus to this file")
	flag.Parse()
	if err := run(*flags, *seed, *file, *write); err != nil {
		fmt.Fprintln(os.Stderr, "azbench:", err)
		os.Exit(1)
	}
}

func run(f bench.Flags, seed int64, file, write string) error {
	methods, err := bench.SelectMethods(f, bench.Methods)
	if err != nil {
		return err
	}

	corpus, records, mix, source, err := loadCorpus(f.Size, seed, file, write)
	if err != nil {
		return err
	}

	fmt.Printf("azbench: activity log, export form, JSON lines\n")
	fmt.Printf("corpus: %s: %d bytes, %d records, %.0f B/record\n", source, len(corpus), records, float64(len(corpus))/float64(records))
	fmt.Printf("mix: %s\n", mix)
	// Begin prints the setting now; its end runs after the table.
	defer bench.Begin(f.Procs, f.Passes)()

	check := func(m bench.Method, n int) error {
		if n != records {
			return fmt.Errorf("%s: decoded %d records, want %d", m.Name, n, records)
		}
		return nil
	}
	results, err := bench.Compare(methods, corpus, f.Passes, check, bench.PrintPasses(f.Verbose, methods, 16))
	if err != nil {
		return err
	}

	perRecord := func(x float64) string { return fmt.Sprintf("%.0f", x/float64(records)) }
	head := []string{"method", "MB/s", "ns/record", "B/record", "allocs/record", "vs encoding/json", "cpu ns/record", "cpu vs encoding/json", "spread"}
	rows := bench.Table(methods, results, func(s bench.Summary) []string {
		return []string{
			fmt.Sprintf("%.1f", float64(len(corpus))/s.Wall*1e3),
			perRecord(s.Wall),
			perRecord(s.Bytes),
			fmt.Sprintf("%.2f", s.Allocs/float64(records)),
			bench.FormatRatio(s.WallRatio, "x"),
			bench.CPUCell(perRecord(s.CPU)),
			bench.FormatRatio(s.CPURatio, "x"),
			fmt.Sprintf("%.0f%%", 100*s.Spread),
		}
	})
	fmt.Println()
	bench.PrintTable(os.Stdout, head, rows, f.Markdown)
	fmt.Println()
	fmt.Println("Medians over passes. MB/s and ns/record: wall clock. cpu: user+system CPU time of the process (GC included).")
	fmt.Println("vs encoding/json: median of per-pass time(encoding/json)/time(method); higher is faster.")
	fmt.Println("spread: (slowest - fastest pass) / median, wall clock; large values mean the machine was busy.")
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
