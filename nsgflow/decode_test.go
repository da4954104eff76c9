package nsgflow

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/require"

	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/internal/testkit"
)

// msdocsV1 is Microsoft's version 1 example, which ends in "..." without
// closing the array and the object.
const msdocsV1 = "testdata/msdocs__network-watcher-nsg-flow-logging-overview__v1-example.json"

// samples returns the sample files in testdata.

// decodeAll decodes every record of data, cloning each, and returns the
// error that stopped the decoder.
func decodeAll(tb testing.TB, data []byte, opts ...azlogs.Option) ([]*Record, error) {
	tb.Helper()
	dec := NewDecoder(bytes.NewReader(data), opts...)
	var recs []*Record
	for dec.Next() {
		recs = append(recs, dec.Record().Clone())
	}
	return recs, dec.Err()
}

// view is what a test compares of a record: every exported field, the
// groups and every tuple's text.
type recordView struct {
	Kind              string
	Time              string
	SystemID          string `json:",omitempty"`
	MACAddress        string `json:",omitempty"`
	Category          string
	ResourceID        string `json:",omitempty"`
	OperationName     string
	Version           int
	FlowLogGUID       string   `json:",omitempty"`
	FlowLogResourceID string   `json:",omitempty"`
	TargetResourceID  string   `json:",omitempty"`
	Extra             []string `json:",omitempty"`
	PropertiesExtra   []string `json:",omitempty"`
	Groups            []groupView
	Event             struct {
		Family, Category, Operation, ResourceID, Level, Result string
	}
	Valid string
}

type groupView struct {
	ACLID  string `json:",omitempty"`
	Rule   string
	MAC    string
	Extra  []string `json:",omitempty"`
	Tuples []string
}

func members(ms []azlogs.Member) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Name+"="+string(m.Value))
	}
	return out
}

func viewRecord(rec *Record) recordView {
	v := recordView{
		Kind: rec.Kind.String(), Time: rec.Time.Format("2006-01-02T15:04:05.9999999Z07:00"),
		SystemID: rec.SystemID, MACAddress: rec.MACAddress, Category: rec.Category, ResourceID: rec.ResourceID,
		OperationName: rec.OperationName, Version: rec.Version, FlowLogGUID: rec.FlowLogGUID,
		FlowLogResourceID: rec.FlowLogResourceID, TargetResourceID: rec.TargetResourceID,
		Extra: members(rec.Extra), PropertiesExtra: members(rec.PropertiesExtra),
	}
	for g := range rec.Groups() {
		gv := groupView{ACLID: g.ACLID, Rule: g.Rule, MAC: g.MAC}
		own, outer := rec.GroupExtra(g.Index())
		gv.Extra = append(members(outer), members(own)...)
		for tu, err := range g.Tuples() {
			if err != nil {
				gv.Tuples = append(gv.Tuples, "error: "+err.Error())
				continue
			}
			gv.Tuples = append(gv.Tuples, tu.String())
		}
		v.Groups = append(v.Groups, gv)
	}
	v.Event.Family = rec.EventFamily().String()
	v.Event.Category = rec.EventCategory()
	v.Event.Operation = rec.EventOperation()
	v.Event.ResourceID = rec.EventResourceID()
	v.Event.Level = rec.EventLevel().String()
	v.Event.Result = rec.EventResult().String()
	v.Valid = "ok"
	if err := rec.Validate(); err != nil {
		v.Valid = err.Error()
	}
	return v
}

type goldenFile struct {
	Records []recordView
	Tuples  int
	Err     string `json:",omitempty"`
}

func TestGolden(t *testing.T) {
	for _, file := range testkit.Samples(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			recs, err := decodeAll(t, data)
			var g goldenFile
			if file == msdocsV1 {
				require.Error(t, err, "the v1 example is torn")
				g.Err = err.Error()
			} else {
				require.NoError(t, err)
			}
			require.NotEmpty(t, recs)
			for _, rec := range recs {
				g.Records = append(g.Records, viewRecord(rec))
				g.Tuples += rec.NumTuples()
			}
			testkit.Golden(t, filepath.Join("testdata", "golden", strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))+".golden.json"), g)
		})
	}
}

// Every tuple in the samples is found by the decoder: the count equals the
// number of strings that look like tuples in the raw file.
func TestSampleTupleCounts(t *testing.T) {
	for _, file := range testkit.Samples(t) {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		recs, _ := decodeAll(t, data)
		n := 0
		for _, r := range recs {
			for _, err := range r.Tuples() {
				require.NoError(t, err, file)
				n++
			}
			require.NoError(t, r.Validate(), file)
		}
		want := bytes.Count(data, []byte(`"14`)) + bytes.Count(data, []byte(`"15`)) + bytes.Count(data, []byte(`"16`)) + bytes.Count(data, []byte(`"17`))
		require.Equal(t, want, n, file)
	}
}

func TestTornV1Example(t *testing.T) {
	data, err := os.ReadFile(msdocsV1)
	require.NoError(t, err)
	recs, err := decodeAll(t, data)
	require.Len(t, recs, 3, "the complete records before the tear")
	require.Equal(t, 12, recs[0].NumTuples()+recs[1].NumTuples()+recs[2].NumTuples())
	var se *azlogs.SyntaxError
	require.ErrorAs(t, err, &se)
	require.ErrorIs(t, err, azlogs.ErrTruncated)
	require.Equal(t, int64(len(data)), se.Offset, "reported at the end of the input")
	require.Equal(t, 3, se.Record)
	require.Greater(t, se.Line, 30)

	// With a handler, the torn tail is reported there, and Err says why
	// the stream stopped.
	var bad []string
	dec := NewDecoder(bytes.NewReader(data), azlogs.WithErrorHandler(func(e *azlogs.RecordError) { bad = append(bad, e.Error()) }))
	n := 0
	for dec.Next() {
		n++
	}
	require.Equal(t, 3, n)
	require.NotEmpty(t, append(bad, errString(dec.Err())))
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// tupleTexts returns the text of every tuple of rec, as written.
func tupleTexts(rec *Record) []string {
	var out []string
	for i := 0; i < rec.NumTuples(); i++ {
		out = append(out, string(rec.TupleText(i)))
	}
	return out
}

func TestRoundTrip(t *testing.T) {
	for _, file := range testkit.Samples(t) {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		recs, _ := decodeAll(t, data)
		for i, rec := range recs {
			out := rec.AppendJSON(nil)
			require.True(t, json.Valid(out), "%s: %s", file, out)
			again, err := decodeAll(t, out)
			require.NoError(t, err)
			require.Len(t, again, 1)
			require.Equal(t, viewRecord(rec), viewRecord(again[0]), "%s record %d", file, i)
			require.Equal(t, tupleTexts(rec), tupleTexts(again[0]), "%s record %d", file, i)
			require.Equal(t, string(out), string(again[0].AppendJSON(nil)))
		}
	}
}

// Writing back keeps unknown members at every level.
func TestLosslessUnknownMembers(t *testing.T) {
	in := `{"time":"2024-01-01T00:00:00Z","category":"FlowLogFlowEvent","x":[1,2],` +
		`"flowRecords":{"y":true,"flows":[{"aclID":"a","z":1,"flowGroups":[{"rule":"r","w":"v","flowTuples":["1663146003599,10.0.0.6,52.239.184.180,23956,443,6,O,B,NX,0,0,0,0"]}]}]},"time2":null}`
	recs, err := decodeAll(t, []byte(in))
	require.NoError(t, err)
	rec := recs[0]
	require.Equal(t, []string{"x=[1,2]", "time2=null"}, members(rec.Extra))
	require.Equal(t, []string{"y=true"}, members(rec.PropertiesExtra))
	own, outer := rec.GroupExtra(0)
	require.Equal(t, []string{"w=\"v\""}, members(own))
	require.Equal(t, []string{"z=1"}, members(outer))
	out := string(rec.AppendJSON(nil))
	for _, s := range []string{`"x":[1,2]`, `"y":true`, `"z":1`, `"w":"v"`, `"time2":null`} {
		require.Contains(t, out, s)
	}
}

func TestReuse(t *testing.T) {
	files := testkit.Samples(t)
	var all [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		all = append(all, data)
	}
	dec := NewDecoder(nil)
	for i := range all {
		for j := range all {
			// Decode A, then B into the same decoder: B must equal B fresh.
			dec.Reset(bytes.NewReader(all[i]))
			for dec.Next() {
			}
			fresh, _ := decodeAll(t, all[j])
			dec.Reset(bytes.NewReader(all[j]))
			k := 0
			for dec.Next() {
				require.Equal(t, viewRecord(fresh[k]), viewRecord(dec.Record()), "%s after %s", files[j], files[i])
				k++
			}
			require.Equal(t, len(fresh), k)
		}
	}
}

func TestOneByteReader(t *testing.T) {
	for _, file := range testkit.Samples(t) {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		want, wantErr := decodeAll(t, data)
		dec := NewDecoder(iotest.OneByteReader(bytes.NewReader(data)))
		var got []*Record
		for dec.Next() {
			got = append(got, dec.Record().Clone())
		}
		require.Equal(t, errString(wantErr), errString(dec.Err()), file)
		require.Len(t, got, len(want), file)
		for i := range want {
			require.Equal(t, viewRecord(want[i]), viewRecord(got[i]), file)
		}
	}
}

func TestBadRecordInTheMiddle(t *testing.T) {
	data, err := os.ReadFile("testdata/sumo__blob_fixtures.json")
	require.NoError(t, err)
	recs, err := decodeAll(t, data)
	require.NoError(t, err)
	var b []byte
	b = append(b, `{"records":[`...)
	b = recs[0].AppendJSON(b)
	b = append(b, `,{"time":"2024-08-19T18:00:06Z","properties":{"flows":[{"rule":"x","flows":[{"mac":"6045BDEC2532","flowTuples":[1,2]}]}]}},`...)
	b = append(b, `{"time": oops},`...)
	b = recs[1].AppendJSON(b)
	b = append(b, "]}"...)

	// By default the first bad record stops the decoder.
	got, err := decodeAll(t, b)
	require.Len(t, got, 1)
	var se *azlogs.SyntaxError
	require.ErrorAs(t, err, &se)
	require.ErrorIs(t, err, azlogs.ErrType)
	require.Equal(t, 1, se.Record)
	require.Equal(t, "/properties/flows/0/flows/0/flowTuples/0", se.Pointer)

	// With a handler, both are reported and the good records decoded.
	var bad []*azlogs.RecordError
	got, err = decodeAll(t, b, azlogs.WithErrorHandler(func(e *azlogs.RecordError) { c := *e; bad = append(bad, &c) }))
	require.NoError(t, err)
	require.Len(t, got, 2)
	require.Len(t, bad, 2)
	require.Equal(t, 1, bad[0].Record)
	require.Equal(t, 2, bad[1].Record)
	require.ErrorIs(t, bad[1], azlogs.ErrSyntax)
	require.Equal(t, viewRecord(recs[1]), viewRecord(got[1]))
}

func TestTornLastRecord(t *testing.T) {
	data, err := os.ReadFile("testdata/sumo__blob_fixtures_vnetflowlogs.json")
	require.NoError(t, err)
	all, err := decodeAll(t, data)
	require.NoError(t, err)
	for _, cut := range []int{len(data) - 1, len(data) - 2, len(data) - 100, len(data) / 2} {
		recs, err := decodeAll(t, data[:cut])
		require.ErrorIs(t, err, azlogs.ErrTruncated, "cut %d", cut)
		var se *azlogs.SyntaxError
		require.ErrorAs(t, err, &se)
		require.LessOrEqual(t, se.Offset, int64(cut))
		for i := range recs {
			require.Equal(t, viewRecord(all[i]), viewRecord(recs[i]))
		}
	}
}

// Quirks and framings the decoder reads.
func TestQuirks(t *testing.T) {
	tuple := `1542110379,10.5.16.4,13.67.143.117,59932,443,T,O,A,E,1,66,1,66`
	nsg := func(props string) string {
		return `{"time":"2018-11-13T12:00:35.3899262Z","systemId":"s","category":"NetworkSecurityGroupFlowEvent",` +
			`"resourceId":"/X","operationName":"NetworkSecurityGroupFlowEvents","properties":` + props + `}`
	}
	good := nsg(`{"Version":2,"flows":[{"rule":"R","flows":[{"mac":"000D3AF87856","flowTuples":["` + tuple + `"]}]}]}`)
	for _, tc := range []struct {
		name, in string
		check    func(t *testing.T, r *Record)
	}{
		{"compact", good, nil},
		{"pretty", indent(good), nil},
		{"lines", good + "\n" + good + "\n", nil},
		{"array", "[" + good + "," + good + "]", nil},
		{"bom", "\xef\xbb\xbf{\"records\":[" + good + "]}", nil},
		{"escaped tuple", strings.Replace(good, `"1542110379,`, `"\u0031542110379,`, 1), nil},
		{"key case", strings.Replace(strings.Replace(good, `"resourceId"`, `"resourceid"`, 1), `"Version"`, `"version"`, 1),
			func(t *testing.T, r *Record) { require.Equal(t, "/X", r.ResourceID); require.Equal(t, 2, r.Version) }},
		{"space in tuple array", strings.Replace(good, `["`+tuple+`"]`, `[ "`+tuple+`" , "`+tuple+`" ]`, 1),
			func(t *testing.T, r *Record) { require.Equal(t, 2, r.NumTuples()) }},
		{"empty tuples", strings.Replace(good, `["`+tuple+`"]`, `[]`, 1),
			func(t *testing.T, r *Record) { require.Equal(t, 0, r.NumTuples()); require.Equal(t, 1, r.NumGroups()) }},
		{"bad time kept", strings.Replace(good, `"2018-11-13T12:00:35.3899262Z"`, `"yesterday"`, 1),
			func(t *testing.T, r *Record) {
				require.True(t, r.Time.IsZero())
				require.Equal(t, []string{`time="yesterday"`}, members(r.Extra))
				require.ErrorIs(t, r.Validate(), azlogs.ErrMissing)
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			recs, err := decodeAll(t, []byte(tc.in))
			require.NoError(t, err)
			require.NotEmpty(t, recs)
			r := recs[0]
			if tc.check != nil {
				tc.check(t, r)
				return
			}
			require.Equal(t, KindNSG, r.Kind)
			require.Equal(t, 1, r.NumTuples())
			tu, err := r.Tuple(0)
			require.NoError(t, err)
			require.Equal(t, tuple, tu.String())
			require.NoError(t, r.Validate())
			g := r.Group(0)
			require.Equal(t, "R", g.Rule)
			require.Equal(t, "000D3AF87856", g.MAC)
		})
	}
}

func TestStrictRejectsTypeDrift(t *testing.T) {
	in := `{"time":"2024-01-01T00:00:00Z","category":5,"flowRecords":{"flows":[]}}`
	_, err := decodeAll(t, []byte(in))
	require.NoError(t, err)
	_, err = decodeAll(t, []byte(in), azlogs.WithStrict())
	require.ErrorIs(t, err, azlogs.ErrType)
}

// A malformed tuple does not make its record bad: the iterators yield it
// with a *TupleError, and Validate reports it at its pointer.
func TestMalformedTuple(t *testing.T) {
	in := `{"time":"2024-01-01T00:00:00Z","flowLogVersion":4,"flowLogGUID":"g","macAddress":"00224871C205",` +
		`"category":"FlowLogFlowEvent","flowLogResourceID":"/F","targetResourceID":"/T","operationName":"FlowLogFlowEvent",` +
		`"flowRecords":{"flows":[{"aclID":"a","flowGroups":[{"rule":"r","flowTuples":[` +
		`"1663146003599,10.0.0.6,52.239.184.180,23956,443,6,O,B,NX,0,0,0,0",` +
		`"1663146003599,10.0.0.6,52.239.184.180,23956,70000,6,O,B,NX,0,0,0,0",` +
		`"1663146003599,10.0.0.6,52.239.184.180,23956,443,T,O,A"]}]}]}}`
	recs, err := decodeAll(t, []byte(in))
	require.NoError(t, err)
	rec := recs[0]
	var errs []error
	n := 0
	for tu, err := range rec.Tuples() {
		n++
		if err != nil {
			require.False(t, tu.IsValid())
			errs = append(errs, err)
		}
	}
	require.Equal(t, 3, n, "nothing dropped")
	require.Len(t, errs, 2)
	var te *TupleError
	require.ErrorAs(t, errs[0], &te)
	require.Equal(t, "/flowRecords/flows/0/flowGroups/0/flowTuples/1", te.Pointer)
	require.Equal(t, 1, te.Index)
	require.ErrorIs(t, errs[0], azlogs.ErrRange)
	var pe *ParseError
	require.ErrorAs(t, errs[1], &pe)
	require.Contains(t, errs[1].Error(), "flowTuples/2")

	err = rec.Validate()
	var ve *azlogs.ValidationError
	require.ErrorAs(t, err, &ve)
	require.Len(t, ve.Fields, 2)
	require.Equal(t, "/flowRecords/flows/0/flowGroups/0/flowTuples/1", ve.Fields[0].Pointer)
	require.Equal(t, "/flowRecords/flows/0/flowGroups/0/flowTuples/2", ve.Fields[1].Pointer)
	require.ErrorIs(t, ve.Fields[1].Err, azlogs.ErrInvalid)
}

func TestDecoderAll(t *testing.T) {
	data, err := os.ReadFile(msdocsV1)
	require.NoError(t, err)
	n := 0
	var last error
	for rec, err := range NewDecoder(bytes.NewReader(data)).All() {
		if err != nil {
			last = err
			break
		}
		require.NotNil(t, rec)
		n++
	}
	require.Equal(t, 3, n)
	require.Error(t, last)
}

func TestInputOffsetAndPosition(t *testing.T) {
	data, err := os.ReadFile("testdata/elastic-integrations__azure_network_watcher_nsg__sample_logs__testdata.log")
	require.NoError(t, err)
	dec := NewDecoder(bytes.NewReader(data))
	require.True(t, dec.Next())
	require.Equal(t, int64(len(`{"records":[`)), dec.Position().Offset)
	for dec.Next() {
	}
	require.NoError(t, dec.Err())
	require.Equal(t, int64(len(data)), dec.InputOffset())
}

func TestCloneSharesNothing(t *testing.T) {
	data, err := os.ReadFile("testdata/sumo__blob_fixtures.json")
	require.NoError(t, err)
	dec := NewDecoder(bytes.NewReader(data))
	require.True(t, dec.Next())
	c := dec.Record().Clone()
	want := viewRecord(c)
	for dec.Next() {
	}
	require.Equal(t, want, viewRecord(c))
	require.False(t, errors.Is(c.Validate(), azlogs.ErrInvalid))
}

func indent(s string) string {
	var b bytes.Buffer
	if err := json.Indent(&b, []byte(s), "", "    "); err != nil {
		panic(err)
	}
	return b.String()
}

// The tolerant reader repairs a missing comma between the members it
// reads, but a member it keeps raw must be valid as it is (it is written
// back as it was): a missing comma there makes the record bad.
func TestMissingComma(t *testing.T) {
	good := `{"category":"FlowLogFlowEvent" "flowLogVersion":4,"flowRecords":{"flows":[{"aclID":"a" "flowGroups":[]}]}}`
	recs, err := decodeAll(t, []byte(good))
	require.NoError(t, err)
	require.Equal(t, 4, recs[0].Version)
	require.True(t, json.Valid(recs[0].AppendJSON(nil)))
	_, err = decodeAll(t, []byte(good), azlogs.WithStrict())
	require.ErrorIs(t, err, azlogs.ErrSyntax)

	kept := `{"category":"FlowLogFlowEvent","x":[{"a":"b" "c":1}]}`
	_, err = decodeAll(t, []byte(kept))
	require.ErrorIs(t, err, azlogs.ErrSyntax)
}

// In tolerant mode a raw control byte inside a tuple string does not make
// the record bad; the tuple is malformed. Strict mode rejects the record.
func TestControlByteInTuple(t *testing.T) {
	in := `{"flowLogVersion":4,"flowRecords":{"flows":[{"aclID":"a","flowGroups":[{"rule":"r","flowTuples":["1663146003606,10.0.0.6,52.239.184.180,23956,443,6,O,E,NX,3,767,2,1580","16631460\x01,10.0.0.6"]}]}]}}`
	in = strings.Replace(in, `\x01`, "\x01", 1)
	recs, err := decodeAll(t, []byte(in))
	require.NoError(t, err)
	require.Equal(t, 2, recs[0].NumTuples())
	_, err = recs[0].Tuple(1)
	var te *TupleError
	require.ErrorAs(t, err, &te)
	require.Equal(t, "/flowRecords/flows/0/flowGroups/0/flowTuples/1", te.Pointer)
	out := recs[0].AppendJSON(nil)
	require.True(t, json.Valid(out), "%s", out)
	_, err = decodeAll(t, []byte(in), azlogs.WithStrict())
	require.ErrorIs(t, err, azlogs.ErrSyntax)
}

func TestGroupAccessors(t *testing.T) {
	data, err := os.ReadFile("testdata/elastic-integrations__azure_network_watcher_vnet__sample_logs__testdata.log")
	require.NoError(t, err)
	recs, err := decodeAll(t, data)
	require.NoError(t, err)
	rec := recs[0]
	require.Equal(t, 3, rec.NumGroups())
	total := 0
	for g := range rec.Groups() {
		require.Equal(t, rec.MACAddress, g.MAC)
		require.NotEmpty(t, g.ACLID)
		for i := 0; i < g.Len(); i++ {
			tu, err := g.Tuple(i)
			require.NoError(t, err)
			want, err := rec.Tuple(total)
			require.NoError(t, err)
			require.Equal(t, want, tu)
			total++
		}
	}
	require.Equal(t, rec.NumTuples(), total)
	g := rec.Group(1)
	require.Equal(t, "BlockHighRiskTCPPortsFromInternet", g.Rule)
	require.Equal(t, 1, g.Index())

	var zero Group
	require.Zero(t, zero.Len())
	_, err = zero.Tuple(0)
	require.Error(t, err)
	for range zero.Tuples() {
		t.Fatal("the zero Group has no tuples")
	}
	var empty Record
	require.Zero(t, empty.NumTuples())
	require.Equal(t, "{}", string(empty.AppendJSON(nil)))
	require.Error(t, empty.Validate())
}

// With a handler, a torn last record is reported there and ends the
// input: nothing is found inside its bytes. Every cut of a blob gives the
// complete records before it, whole.
func TestTornTailWithHandler(t *testing.T) {
	data, err := os.ReadFile("testdata/elastic-integrations__azure_network_watcher_nsg__sample_logs__testdata.log")
	require.NoError(t, err)
	all, err := decodeAll(t, data)
	require.NoError(t, err)
	for cut := 0; cut < len(data); cut++ {
		var bad []*azlogs.RecordError
		recs, err := decodeAll(t, data[:cut], azlogs.WithErrorHandler(func(e *azlogs.RecordError) { c := *e; bad = append(bad, &c) }))
		require.LessOrEqual(t, len(recs), len(all), "cut %d", cut)
		for i := range recs {
			require.Equal(t, viewRecord(all[i]), viewRecord(recs[i]), "cut %d", cut)
		}
		require.LessOrEqual(t, len(bad), 1, "cut %d", cut)
		if len(bad) == 1 {
			require.ErrorIs(t, bad[0], azlogs.ErrTruncated, "cut %d", cut)
			require.Equal(t, len(recs), bad[0].Record, "cut %d", cut)
		}
		if cut > 0 && len(bad) == 0 && len(bytes.TrimSpace(data[:cut])) < len(bytes.TrimSpace(data)) {
			// Torn between records: the stream says so.
			require.ErrorIs(t, err, azlogs.ErrTruncated, "cut %d", cut)
		}
	}
}
