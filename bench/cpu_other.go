//go:build !unix

package bench

// CPUTime is not measured on this system.
func CPUTime() (int64, bool) { return 0, false }

// LoadAverage is not known on this system.
func LoadAverage() string { return "" }
