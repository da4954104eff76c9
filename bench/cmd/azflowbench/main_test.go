package main

import (
	"testing"

	"github.com/azlogs/azlogs/bench"
)

// A run of the in-place azlogs method goes through (the corpus is one blob
// of about 9 MB at any small size), and an unknown method is refused.
func TestRun(t *testing.T) {
	if err := run(bench.Flags{Size: "64KB", Passes: 1, Procs: 1, Methods: "azlogs in place", Verbose: true}, 1); err != nil {
		t.Fatal(err)
	}
	if err := run(bench.Flags{Size: "64KB", Passes: 1, Procs: 1, Methods: "nosuch"}, 1); err == nil {
		t.Fatal("an unknown method was accepted")
	}
}
