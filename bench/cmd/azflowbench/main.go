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
//	-size 64MB   corpus size (B, KB, MB, GB; powers of 1024)
//	-seed 1      generator seed
//	-passes 7    timed passes (after one warm-up pass)
//	-procs 1     GOMAXPROCS while timing
//	-markdown    print the table as Markdown
//	-v           print every pass
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/azlogs/azlogs/bench"
	"github.com/azlogs/azlogs/bench/gen"
)

func main() {
	var (
		size     = flag.String("size", "64MB", "corpus size (B, KB, MB, GB; powers of 1024)")
		seed     = flag.Int64("seed", 1, "generator seed")
		passes   = flag.Int("passes", 7, "timed passes")
		procs    = flag.Int("procs", 1, "GOMAXPROCS while timing")
		markdown = flag.Bool("markdown", false, "print the table as Markdown")
		verbose  = flag.Bool("v", false, "print every pass")
	)
	flag.Parse()
	if err := run(*size, *seed, *passes, *procs, *markdown, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "azflowbench:", err)
		os.Exit(1)
	}
}

type sample struct {
	ns, cpu, bytes, allocs float64
}

func run(sizeFlag string, seed int64, passes, procs int, markdown, verbose bool) error {
	if passes < 1 {
		return fmt.Errorf("-passes must be at least 1")
	}
	size, err := bench.ParseSize(sizeFlag)
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
	fmt.Printf("%s %s/%s, %d CPUs, GOMAXPROCS %d while timing; %d passes after 1 warm-up, methods interleaved (order rotates each pass)\n",
		runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), procs, passes)
	if l := bench.LoadAverage(); l != "" {
		fmt.Printf("load average before: %s\n", l)
		defer func() { fmt.Printf("load average after: %s\n", bench.LoadAverage()) }()
	}
	prev := runtime.GOMAXPROCS(procs)
	defer runtime.GOMAXPROCS(prev)

	methods := bench.FlowMethods
	var want bench.FlowResult
	once := func(i int) (sample, error) {
		m := methods[i]
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		cpu0, _ := bench.CPUTime()
		start := time.Now()
		res, err := m.Run(corpus)
		elapsed := time.Since(start)
		cpu1, _ := bench.CPUTime()
		runtime.ReadMemStats(&after)
		if err != nil {
			return sample{}, fmt.Errorf("%s: %w", m.Name, err)
		}
		if res.Records != records || res.Tuples != tuples {
			return sample{}, fmt.Errorf("%s: %d records, %d tuples; want %d, %d", m.Name, res.Records, res.Tuples, records, tuples)
		}
		if want == (bench.FlowResult{}) {
			want = res
		} else if res != want {
			return sample{}, fmt.Errorf("%s found %+v, another method %+v", m.Name, res, want)
		}
		return sample{
			ns:     float64(elapsed.Nanoseconds()),
			cpu:    float64(cpu1 - cpu0),
			bytes:  float64(after.TotalAlloc - before.TotalAlloc),
			allocs: float64(after.Mallocs - before.Mallocs),
		}, nil
	}
	for i := range methods {
		if _, err := once(i); err != nil {
			return err
		}
	}
	results := make([][]sample, len(methods))
	for p := 0; p < passes; p++ {
		for k := range methods {
			i := (p + k) % len(methods)
			s, err := once(i)
			if err != nil {
				return err
			}
			results[i] = append(results[i], s)
			if verbose {
				fmt.Printf("pass %d  %-14s %8.1f ms wall %8.1f ms cpu\n", p+1, methods[i].Name, s.ns/1e6, s.cpu/1e6)
			}
		}
	}

	head := []string{"method", "tuples/s", "MB/s", "ns/tuple", "tuples/CPU-s", "CPU ns/tuple", "allocs/record", "allocs/tuple", "B/record", "vs encoding/json (wall)", "(CPU)"}
	var rows [][]string
	for i, m := range methods {
		rs := results[i]
		ns := median(rs, func(s sample) float64 { return s.ns })
		cpu := median(rs, func(s sample) float64 { return s.cpu })
		allocs := median(rs, func(s sample) float64 { return s.allocs })
		var ratio, ratioCPU []float64
		for p := range rs {
			ratio = append(ratio, results[0][p].ns/rs[p].ns)
			ratioCPU = append(ratioCPU, results[0][p].cpu/rs[p].cpu)
		}
		rows = append(rows, []string{
			m.Name,
			fmt.Sprintf("%.2fM", float64(tuples)/ns*1e3),
			fmt.Sprintf("%.0f", float64(len(corpus))/ns*1e3),
			fmt.Sprintf("%.1f", ns/float64(tuples)),
			fmt.Sprintf("%.2fM", float64(tuples)/cpu*1e3),
			fmt.Sprintf("%.1f", cpu/float64(tuples)),
			fmt.Sprintf("%.2f", allocs/float64(records)),
			fmt.Sprintf("%.4f", allocs/float64(tuples)),
			fmt.Sprintf("%.0f", median(rs, func(s sample) float64 { return s.bytes })/float64(records)),
			fmt.Sprintf("%.2f×", bench.Median(ratio)),
			fmt.Sprintf("%.2f×", bench.Median(ratioCPU)),
		})
	}
	printTable(head, rows, markdown)
	return nil
}

func median(rs []sample, f func(sample) float64) float64 {
	v := make([]float64, len(rs))
	for i, s := range rs {
		v[i] = f(s)
	}
	return bench.Median(v)
}

func printTable(head []string, rows [][]string, markdown bool) {
	if markdown {
		fmt.Println("| " + strings.Join(head, " | ") + " |")
		seps := make([]string, len(head))
		for i := range seps {
			seps[i] = "---"
			if i > 0 {
				seps[i] = "---:"
			}
		}
		fmt.Println("| " + strings.Join(seps, " | ") + " |")
		for _, r := range rows {
			fmt.Println("| " + strings.Join(r, " | ") + " |")
		}
		return
	}
	width := make([]int, len(head))
	for _, r := range append([][]string{head}, rows...) {
		for i, c := range r {
			width[i] = max(width[i], len([]rune(c)))
		}
	}
	for _, r := range append([][]string{head}, rows...) {
		for i, c := range r {
			pad := strings.Repeat(" ", width[i]-len([]rune(c)))
			if i == 0 {
				fmt.Print(c + pad + "  ")
			} else {
				fmt.Print(pad + c + "  ")
			}
		}
		fmt.Println()
	}
}
