package gen

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"testing"
	"time"
)

func generate(t *testing.T, size, seed int64) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Activity(&buf, size, seed); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestActivityJSONLines checks that every line is one JSON object that
// encoding/json accepts, that times never go backwards, and that the records
// keep the shape the generator promises.
func TestActivityJSONLines(t *testing.T) {
	data := generate(t, 8<<20, 1)
	if len(data) < 8<<20 {
		t.Fatalf("wrote %d bytes, want at least %d", len(data), 8<<20)
	}
	if data[len(data)-1] != '\n' {
		t.Fatal("output does not end with a newline")
	}
	type record struct {
		Time          time.Time `json:"time"`
		Category      string    `json:"category"`
		CorrelationID string    `json:"correlationId"`
		ResultType    string    `json:"resultType"`
		Identity      *struct {
			Authorization *struct {
				Evidence *struct {
					PrincipalID string `json:"principalId"`
				} `json:"evidence"`
			} `json:"authorization"`
			Claims map[string]string `json:"claims"`
		} `json:"identity"`
		Properties map[string]any `json:"properties"`
	}
	var (
		last     time.Time
		counts   = map[string]int{}
		starts   = map[string]bool{}
		paired   int
		tokens   = map[string]int{} // uti → records
		escaped  int
		maxLine  int
		lines    int
		claimMin = 1000
		claimMax = 0
	)
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Bytes()
		lines++
		maxLine = max(maxLine, len(line))
		var r record
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatalf("line %d: %v\n%s", lines, err, line)
		}
		if r.Time.Before(last) {
			t.Fatalf("line %d: time %v before %v", lines, r.Time, last)
		}
		last = r.Time
		counts[r.Category]++
		if r.Category != "Administrative" || r.Identity == nil || r.Identity.Authorization == nil {
			continue
		}
		n := len(r.Identity.Claims)
		claimMin, claimMax = min(claimMin, n), max(claimMax, n)
		tokens[r.Identity.Claims["uti"]]++
		switch r.ResultType {
		case "Start":
			starts[r.CorrelationID] = true
		case "Success", "Failure":
			if starts[r.CorrelationID] {
				paired++
			}
		}
		for _, k := range []string{"requestbody", "responseBody", "statusMessage"} {
			if s, ok := r.Properties[k].(string); ok && json.Valid([]byte(s)) {
				escaped++
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d records, %d bytes, longest line %d bytes, categories %v", lines, len(data), maxLine, counts)
	t.Logf("claims per Administrative record: %d–%d; %d tokens; %d outcomes paired with their start; %d members with escaped JSON", claimMin, claimMax, len(tokens), paired, escaped)

	if maxLine > 64<<10 {
		t.Errorf("longest line is %d bytes; keep records under 64 KiB (bufio.Scanner's default limit)", maxLine)
	}
	if share := float64(counts["Administrative"]) / float64(lines); share < 0.75 || share > 0.85 {
		t.Errorf("Administrative share %.2f, want about 0.80", share)
	}
	for _, c := range CategoryNames {
		if counts[c] == 0 {
			t.Errorf("no %s record", c)
		}
	}
	if claimMin < 20 || claimMax > 35 {
		t.Errorf("claims per Administrative record %d–%d, want within 20–35", claimMin, claimMax)
	}
	if paired < counts["Administrative"]/3 {
		t.Errorf("only %d outcomes follow their Start record", paired)
	}
	// Tokens are reused: far fewer distinct utis than records.
	if len(tokens) > counts["Administrative"]/5 {
		t.Errorf("%d distinct tokens for %d records: tokens are not reused", len(tokens), counts["Administrative"])
	}
	if escaped == 0 {
		t.Error("no requestbody, responseBody or statusMessage holds escaped JSON")
	}
}

func TestActivityDeterministic(t *testing.T) {
	a := generate(t, 2<<20, 42)
	b := generate(t, 2<<20, 42)
	if !bytes.Equal(a, b) {
		t.Fatal("two runs with the same seed differ")
	}
	c := generate(t, 2<<20, 43)
	if bytes.Equal(a[:4096], c[:4096]) {
		t.Fatal("different seeds give the same output")
	}
	t.Logf("seed 42, 2 MiB: sha256 %x", sha256.Sum256(a))

	recs := ActivityRecords(100, 42)
	for i, r := range recs {
		line, _, _ := bytes.Cut(a, []byte{'\n'})
		a = a[len(line)+1:]
		if !bytes.Equal(r, line) {
			t.Fatalf("ActivityRecords record %d differs from Activity's line", i)
		}
	}
}

func TestActivityCounts(t *testing.T) {
	g := NewActivityGenerator(7)
	for range 1000 {
		g.Next(nil)
	}
	total := 0
	for _, n := range g.Counts() {
		total += n
	}
	if total != 1000 {
		t.Fatalf("Counts add up to %d, want 1000", total)
	}
}

func BenchmarkActivity(b *testing.B) {
	g := NewActivityGenerator(1)
	var line []byte
	n := 0
	for b.Loop() {
		line = g.Next(line[:0])
		n += len(line)
	}
	b.SetBytes(int64(n / b.N))
}
