package activity

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/netip"
	"os"
	"path/filepath"
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

// recordOpts compares records by their exported fields; Quirks are what
// the decoder corrected, which a record written back no longer needs.
var recordOpts = cmp.Options{
	cmpopts.IgnoreUnexported(Record{}),
	cmpopts.EquateComparable(netip.Addr{}, azlogs.ID{}),
	cmpopts.EquateEmpty(),
	cmpopts.IgnoreFields(Record{}, "Quirks"),
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
	files := testkit.Samples(t)
	var all [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		recs, _, err := decodeAll(t, data)
		require.NoError(t, err)
		for _, r := range recs {
			all = append(all, r.AppendJSON(nil))
		}
	}
	// B after A through one decoder equals B alone, for every B after
	// every A of a set chosen to leave the most behind: the record before
	// it, and the ones with the most members.
	biggest := 0
	for i := range all {
		if len(all[i]) > len(all[biggest]) {
			biggest = i
		}
	}
	for j, b := range all {
		for _, i := range []int{(j + len(all) - 1) % len(all), biggest, 0} {
			a := all[i]
			stream := append(append(append([]byte{}, a...), '\n'), b...)
			recs, bad, err := decodeAll(t, stream)
			require.NoError(t, err)
			require.Empty(t, bad)
			require.Len(t, recs, 2)
			fresh, _, _ := decodeAll(t, b)
			if diff := cmp.Diff(fresh[0], recs[1], recordOpts, cmpopts.IgnoreFields(Record{}, "Quirks")); diff != "" {
				t.Fatalf("record %d after record %d differs from record %d alone:\n%s", j, i, j, diff)
			}
		}
	}
}

// TestOneByteReader checks that reading one byte at a time, or with a
// reader that returns data along with errors, gives the same records.
func TestOneByteReader(t *testing.T) {
	for _, file := range testkit.Samples(t) {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		want, wantBad, err := decodeAll(t, data)
		require.NoError(t, err)
		for name, wrap := range map[string]func([]byte) []byte{"plain": func(b []byte) []byte { return b }} {
			_ = wrap
			for rname, r := range map[string]func() *Decoder{
				"onebyte": func() *Decoder { return NewDecoder(iotest.OneByteReader(bytes.NewReader(data))) },
				"dataerr": func() *Decoder { return NewDecoder(iotest.DataErrReader(bytes.NewReader(data))) },
				"halfread": func() *Decoder {
					return NewDecoder(iotest.HalfReader(bytes.NewReader(data)))
				},
			} {
				dec := r()
				var got []*Record
				for dec.Next() {
					got = append(got, dec.Record().Clone())
				}
				if len(wantBad) == 0 {
					require.NoError(t, dec.Err(), "%s %s %s", file, name, rname)
					if diff := cmp.Diff(want, got, recordOpts); diff != "" {
						t.Errorf("%s with %s reader:\n%s", file, rname, diff)
					}
				}
			}
		}
	}
}

// TestBadRecordsInTheMiddle damages records in a stream and checks that
// every good record is decoded and every bad one reported where it is.
func TestBadRecordsInTheMiddle(t *testing.T) {
	good := `{"time":"2025-04-15T10:16:32.9873441Z","resourceId":"/SUBSCRIPTIONS/S1","operationName":"MICROSOFT.X/WRITE","category":"Administrative","level":"Informational","correlationId":"aaaaaaaa-bbbb-cccc-dddd-111111111111"}`
	bad := []string{
		`{"time":"2025-04-15T10:16:32Z","resourceId":`,        // torn mid-member
		`{"time":"2025-04-15T10:16:32Z" "x" 1}`,               // garbage
		`{"time":"2025-04-15T10:16:32Z","resourceId":"/x\q"}`, // bad escape
		`not json at all`, // not an object
		`{"time":"2025-04-15T10:16:32Z","durationMs":12..5}`,     // bad number
		`{"time":"2025-04-15T10:16:32Z","properties":{"a":[1,}}`, // trailing comma
	}
	var lines []string
	var wantBadLines []int
	for i, b := range bad {
		lines = append(lines, good, good)
		lines = append(lines, b)
		wantBadLines = append(wantBadLines, len(lines))
		_ = i
	}
	lines = append(lines, good)
	stream := strings.Join(lines, "\n") + "\n"
	recs, errs, err := decodeAll(t, []byte(stream))
	require.NoError(t, err)
	require.Len(t, recs, len(lines)-len(bad), "every good record is decoded")
	for _, r := range recs {
		require.Equal(t, "MICROSOFT.X/WRITE", r.EventOperation())
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
	data, err := os.ReadFile("testdata/otelcol-contrib__azureencoding__activitylogs__administrative-log.json")
	require.NoError(t, err)
	full, _, err := decodeAll(t, data)
	require.NoError(t, err)
	// Cut the blob inside its second record: the first is delivered, the
	// torn one reported.
	cut := bytes.Index(data, []byte(`"time": "2025-04-15T10:16:33`))
	recs, bad, err := decodeAll(t, data[:cut])
	require.NoError(t, err)
	require.Len(t, recs, 1)
	if diff := cmp.Diff(full[0], recs[0], recordOpts); diff != "" {
		t.Error(diff)
	}
	require.Len(t, bad, 1)
	require.ErrorIs(t, bad[0], azlogs.ErrTruncated)
	require.Equal(t, 1, bad[0].Record)
}

func TestAllocations(t *testing.T) {
	data, err := os.ReadFile("testdata/otelcol-contrib__azureencoding__activitylogs__administrative-log.json")
	require.NoError(t, err)
	recs, _, err := decodeAll(t, data)
	require.NoError(t, err)
	var lines []byte
	for i := 0; i < 50; i++ {
		for _, r := range recs {
			lines = append(r.AppendJSON(lines), '\n')
		}
	}
	dec := NewDecoder(bytes.NewReader(lines))
	r := bytes.NewReader(lines)
	run := func() {
		r.Reset(lines)
		dec.Reset(r)
		for dec.Next() {
			if err := dec.Record().Validate(); err != nil {
				t.Fatal(err)
			}
		}
		if dec.Err() != nil {
			t.Fatal(dec.Err())
		}
	}
	run() // warm up: buffers grow, strings are interned
	perRun := testing.AllocsPerRun(20, run)
	perRecord := perRun / float64(100)
	if perRecord != 0 {
		t.Fatalf("decoding allocates %.2f times per record in steady state, want 0", perRecord)
	}
	// The same records as Event Hubs messages: {"records":[…]} envelopes
	// of 20, one per line.
	var envs []byte
	for i := 0; i < 5; i++ {
		envs = append(envs, `{"records":[`...)
		for j := 0; j < 20; j++ {
			if j > 0 {
				envs = append(envs, ',')
			}
			envs = recs[j%len(recs)].AppendJSON(envs)
		}
		envs = append(envs, "]}\n"...)
	}
	lines = envs
	run()
	if n := testing.AllocsPerRun(20, run) / 100; n != 0 {
		t.Fatalf("decoding envelopes allocates %.2f times per record in steady state, want 0", n)
	}
	var buf []byte
	rec := recs[0]
	if n := testing.AllocsPerRun(20, func() { buf = rec.AppendJSON(buf[:0]) }); n != 0 {
		t.Fatalf("AppendJSON allocates %.0f times with room in dst", n)
	}
}

// TestMemoCountsMembers: claims and evidence found in the decoder's memos
// count against WithMaxMembers as those read do, so that whether a record
// fits the limit does not depend on the records before it.
func TestMemoCountsMembers(t *testing.T) {
	claims := testkit.ClaimsObject(8)
	// 2 top-level members, 1 in identity, 8 claims, 1 or 5 properties: 12
	// and 16 members.
	small := `{"identity":{"claims":` + claims + `},"properties":{"a":"1"}}`
	big := `{"identity":{"claims":` + claims + `},"properties":{"a":"1","b":"2","c":"3","d":"4","e":"5"}}`
	var errs []error
	dec := NewDecoder(strings.NewReader(small+"\n"+big+"\n"+small+"\n"+big+"\n"),
		azlogs.WithMaxMembers(14), azlogs.WithErrorHandler(func(e *azlogs.RecordError) { errs = append(errs, e) }))
	var got []int
	for dec.Next() {
		got = append(got, len(dec.Record().Identity.Claims))
	}
	require.NoError(t, dec.Err())
	require.Equal(t, []int{8, 8}, got, "the records of 12 members decode, with their claims")
	require.Len(t, errs, 2, "the records of 16 members are over the limit, claims remembered or not")
	for _, err := range errs {
		require.ErrorIs(t, err, azlogs.ErrRecordTooLarge)
	}
}
