package bench

import (
	"io"
	"slices"
	"strings"
	"testing"
)

// Run uses DecodeBytes when it is set, else Decode through a reader, and
// Select picks methods by name, in the order asked for.
func TestRunnerRunAndSelect(t *testing.T) {
	read := Runner[int]{Name: "read", Decode: func(r io.Reader) (int, error) {
		b, err := io.ReadAll(r)
		return len(b), err
	}}
	inPlace := Runner[int]{Name: "in place", DecodeBytes: func(b []byte) (int, error) { return -len(b), nil }}
	if n, _ := read.Run([]byte("abc")); n != 3 {
		t.Errorf("read.Run = %d, want 3", n)
	}
	if n, _ := inPlace.Run([]byte("abc")); n != -3 {
		t.Errorf("inPlace.Run = %d, want -3", n)
	}

	all := []Runner[int]{read, inPlace}
	names := func(ms []Runner[int]) string {
		var s []string
		for _, m := range ms {
			s = append(s, m.Name)
		}
		return strings.Join(s, ",")
	}
	for list, want := range map[string]string{"": "read,in place", "in place, read": "in place,read", "read": "read"} {
		got, err := Select(all, list)
		if err != nil || names(got) != want {
			t.Errorf("Select(%q) = %q, %v; want %q", list, names(got), err, want)
		}
	}
	if _, err := Select(all, "read,nosuch"); err == nil {
		t.Error("Select accepted an unknown name")
	}
	if _, err := SelectMethods(Flags{Passes: 0}, all); err == nil {
		t.Error("SelectMethods accepted -passes 0")
	}
}

// Agree keeps the first result and fails on a different one.
func TestAgree(t *testing.T) {
	var want int
	agree := Agree(&want)
	m := Runner[int]{Name: "m"}
	if agree(m, 0) != nil || agree(m, 0) != nil || want != 0 {
		t.Fatal("equal results disagreed")
	}
	if err := agree(m, 1); err == nil {
		t.Fatal("a different result agreed")
	}
}

// Table puts the names first and refers the ratios to the baseline, or
// leaves them at 0 (n/a) without it.
func TestTable(t *testing.T) {
	results := [][]Sample{
		{{Wall: 2, CPU: 2}, {Wall: 4, CPU: 4}},
		{{Wall: 1, CPU: 1}, {Wall: 1, CPU: 1}},
	}
	cells := func(s Summary) []string { return []string{FormatRatio(s.WallRatio, "x")} }
	rows := Table([]Runner[int]{{Name: Baseline}, {Name: "fast"}}, results, cells)
	if want := [][]string{{Baseline, "1.00x"}, {"fast", "3.00x"}}; !slices.EqualFunc(rows, want, slices.Equal) {
		t.Errorf("rows = %q, want %q", rows, want)
	}
	rows = Table([]Runner[int]{{Name: "slow"}, {Name: "fast"}}, results, cells)
	if want := [][]string{{"slow", "n/a"}, {"fast", "n/a"}}; !slices.EqualFunc(rows, want, slices.Equal) {
		t.Errorf("rows without baseline = %q, want %q", rows, want)
	}
}
