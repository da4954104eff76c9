package main

import (
	"testing"

	"github.com/azlogs/azlogs/bench"
)

// A small run of every method goes through: the corpus is generated, the
// methods agree, and the table is printed.
func TestRun(t *testing.T) {
	if err := run(bench.Flags{Size: "256KB", Passes: 1, Procs: 1, Markdown: true}, 1, false); err != nil {
		t.Fatal(err)
	}
	if err := run(bench.Flags{Size: "64KB", Passes: 1, Procs: 1, Methods: "azlogs, encoding/json", Verbose: true}, 2, false); err != nil {
		t.Fatal(err)
	}
	if err := run(bench.Flags{Size: "64KB", Passes: 1, Procs: 1, Methods: "azlogs, encoding/json"}, 2, true); err != nil {
		t.Fatal(err)
	}
	if err := run(bench.Flags{Size: "64KB", Passes: 1, Procs: 1, Methods: "nosuch"}, 1, false); err == nil {
		t.Fatal("an unknown method was accepted")
	}
}
