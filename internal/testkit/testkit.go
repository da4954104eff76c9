// Package testkit holds what the family packages' tests share: listing the
// real samples in testdata and comparing decoded records with golden files
// (rewritten with go test -update).
package testkit

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
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

// SameInPlace checks that decoding data in place gives the records that
// decoding it through an io.Reader gives, and leaves data as it was. Each
// function decodes its input and returns every record written back as
// JSON, then the error that ended the loop ("" for none).
func SameInPlace(tb testing.TB, data []byte, viaReader, inPlace func([]byte) []string) {
	tb.Helper()
	want := viaReader(data)
	orig := bytes.Clone(data)
	got := inPlace(data)
	if !bytes.Equal(data, orig) {
		tb.Fatalf("decoding in place wrote to the input")
	}
	if !slices.Equal(got, want) {
		tb.Fatalf("in place: %d results, through a reader %d:\n got %q\nwant %q", len(got), len(want), got, want)
	}
}

// Decoder is what WriteAll needs of a family's decoder.
type Decoder[R interface{ AppendJSON([]byte) []byte }] interface {
	Next() bool
	Err() error
	Record() R
}

// WriteAll decodes to the end and returns every record written back as
// JSON, then the error that ended the loop, if any: what SameInPlace
// compares.
func WriteAll[R interface{ AppendJSON([]byte) []byte }](dec Decoder[R]) []string {
	var out []string
	for dec.Next() {
		out = append(out, string(dec.Record().AppendJSON(nil)))
	}
	if err := dec.Err(); err != nil {
		out = append(out, "error: "+err.Error())
	}
	return out
}

// ClaimsObject returns a JSON object of n string claims with long names
// (about 60 bytes each), as a token's claims are: longer than the prefix
// by which the decoders' memos find claims again.
func ClaimsObject(n int) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `"http://schemas.example.com/identity/claims/c%d":"value of claim %d"`, i, i)
	}
	b.WriteString("}")
	return b.String()
}

// Exact copies s into a slice of its own length and capacity, so that a
// read past its end panics: for code that reads words at a time.
func Exact(s string) []byte { return append(make([]byte, 0, len(s)), s...) }
