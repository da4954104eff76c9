//go:build unix

package bench

import (
	"os"
	"strings"
	"syscall"
)

// CPUTime returns the CPU time, user plus system, that this process has
// used, in nanoseconds. Unlike the wall clock it does not grow while other
// processes have the CPU, so it is steadier on a shared machine; it counts
// every thread, the garbage collector's included.
func CPUTime() (int64, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return ru.Utime.Nano() + ru.Stime.Nano(), true
}

// LoadAverage returns the 1-, 5- and 15-minute load averages where the
// system publishes them (Linux), else "".
func LoadAverage() string {
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
