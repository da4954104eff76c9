package main

import "testing"

// A small run of every method goes through: the corpus is generated, the
// methods agree, and the table is printed.
func TestRun(t *testing.T) {
	if err := run("256KB", 1, 1, 1, "", true, false); err != nil {
		t.Fatal(err)
	}
	if err := run("64KB", 2, 1, 1, "azlogs, encoding/json", false, true); err != nil {
		t.Fatal(err)
	}
	if err := run("64KB", 1, 1, 1, "nosuch", false, false); err == nil {
		t.Fatal("an unknown method was accepted")
	}
}
