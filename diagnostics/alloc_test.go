package diagnostics

import (
	"bytes"
	"runtime"
	"sort"
	"testing"

	"github.com/azlogs/azlogs/internal/corpusgen"
)

// freshAllocsOutsideViews are the generated categories whose records carry
// values unique per record outside the typed views, in members that the
// envelope keeps as strings: callerIpAddress (with a port for storage, or
// drawn from thousands of client addresses) and identity claims (a new
// object ID per Key Vault record). Their bound is looser; the others must
// not allocate on fresh data.
var freshAllocsOutsideViews = map[string]float64{
	"AuditEvent":                 3,
	"StorageRead":                1.3,
	"GatewayLogs":                0.5,
	"MicrosoftGraphActivityLogs": 0.5,
	"RuntimeAuditLogs":           0.5,
	"WidgetAudit":                0.5,
}

// TestAllocationsOnFreshData pins what decoding records never seen before
// costs. The decoder is warmed on the first half of a generated corpus;
// the second half draws on the same value pools (paths, hosts, agents …)
// but each record carries its own IDs, request URIs and messages, as a
// real stream does. Values unique per request are RawJSON in the typed
// views, not interned strings, so they must not allocate.
func TestAllocationsOnFreshData(t *testing.T) {
	// 24 MB: a smaller warm-up leaves the bounded pools (origin
	// addresses, computer names …) not yet all seen, which would count
	// here. Generating and decoding it takes about a second.
	data, _ := corpusgen.Diagnostics(24<<20, 7)
	cut := bytes.IndexByte(data[len(data)/2:], '\n') + len(data)/2 + 1
	warm, fresh := data[:cut], data[cut:]

	dec := NewDecoder(bytes.NewReader(warm))
	for dec.Next() {
	}
	if err := dec.Err(); err != nil {
		t.Fatal(err)
	}

	// The fresh half, by category, in the order of the records.
	byCategory := map[string][]byte{}
	var names []string
	for line := range bytes.Lines(fresh) {
		_, rest, ok := bytes.Cut(line, []byte(`"category":"`))
		name, _, ok2 := bytes.Cut(rest, []byte(`"`))
		if !ok || !ok2 {
			t.Fatalf("no category in %s", line)
		}
		if _, seen := byCategory[string(name)]; !seen {
			names = append(names, string(name))
		}
		byCategory[string(name)] = append(byCategory[string(name)], line...)
	}
	sort.Strings(names)

	var total, records uint64
	for _, name := range names {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		dec.Reset(bytes.NewReader(byCategory[name]))
		n := 0
		for dec.Next() {
			n++
		}
		runtime.ReadMemStats(&after)
		if err := dec.Err(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		allocs := after.Mallocs - before.Mallocs
		total += allocs
		records += uint64(n)
		per := float64(allocs) / float64(n)
		bound, ok := freshAllocsOutsideViews[name]
		if !ok {
			bound = 0.05
		}
		t.Logf("%-32s %5d records %.4f allocations per record", name, n, per)
		if per > bound {
			t.Errorf("%s: %.4f allocations per record on fresh data, want at most %g", name, per, bound)
		}
	}
	per := float64(total) / float64(records)
	t.Logf("fresh data: %.4f allocations per record (%d records, %d allocations)", per, records, total)
	if per > 0.4 {
		t.Errorf("%.4f allocations per record on fresh data, want at most 0.4", per)
	}
}
