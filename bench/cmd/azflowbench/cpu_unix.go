//go:build unix

package main

import (
	"os"
	"strings"
	"syscall"
)

// cpuTime returns the CPU time, user plus system, that this process has
// used, in nanoseconds. Unlike the wall clock it does not grow while other
// processes have the CPU, so it is steadier on a shared machine; it counts
// every thread, the garbage collector's included.
func cpuTime() (int64, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return ru.Utime.Nano() + ru.Stime.Nano(), true
}

// loadAverage returns the 1-, 5- and 15-minute load averages where the
// system publishes them (Linux), else "".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}
