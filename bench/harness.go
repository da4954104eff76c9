package bench

import (
	"flag"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"time"
)

// Sample is one timed run of one method over a corpus.
type Sample struct {
	// Wall and CPU are the elapsed wall-clock time and the process's CPU
	// time (user plus system; 0 where CPUTime is not measured), in
	// nanoseconds.
	Wall, CPU float64
	// Bytes and Allocs are the growth of runtime.MemStats.TotalAlloc and
	// Mallocs during the run.
	Bytes, Allocs float64
}

// Measure runs f once, after a garbage collection so that earlier garbage
// is not charged to it, and returns its times and allocations together
// with f's error.
func Measure(f func() error) (Sample, error) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu0, _ := CPUTime()
	start := time.Now()
	err := f()
	wall := time.Since(start)
	cpu1, _ := CPUTime()
	runtime.ReadMemStats(&after)
	return Sample{
		Wall:   float64(wall.Nanoseconds()),
		CPU:    float64(cpu1 - cpu0),
		Bytes:  float64(after.TotalAlloc - before.TotalAlloc),
		Allocs: float64(after.Mallocs - before.Mallocs),
	}, err
}

// Interleave runs n methods for the given number of passes and returns
// the samples by method (index i, one sample per pass). Each pass runs
// every method once, and the order rotates from pass to pass (0 1 2, then
// 1 2 0, …), so that the slow periods of a shared machine fall on every
// method alike. run measures method i once; after is called, when not
// nil, after every run (to print it, say).
func Interleave(n, passes int, run func(i int) (Sample, error), after func(pass, i int, s Sample)) ([][]Sample, error) {
	out := make([][]Sample, n)
	for p := range passes {
		for k := range n {
			i := (p + k) % n
			s, err := run(i)
			if err != nil {
				return nil, err
			}
			out[i] = append(out[i], s)
			if after != nil {
				after(p, i, s)
			}
		}
	}
	return out, nil
}

// Flags holds the flags that the commands share; DefineFlags defines them.
type Flags struct {
	// Size is the corpus size, for ParseSize (-size).
	Size string
	// Passes is the number of timed passes, after one warm-up (-passes).
	Passes int
	// Procs is GOMAXPROCS while timing (-procs).
	Procs int
	// Methods is the comma-separated list of methods to run, for Select;
	// empty means all (-methods).
	Methods string
	// Markdown prints the table as Markdown (-markdown).
	Markdown bool
	// Verbose prints every pass (-v).
	Verbose bool
}

// DefineFlags defines -size (64MB, with the given usage text), -passes
// (7), -procs (1), -methods, -markdown and -v on fs and returns the Flags
// that their values go to once fs is parsed.
func DefineFlags(fs *flag.FlagSet, sizeUsage string) *Flags {
	f := new(Flags)
	fs.StringVar(&f.Size, "size", "64MB", sizeUsage)
	fs.IntVar(&f.Passes, "passes", 7, "timed passes")
	fs.IntVar(&f.Procs, "procs", 1, "GOMAXPROCS while timing")
	fs.StringVar(&f.Methods, "methods", "", "comma-separated methods to run (default all)")
	fs.BoolVar(&f.Markdown, "markdown", false, "print the table as Markdown")
	fs.BoolVar(&f.Verbose, "v", false, "print every pass")
	return f
}

// SelectMethods checks the flags (at least one pass) and returns the
// methods of all that f.Methods selects (see Select).
func SelectMethods[R any](f Flags, all []Runner[R]) ([]Runner[R], error) {
	if f.Passes < 1 {
		return nil, fmt.Errorf("-passes must be at least 1")
	}
	return Select(all, f.Methods)
}

// Begin prints the line that describes a run (Go release, system, CPUs,
// GOMAXPROCS while timing, passes) and, where the system publishes it, the
// load average, then sets GOMAXPROCS to procs. The end function it returns
// restores GOMAXPROCS and prints the load average again: call it (or defer
// it) after the table.
func Begin(procs, passes int) (end func()) {
	fmt.Printf("%s %s/%s, %d CPUs, GOMAXPROCS %d while timing; %d passes after 1 warm-up, methods interleaved (order rotates each pass)\n",
		runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), procs, passes)
	load := LoadAverage()
	if load != "" {
		fmt.Printf("load average before: %s\n", load)
	}
	prev := runtime.GOMAXPROCS(procs)
	return func() {
		runtime.GOMAXPROCS(prev)
		if load != "" {
			fmt.Printf("load average after: %s\n", LoadAverage())
		}
	}
}

// Compare measures methods over corpus and returns the samples by method,
// one per pass. It runs every method once as a warm-up, not counted (the
// libraries build their codecs on first use, decoders grow their buffers),
// then the given number of passes through Interleave, each run timed by
// Measure. check is called with the method and its result after every
// run, the warm-up included; an error from it or from the method stops
// the comparison (the method's own error comes back prefixed with its
// name). after is passed on to Interleave.
func Compare[R any](methods []Runner[R], corpus []byte, passes int, check func(m Runner[R], res R) error, after func(pass, i int, s Sample)) ([][]Sample, error) {
	once := func(i int) (Sample, error) {
		m := methods[i]
		var res R
		s, err := Measure(func() error {
			var err error
			res, err = m.Run(corpus)
			return err
		})
		if err != nil {
			return s, fmt.Errorf("%s: %w", m.Name, err)
		}
		return s, check(m, res)
	}
	for i := range methods {
		if _, err := once(i); err != nil {
			return nil, err
		}
	}
	return Interleave(len(methods), passes, once, after)
}

// Agree returns a check for Compare that keeps the first result in *want
// and fails on a later one that differs from it: methods that agree did
// the same work.
func Agree[R comparable](want *R) func(m Runner[R], res R) error {
	first := true
	return func(m Runner[R], res R) error {
		if first {
			*want, first = res, false
		} else if res != *want {
			return fmt.Errorf("%s found %+v, another method %+v", m.Name, res, *want)
		}
		return nil
	}
}

// PrintPasses returns, when on is set (-v), an after function for Compare
// or Interleave that prints every run to standard output: the pass, the
// method's name padded to width, and its wall-clock and CPU times in
// milliseconds. It returns nil when on is not set.
func PrintPasses[R any](on bool, methods []Runner[R], width int) func(pass, i int, s Sample) {
	if !on {
		return nil
	}
	return func(pass, i int, s Sample) {
		fmt.Printf("pass %d  %-*s %8.1f ms wall %8.1f ms cpu\n", pass+1, width, methods[i].Name, s.Wall/1e6, s.CPU/1e6)
	}
}

// Summary is what the tables report of one method's samples.
type Summary struct {
	// Wall, CPU, Bytes and Allocs are the medians over passes of the
	// samples' fields.
	Wall, CPU, Bytes, Allocs float64
	// WallRatio and CPURatio are MedianRatio of the baseline's times to
	// the method's, by the wall clock and by CPU time: higher is faster.
	// Both are 0 when there is no baseline, and CPURatio is 0 where
	// CPUTime is not measured; FormatRatio prints 0 as n/a.
	WallRatio, CPURatio float64
	// Spread is the Spread of the wall-clock times.
	Spread float64
}

// Summarize returns the Summary of every method's samples (results as
// Interleave returns them), with ratios to method base (-1 for none).
func Summarize(results [][]Sample, base int) []Summary {
	_, haveCPU := CPUTime()
	wall := func(s Sample) float64 { return s.Wall }
	cpu := func(s Sample) float64 { return s.CPU }
	out := make([]Summary, len(results))
	for i, ss := range results {
		out[i] = Summary{
			Wall:   MedianOf(ss, wall),
			CPU:    MedianOf(ss, cpu),
			Bytes:  MedianOf(ss, func(s Sample) float64 { return s.Bytes }),
			Allocs: MedianOf(ss, func(s Sample) float64 { return s.Allocs }),
			Spread: Spread(ss),
		}
		if base >= 0 {
			out[i].WallRatio = MedianRatio(results[base], ss, wall)
			if haveCPU {
				out[i].CPURatio = MedianRatio(results[base], ss, cpu)
			}
		}
	}
	return out
}

// CPUCell returns text, a figure computed from CPU time, or n/a where
// CPUTime is not measured.
func CPUCell(text string) string {
	if _, ok := CPUTime(); !ok {
		return "n/a"
	}
	return text
}

// Baseline is the name of the method that the ratios of Table refer to.
const Baseline = "encoding/json"

// Table summarizes results (as Compare returns them) and returns a table
// row per method: its name, then the cells that cells makes of its
// Summary, whose ratios refer to the Baseline method (0 when it is not
// among methods).
func Table[R any](methods []Runner[R], results [][]Sample, cells func(s Summary) []string) [][]string {
	var rows [][]string
	for i, s := range Summarize(results, Index(methods, Baseline)) {
		rows = append(rows, append([]string{methods[i].Name}, cells(s)...))
	}
	return rows
}

// FormatRatio formats a ratio of Summary with two decimals and the given
// sign ("x" or "×"), or as n/a when it is 0 (not measured).
func FormatRatio(r float64, sign string) string {
	if r == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2f%s", r, sign)
}

// MedianOf returns the median over samples of f.
func MedianOf(ss []Sample, f func(Sample) float64) float64 {
	v := make([]float64, len(ss))
	for i, s := range ss {
		v[i] = f(s)
	}
	return Median(v)
}

// MedianRatio returns the median over passes of f(base)/f(s): each pass
// ran both close together in time, so the machine's drift cancels. base
// and ss hold one sample per pass, in pass order.
func MedianRatio(base, ss []Sample, f func(Sample) float64) float64 {
	r := make([]float64, len(ss))
	for p := range ss {
		r[p] = f(base[p]) / f(ss[p])
	}
	return Median(r)
}

// Spread returns (slowest − fastest) / median of the wall-clock times: a
// large value says the machine was busy during the run.
func Spread(ss []Sample) float64 {
	v := make([]float64, len(ss))
	for i, s := range ss {
		v[i] = s.Wall
	}
	return (slices.Max(v) - slices.Min(v)) / Median(v)
}

// PrintTable writes a table with the first column left-aligned and the
// others right-aligned, as Markdown when markdown is set.
func PrintTable(w io.Writer, head []string, rows [][]string, markdown bool) {
	all := append([][]string{head}, rows...)
	if markdown {
		for i, r := range all {
			fmt.Fprintf(w, "| %s |\n", strings.Join(r, " | "))
			if i == 0 {
				fmt.Fprintf(w, "|---|%s\n", strings.Repeat("--:|", len(head)-1))
			}
		}
		return
	}
	width := make([]int, len(head))
	for _, r := range all {
		for c, cell := range r {
			width[c] = max(width[c], len([]rune(cell)))
		}
	}
	for _, r := range all {
		for c, cell := range r {
			pad := strings.Repeat(" ", width[c]-len([]rune(cell)))
			if c == 0 {
				fmt.Fprint(w, cell+pad)
			} else {
				fmt.Fprint(w, "  "+pad+cell)
			}
		}
		fmt.Fprintln(w)
	}
}
