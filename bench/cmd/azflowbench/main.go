// Command azflowbench compares flow-log decoders on one large corpus of NSG
// version 2 and VNet version 4 blobs, every tuple parsed.
//
// It generates the corpus in memory (package gen, FlowGenerator: blobs of
// 60 one-minute records, 1000 to 4000 tuples each), then runs every method
// of bench.FlowMethods over it, interleaved: each pass runs every method
// once and the order rotates from pass to pass, so that the drift of a
// shared machine falls on all methods alike. It prints, per method, the
// medians over passes of tuples/s, MB/s (10^6 bytes) and ns/tuple by the
// wall clock, tuples per CPU-second and CPU ns/tuple (user plus system
// time of the process, steadier than the wall clock when other processes
// share the machine), allocs per record and per tuple and B/record (from
// runtime.MemStats around each run), and the median of the per-pass speed
// ratios to encoding/json, from wall-clock time and from CPU time.
//
//	go run ./cmd/azflowbench -size 64MB -passes 9
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
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/azlogs/azlogs/bench"
	"github.com/azlogs/azlogs/bench/gen"
)

func main() {
	flags := bench.DefineFlags(flag.CommandLine, "corpus size (B, KB, MB, GB; powers of 1024)")
	seed := flag.Int64("seed", 1, "generator seed")
	flag.Parse()
	if err := run(*flags, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "azflowbench:", err)
		os.Exit(1)
	}
}

func run(f bench.Flags, seed int64) error {
	methods, err := bench.SelectMethods(f, bench.FlowMethods)
	if err != nil {
		return err
	}
	size, err := bench.ParseSize(f.Size)
	if err != nil {
		return err
	}
	g := gen.NewFlowGenerator(seed)
	var buf bytes.Buffer
	buf.Grow(int(size) + 16<<20)
	if err := g.Fill(&buf, size); err != nil {
		return err
	}
	corpus := buf.Bytes()
	c := g.Counts
	records, tuples := c.NSGRecords+c.VNetRecords, c.NSGTuples+c.VNetTuples

	fmt.Printf("azflowbench: NSG flow logs v2 and VNet flow logs v4, {\"records\":[…]} blobs, one per line\n")
	fmt.Printf("corpus: seed %d: %d bytes, %d blobs, %d records (%d NSG, %d VNet), %d tuples (%d NSG, %d VNet), %.0f tuples/record, %.1f B/tuple\n",
		seed, len(corpus), c.Blobs, records, c.NSGRecords, c.VNetRecords, tuples, c.NSGTuples, c.VNetTuples,
		float64(tuples)/float64(records), float64(len(corpus))/float64(tuples))
	// Begin prints the setting now; its end runs after the table.
	defer bench.Begin(f.Procs, f.Passes)()

	var want bench.FlowResult
	agree := bench.Agree(&want)
	check := func(m bench.FlowMethod, res bench.FlowResult) error {
		if res.Records != records || res.Tuples != tuples {
			return fmt.Errorf("%s: %d records, %d tuples; want %d, %d", m.Name, res.Records, res.Tuples, records, tuples)
		}
		return agree(m, res)
	}
	results, err := bench.Compare(methods, corpus, f.Passes, check, bench.PrintPasses(f.Verbose, methods, 14))
	if err != nil {
		return err
	}

	head := []string{"method", "tuples/s", "MB/s", "ns/tuple", "tuples/CPU-s", "CPU ns/tuple", "allocs/record", "allocs/tuple", "B/record", "vs encoding/json (wall)", "(CPU)"}
	rows := bench.Table(methods, results, func(s bench.Summary) []string {
		return []string{
			fmt.Sprintf("%.2fM", float64(tuples)/s.Wall*1e3),
			fmt.Sprintf("%.0f", float64(len(corpus))/s.Wall*1e3),
			fmt.Sprintf("%.1f", s.Wall/float64(tuples)),
			fmt.Sprintf("%.2fM", float64(tuples)/s.CPU*1e3),
			fmt.Sprintf("%.1f", s.CPU/float64(tuples)),
			fmt.Sprintf("%.2f", s.Allocs/float64(records)),
			fmt.Sprintf("%.4f", s.Allocs/float64(tuples)),
			fmt.Sprintf("%.0f", s.Bytes/float64(records)),
			bench.FormatRatio(s.WallRatio, "×"),
			bench.FormatRatio(s.CPURatio, "×"),
		}
	})
	bench.PrintTable(os.Stdout, head, rows, f.Markdown)
	return nil
}
