package main

import (
	"testing"

	"github.com/azlogs/azlogs/bench"
)

// A small run of every method goes through, and an unknown method is
// refused.
func TestRun(t *testing.T) {
	if err := run(bench.Flags{Size: "128KB", Passes: 1, Procs: 1, Markdown: true}, 1, "", ""); err != nil {
		t.Fatal(err)
	}
	if err := run(bench.Flags{Size: "64KB", Passes: 2, Procs: 1, Methods: "encoding/json", Verbose: true}, 2, "", ""); err != nil {
		t.Fatal(err)
	}
	if err := run(bench.Flags{Size: "64KB", Passes: 1, Procs: 1, Methods: "nosuch"}, 1, "", ""); err == nil {
		t.Fatal("an unknown method was accepted")
	}
}
