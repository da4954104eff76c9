// Package testkit holds what the family packages' tests share: listing the
// real samples in testdata and comparing decoded records with golden files
// (rewritten with go test -update).
package testkit

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// Samples returns the sample files in the package's testdata folder (not
// its README.md or subfolders); it fails the test if there are none.
func Samples(tb testing.TB) []string {
	tb.Helper()
	entries, err := os.ReadDir("testdata")
	if err != nil {
		tb.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		if e.IsDir() || e.Name() == "README.md" {
			continue
		}
		files = append(files, filepath.Join("testdata", e.Name()))
	}
	if len(files) == 0 {
		tb.Fatal("no samples in testdata")
	}
	return files
}

// Golden writes v as indented JSON to the golden file at path when the
// tests run with -update, and otherwise fails the test with a diff if v
// differs from the file.
func Golden(tb testing.TB, path string, v any) {
	tb.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test -update to create the golden file)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		tb.Errorf("decoded records differ from %s (-want +got):\n%s", path, diff)
	}
}
