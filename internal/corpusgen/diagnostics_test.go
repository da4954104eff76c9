package corpusgen

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestDiagnostics(t *testing.T) {
	data, n := Diagnostics(1<<20, 1)
	if len(data) < 1<<20 {
		t.Fatalf("got %d bytes", len(data))
	}
	lines := bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n"))
	if len(lines) != n {
		t.Fatalf("%d lines, %d records", len(lines), n)
	}
	cats := map[string]int{}
	for i, l := range lines {
		var rec map[string]any
		if err := json.Unmarshal(l, &rec); err != nil {
			t.Fatalf("line %d: %v\n%s", i+1, err, l)
		}
		cats[rec["category"].(string)]++
	}
	if len(cats) < 10 {
		t.Fatalf("only %d categories: %v", len(cats), cats)
	}
	again, _ := Diagnostics(1<<20, 1)
	if !bytes.Equal(data, again) {
		t.Fatal("not deterministic")
	}
}
