package bench

import (
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
