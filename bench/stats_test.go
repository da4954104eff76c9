package bench

import "testing"

func TestParseSizeAndMedian(t *testing.T) {
	for in, want := range map[string]int64{"64MB": 64 << 20, "1.5GiB": 3 << 29, "4096": 4096, " 8 kb ": 8 << 10, "2M": 2 << 20} {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "MB", "-1MB", "ten"} {
		if _, err := ParseSize(bad); err == nil {
			t.Errorf("ParseSize(%q) accepted", bad)
		}
	}
	xs := []float64{5, 1, 3}
	if Median(xs) != 3 || Median([]float64{4, 1, 3, 2}) != 2.5 || xs[0] != 5 {
		t.Error("Median is wrong or changed its input")
	}
}
