package diagnostics

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/netip"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/internal/testkit"
)

// samples returns the sample files in testdata.

// decodeAll decodes every record of data, cloning each, and collects the
// bad records reported.
func decodeAll(t testing.TB, data []byte, opts ...azlogs.Option) ([]*Record, []*azlogs.RecordError, error) {
	t.Helper()
	var bad []*azlogs.RecordError
	opts = append([]azlogs.Option{azlogs.WithErrorHandler(func(e *azlogs.RecordError) {
		c := *e
		c.Raw = bytes.Clone(e.Raw)
		bad = append(bad, &c)
	})}, opts...)
	dec := NewDecoder(bytes.NewReader(data), opts...)
	var recs []*Record
	for dec.Next() {
		recs = append(recs, dec.Record().Clone())
	}
	return recs, bad, dec.Err()
}

// recordOpts compares records by their exported fields and typed views;
// Quirks are what the decoder corrected, which a record written back no
// longer needs.
var recordOpts = cmp.Options{
	cmpopts.IgnoreUnexported(Record{}),
	cmp.Transformer("view", func(p Properties) any {
		return struct {
			Members []azlogs.Member
			View    any
		}{p.Members, p.View()}
	}),
	cmpopts.EquateComparable(netip.Addr{}, azlogs.ID{}),
	cmp.FilterPath(func(p cmp.Path) bool { return p.Last().Type() != reflect.TypeOf(azlogs.RawJSON(nil)) },
		cmpopts.EquateEmpty()),
	cmpopts.IgnoreFields(Record{}, "Quirks"),
	// Raw values are equal when they are the same JSON but for white space
	// (AppendJSON writes multi-line values on one line).
	cmp.Comparer(func(a, b azlogs.RawJSON) bool {
		if len(a) == 0 || len(b) == 0 {
			return len(a) == len(b)
		}
		var ca, cb bytes.Buffer
		if json.Compact(&ca, a) != nil || json.Compact(&cb, b) != nil {
			return bytes.Equal(a, b)
		}
		return bytes.Equal(ca.Bytes(), cb.Bytes())
	}),
}

type goldenRecord struct {
	Event struct {
		Time          string
		Category      string
		Operation     string
		ResourceID    string
		Level         string
		Result        string
		Caller        string
		CallerIP      string
		CorrelationID string
	}
	Valid  string
	Record *Record
	Typed  any `json:",omitempty"`
}

type goldenFile struct {
	Records []goldenRecord
	Errors  []string `json:",omitempty"`
}

func TestGolden(t *testing.T) {
	for _, file := range testkit.Samples(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			recs, bad, err := decodeAll(t, data)
			require.NoError(t, err)
			require.NotEmpty(t, recs, "every sample holds records")
			var g goldenFile
			for _, rec := range recs {
				var gr goldenRecord
				gr.Event.Time = rec.EventTime().Format("2006-01-02T15:04:05.999999999Z07:00")
				gr.Event.Category = rec.EventCategory()
				gr.Event.Operation = rec.EventOperation()
				gr.Event.ResourceID = rec.EventResourceID()
				gr.Event.Level = rec.EventLevel().String()
				gr.Event.Result = rec.EventResult().String()
				gr.Event.Caller = rec.EventCaller()
				if ip := rec.EventCallerIP(); ip.IsValid() {
					gr.Event.CallerIP = ip.String()
				}
				gr.Event.CorrelationID = rec.EventCorrelationID()
				gr.Valid = "ok"
				if err := rec.Validate(); err != nil {
					gr.Valid = err.Error()
				}
				gr.Record = rec
				gr.Typed = rec.Properties.View()
				g.Records = append(g.Records, gr)
			}
			for _, e := range bad {
				g.Errors = append(g.Errors, e.Error())
			}
			testkit.Golden(t, filepath.Join("testdata", "golden", filepath.Base(file)+".golden.json"), g)
		})
	}
}

func TestRoundTrip(t *testing.T) {
	for _, file := range testkit.Samples(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			recs, _, err := decodeAll(t, data)
			require.NoError(t, err)
			for i, rec := range recs {
				out := rec.AppendJSON(nil)
				require.True(t, json.Valid(out), "record %d: AppendJSON wrote invalid JSON:\n%s", i, out)
				again, bad, err := decodeAll(t, out)
				require.NoError(t, err)
				require.Empty(t, bad)
				require.Len(t, again, 1)
				if diff := cmp.Diff(rec, again[0], recordOpts); diff != "" {
					t.Errorf("record %d changed in a round trip (-first +second):\n%s\nwritten: %s", i, diff, out)
				}
				// Writing the second decode gives the same bytes.
				require.Equal(t, string(out), string(again[0].AppendJSON(nil)), "record %d", i)
			}
		})
	}
}

// TestReuse checks that a record decoded after another equals the same
// record decoded fresh: nothing of the first leaks into the second.
func TestReuse(t *testing.T) {
	var all [][]byte
	for _, f := range testkit.Samples(t) {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		recs, _, err := decodeAll(t, data)
		require.NoError(t, err)
		for _, r := range recs {
			all = append(all, r.AppendJSON(nil))
		}
	}
	biggest := 0
	for i := range all {
		if len(all[i]) > len(all[biggest]) {
			biggest = i
		}
	}
	for j, b := range all {
		for _, i := range []int{(j + len(all) - 1) % len(all), biggest, 0} {
			stream := append(append(append([]byte{}, all[i]...), '\n'), b...)
			recs, bad, err := decodeAll(t, stream)
			require.NoError(t, err)
			require.Empty(t, bad)
			require.Len(t, recs, 2)
			fresh, _, _ := decodeAll(t, b)
			if diff := cmp.Diff(fresh[0], recs[1], recordOpts); diff != "" {
				t.Fatalf("record %d after record %d differs from record %d alone:\n%s", j, i, j, diff)
			}
		}
	}
	// The decoder's own record (not a clone) after Reset.
	dec := NewDecoder(bytes.NewReader(all[biggest]))
	require.True(t, dec.Next())
	for j, b := range all {
		dec.Reset(bytes.NewReader(b))
		require.True(t, dec.Next(), "record %d", j)
		fresh, _, _ := decodeAll(t, b)
		if diff := cmp.Diff(fresh[0], dec.Record(), recordOpts); diff != "" {
			t.Fatalf("record %d after Reset differs:\n%s", j, diff)
		}
	}
}

// TestOneByteReader checks that reading one byte at a time, or with readers
// that return data along with errors or in halves, gives the same records.
func TestOneByteReader(t *testing.T) {
	for _, file := range testkit.Samples(t) {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		want, _, err := decodeAll(t, data)
		require.NoError(t, err)
		for rname, mk := range map[string]func() *Decoder{
			"onebyte":  func() *Decoder { return NewDecoder(iotest.OneByteReader(bytes.NewReader(data))) },
			"dataerr":  func() *Decoder { return NewDecoder(iotest.DataErrReader(bytes.NewReader(data))) },
			"halfread": func() *Decoder { return NewDecoder(iotest.HalfReader(bytes.NewReader(data))) },
		} {
			dec := mk()
			var got []*Record
			for dec.Next() {
				got = append(got, dec.Record().Clone())
			}
			require.NoError(t, dec.Err(), "%s %s", file, rname)
			if diff := cmp.Diff(want, got, recordOpts); diff != "" {
				t.Errorf("%s with %s reader:\n%s", file, rname, diff)
			}
		}
	}
}

// TestBadRecordsInTheMiddle damages records in a stream and checks that
// every good record is decoded and every bad one reported where it is.
func TestBadRecordsInTheMiddle(t *testing.T) {
	good := `{"time":"2025-04-15T10:16:32.9873441Z","resourceId":"/SUBSCRIPTIONS/S1/PROVIDERS/MICROSOFT.KEYVAULT/VAULTS/V","operationName":"SecretGet","category":"AuditEvent","durationMs":"12"}`
	bad := []string{
		`{"time":"2025-04-15T10:16:32Z","resourceId":`,        // torn mid-member
		`{"time":"2025-04-15T10:16:32Z" "x" 1}`,               // garbage
		`{"time":"2025-04-15T10:16:32Z","resourceId":"/x\q"}`, // bad escape
		`not json at all`, // not an object
		`{"time":"2025-04-15T10:16:32Z","durationMs":12..5}`,           // bad number
		`{"time":"2025-04-15T10:16:32Z","properties":{"a":[1,}}`,       // trailing comma
		`{"time":"2025-04-15T10:16:32Z","properties":{'a':'unclosed}}`, // unterminated single-quoted object
	}
	var lines []string
	var wantBadLines []int
	for _, b := range bad {
		lines = append(lines, good, good, b)
		wantBadLines = append(wantBadLines, len(lines))
	}
	lines = append(lines, good)
	stream := strings.Join(lines, "\n") + "\n"
	recs, errs, err := decodeAll(t, []byte(stream))
	require.NoError(t, err)
	require.Len(t, recs, len(lines)-len(bad), "every good record is decoded")
	for _, r := range recs {
		require.Equal(t, "SecretGet", r.EventOperation())
		require.Equal(t, KeyVaultAuditEvent, r.Category)
	}
	require.Len(t, errs, len(bad))
	offset := 0
	lineStarts := map[int]int{}
	for i, l := range lines {
		lineStarts[i+1] = offset
		offset += len(l) + 1
	}
	for i, e := range errs {
		require.Equal(t, wantBadLines[i], e.Start.Line, "bad record %d line", i)
		require.Equal(t, int64(lineStarts[wantBadLines[i]]), e.Start.Offset, "bad record %d offset", i)
		require.Equal(t, wantBadLines[i]-1, e.Record, "bad record %d index", i)
		require.Equal(t, bad[i], string(e.Raw), "bad record %d raw bytes", i)
		var se *azlogs.SyntaxError
		require.True(t, errors.As(e, &se), "cause is a SyntaxError: %v", e)
		require.Equal(t, wantBadLines[i], se.Line)
	}
	// Without a handler the first bad record stops the decoder with a
	// positioned error.
	dec := NewDecoder(strings.NewReader(stream))
	n := 0
	for dec.Next() {
		n++
	}
	require.Equal(t, 2, n)
	var se *azlogs.SyntaxError
	require.ErrorAs(t, dec.Err(), &se)
	require.Equal(t, 3, se.Line)
	require.Equal(t, 2, se.Record)
	require.ErrorIs(t, dec.Err(), azlogs.ErrTruncated)
	require.Equal(t, "/resourceId", se.Pointer)
}

func TestTornLastRecord(t *testing.T) {
	data, err := os.ReadFile("testdata/otelcol-contrib__azureencoding__functionapp__function-app-log.json")
	require.NoError(t, err)
	full, _, err := decodeAll(t, data)
	require.NoError(t, err)
	// Cut the blob inside its second record: the first is delivered, the
	// torn one reported.
	cut := bytes.Index(data, []byte(`"time": "2024-06-09T09:15:33Z"`))
	require.Positive(t, cut)
	recs, bad, err := decodeAll(t, data[:cut+20])
	require.NoError(t, err)
	require.Len(t, recs, 1)
	if diff := cmp.Diff(full[0], recs[0], recordOpts); diff != "" {
		t.Error(diff)
	}
	require.Len(t, bad, 1)
	require.ErrorIs(t, bad[0], azlogs.ErrTruncated)
	require.Equal(t, 1, bad[0].Record)

	// The same as JSON lines, cut in the last line.
	var lines []byte
	for _, r := range full {
		lines = append(r.AppendJSON(lines), '\n')
	}
	recs, bad, err = decodeAll(t, lines[:len(lines)-40])
	require.NoError(t, err)
	require.Len(t, recs, len(full)-1)
	require.Len(t, bad, 1)
	require.ErrorIs(t, bad[0], azlogs.ErrTruncated)
}

// mixedLines returns n copies of every sample record, as JSON lines.
func mixedLines(t testing.TB, n int) ([]byte, int) {
	t.Helper()
	var recs []*Record
	for _, f := range testkit.Samples(t) {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		rs, _, err := decodeAll(t, data)
		require.NoError(t, err)
		recs = append(recs, rs...)
	}
	var lines []byte
	for i := 0; i < n; i++ {
		for _, r := range recs {
			lines = append(r.AppendJSON(lines), '\n')
		}
	}
	return lines, n * len(recs)
}

func TestAllocations(t *testing.T) {
	lines, count := mixedLines(t, 20)
	// The originals too: quirks (strings of JSON, single quotes, renamed
	// members) take other paths than the written-back form.
	var originals [][]byte
	for _, f := range testkit.Samples(t) {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		originals = append(originals, data)
	}
	dec := NewDecoder(bytes.NewReader(lines))
	r := bytes.NewReader(lines)
	run := func() {
		r.Reset(lines)
		dec.Reset(r)
		n := 0
		for dec.Next() {
			n++
		}
		if dec.Err() != nil || n != count {
			t.Fatal(dec.Err(), n, count)
		}
	}
	// Warm up: buffers grow, views are made, strings are interned and the
	// intern table grows to hold this corpus's ~2000 distinct values.
	// The table grows only after as many misses as it has sets, and a few
	// values collide in their sets until it has grown enough.
	for i := 0; i < 30; i++ {
		run()
	}
	perRun := testing.AllocsPerRun(10, run)
	if perRecord := perRun / float64(count); perRecord != 0 {
		t.Fatalf("decoding allocates %.3f times per record in steady state (%.0f per run), want 0", perRecord, perRun)
	}
	// The sample files as they are. Detecting that a stream of JSON lines
	// is in fact pretty-printed costs jsontok's Driver two allocations,
	// once per stream: ten copies of a file cost what one does.
	for i, data := range originals {
		ten := bytes.Repeat(append(bytes.Clone(data), '\n'), 10)
		runOne := func() {
			r.Reset(ten)
			dec.Reset(r)
			for dec.Next() {
			}
		}
		runOne()
		if n := testing.AllocsPerRun(10, runOne); n > 2 {
			t.Errorf("decoding ten copies of %s allocates %.0f times per run", testkit.Samples(t)[i], n)
		}
	}
	recs, _, _ := decodeAll(t, lines)
	var buf []byte
	for _, rec := range recs[:100] {
		buf = rec.AppendJSON(buf[:0])
		if n := testing.AllocsPerRun(10, func() { buf = rec.AppendJSON(buf[:0]) }); n != 0 {
			t.Fatalf("AppendJSON allocates %.0f times with room in dst", n)
		}
	}
	// Validate allocates nothing for a valid record.
	for _, rec := range recs[:100] {
		if rec.Validate() == nil {
			if n := testing.AllocsPerRun(10, func() { _ = rec.Validate() }); n != 0 {
				t.Fatalf("Validate allocates %.0f times for a valid record", n)
			}
		}
	}
}

func TestFramings(t *testing.T) {
	rec := `{"time":"2016-01-05T01:32:01.2691226Z","resourceId":"/SUBSCRIPTIONS/S/PROVIDERS/MICROSOFT.KEYVAULT/VAULTS/V","operationName":"VaultGet","category":"AuditEvent"}`
	for name, in := range map[string]string{
		"lines":   rec + "\n" + rec + "\n",
		"records": `{"records":[` + rec + "," + rec + `]}`,
		"array":   "[" + rec + ",\n" + rec + "]",
		"bom":     "\ufeff" + rec + "\r\n" + rec,
		"blank":   "\n\n" + rec + "\n\n\n" + rec + "\n",
		"hubs":    `{"records":[` + rec + `]}` + "\n" + `{"records":[` + rec + `]}`,
	} {
		recs, bad, err := decodeAll(t, []byte(in))
		require.NoError(t, err, name)
		require.Empty(t, bad, name)
		require.Len(t, recs, 2, name)
		for _, r := range recs {
			require.Equal(t, KeyVaultAuditEvent, r.Category, name)
			var e azlogs.Event = r
			require.Equal(t, azlogs.Diagnostics, e.EventFamily())
			require.Equal(t, "AuditEvent", e.EventCategory())
		}
	}
}

func TestStrict(t *testing.T) {
	for _, in := range []string{
		`{"time":"2016-01-05T01:32:01Z","durationMs":"78"}`,
		`{"time":"2016-01-05T01:32:01Z","level":4}`,
		`{"time":"2016-01-05T01:32:01Z","properties":"{\"a\":1}"}`,
		`{"time":"2016-01-05T01:32:01Z","properties":{'a':'b'}}`,
		`{"time":"9/7/2022 2:41:35 PM +00:00"}`,
	} {
		dec := NewDecoder(strings.NewReader(in), azlogs.WithStrict())
		require.False(t, dec.Next(), in)
		var se *azlogs.SyntaxError
		require.ErrorAs(t, dec.Err(), &se, in)
		// The default decoder accepts it.
		dec = NewDecoder(strings.NewReader(in))
		require.True(t, dec.Next(), in)
		require.NotZero(t, dec.Record().Quirks, in)
	}
}

func TestExactField(t *testing.T) {
	for f := fTime; f < numFields; f++ {
		require.Equal(t, f, exactField([]byte(fieldNames[f])))
		require.Equal(t, f, exactFields[fieldNames[f]])
	}
	require.Equal(t, fNone, exactField([]byte("Time")))
}

// TestClaimsMemoCountsMembers: claims found in the memo count against
// WithMaxMembers as claims read do, so that whether a record fits the
// limit does not depend on the records before it.
func TestClaimsMemoCountsMembers(t *testing.T) {
	claims := testkit.ClaimsObject(8)
	// 3 top-level members, 1 in identity, 8 claims, 1 or 5 properties: 13
	// and 17 members.
	small := `{"category":"AuditEvent","identity":{"claim":` + claims + `},"properties":{"a":1}}`
	big := `{"category":"AuditEvent","identity":{"claim":` + claims + `},"properties":{"a":1,"b":2,"c":3,"d":4,"e":5}}`
	var errs []error
	dec := NewDecoder(strings.NewReader(small+"\n"+big+"\n"+small+"\n"+big+"\n"),
		azlogs.WithMaxMembers(15), azlogs.WithErrorHandler(func(e *azlogs.RecordError) { errs = append(errs, e) }))
	var got []int
	for dec.Next() {
		got = append(got, len(dec.Record().Identity.Claims))
	}
	require.NoError(t, dec.Err())
	require.Equal(t, []int{8, 8}, got, "the records of 13 members decode, with their claims")
	require.Len(t, errs, 2, "the records of 17 members are over the limit, claims remembered or not")
	for _, err := range errs {
		require.ErrorIs(t, err, azlogs.ErrRecordTooLarge)
	}
}
