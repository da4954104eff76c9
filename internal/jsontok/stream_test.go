package jsontok

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/azlogs/azlogs"
)

// skipObject is the trivial parse function of these tests: a record is
// any valid JSON object.
func skipObject(p *Reader) bool {
	if p.Peek() != Object {
		p.Fail(p.Offset(), "record is not an object", azlogs.ErrSyntax)
		return false
	}
	return p.Skip()
}

// An event is what the Driver gave: a record, or a bad one reported to the
// handler (Bad).
type event struct {
	Index    int
	Raw      string
	Bad      bool
	NoRaw    bool
	Sentinel error
	Start    azlogs.Position // where the bad record starts
	Pos      azlogs.Position // where its error is
	Pointer  string
	Msg      string
}

// outcome is everything a run of the Driver gave.
type outcome struct {
	Events  []event
	Err     error // the sentinel of Err()
	Framing Framing
	Next    string
}

var sentinels = []error{azlogs.ErrTruncated, azlogs.ErrTooDeep, azlogs.ErrRecordTooLarge, azlogs.ErrSyntax, errBoom, iotest.ErrTimeout}

func sentinelOf(err error) error {
	if err == nil {
		return nil
	}
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return s
		}
	}
	return err
}

// drive runs the Driver over r and records what it gave.
func drive(t testing.TB, r io.Reader, handler bool, opts ...azlogs.Option) outcome {
	var out outcome
	var d Driver
	if handler {
		opts = append(opts, azlogs.WithErrorHandler(func(e *azlogs.RecordError) {
			ev := event{Index: e.Record, Bad: true, Raw: string(e.Raw), NoRaw: e.Raw == nil, Start: e.Start, Sentinel: sentinelOf(e.Err)}
			var se *azlogs.SyntaxError
			if !errors.As(e.Err, &se) {
				t.Errorf("record %d: cause %T, want *azlogs.SyntaxError", e.Record, e.Err)
			} else {
				ev.Pos, ev.Pointer, ev.Msg = se.Position, se.Pointer, se.Msg
				if se.Record != e.Record {
					t.Errorf("record %d: SyntaxError.Record = %d", e.Record, se.Record)
				}
			}
			out.Events = append(out.Events, ev)
		}))
	}
	d.Cfg = azlogs.NewConfig(opts...)
	if b, ok := r.(inPlace); ok {
		d.ResetBytes(b.b)
	} else {
		d.Reset(r)
	}
	for n := 0; d.Next(skipObject); n++ {
		if n > 1e6 {
			t.Fatal("no end")
		}
		out.Events = append(out.Events, event{Index: d.Cur.Index, Raw: string(d.Cur.Raw), Start: d.Stream.Position(d.Cur.Start)})
	}
	if err := d.Err(); err != nil {
		var se *azlogs.SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Err() is %T, want *azlogs.SyntaxError", err)
		}
		out.Err = sentinelOf(err)
	}
	out.Framing = d.Stream.Framing()
	out.Next = string(d.Stream.NextLink())
	return out
}

// inPlace hands drive its input to read in place, with ResetBytes.
type inPlace struct{ b []byte }

func (inPlace) Read([]byte) (int, error) { panic("inPlace is read in place") }

// ev is a short way to write an expected event: sentinel nil is a good
// record; raw "∅" is an error outside any record, which Err returns even
// with a handler.
type ev struct {
	i   int
	raw string
	s   error
}

type streamCase struct {
	name    string
	in      string
	framing Framing
	want    []ev
	next    string
	strict  []ev // when not nil, what strict mode gives instead
}

var (
	trunc = azlogs.ErrTruncated
	syn   = azlogs.ErrSyntax
)

var streamCases = []streamCase{
	// JSON lines.
	{name: "lines", in: "{\"a\":1}\n{\"b\":2}\n", framing: FramingLines,
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"b":2}`, nil}}},
	{name: "lines without final newline", in: "{\"a\":1}\n{\"b\":2}", framing: FramingLines,
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"b":2}`, nil}}},
	{name: "crlf", in: "{\"a\":1}\r\n{\"b\":2}\r\n", framing: FramingLines,
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"b":2}`, nil}}},
	{name: "blank lines", in: "\n\r\n{\"a\":1}\n\n  \n\t{\"b\":2}  \n\n", framing: FramingLines,
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"b":2}`, nil}}},
	{name: "bom", in: "\xef\xbb\xbf{\"a\":1}\n{\"b\":2}\n", framing: FramingLines,
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"b":2}`, nil}}},
	// Records are parsed before their line is delimited: what follows a
	// record on its line decides whether the line ended it.
	{name: "white space after records", in: "{\"a\":1} \t\r\n{\"b\":2}   ", framing: FramingLines,
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"b":2}`, nil}}},
	{name: "line longer than the window", in: "{\"a\":1}\n{\"s\":\"" + strings.Repeat("x", 40<<10) + "\"}\n{\"b\":2}\n",
		framing: FramingLines,
		want:    []ev{{0, `{"a":1}`, nil}, {1, `{"s":"` + strings.Repeat("x", 40<<10) + `"}`, nil}, {2, `{"b":2}`, nil}}},
	{name: "record over two lines after one-line records", in: "{\"a\":1}\n{\"b\":[1,\n2]}\n{\"c\":3}\n",
		framing: FramingLines,
		want:    []ev{{0, `{"a":1}`, nil}, {1, "{\"b\":[1,\n2]}", nil}, {2, `{"c":3}`, nil}}},
	{name: "objects on one line", in: "{\"a\":1} {\"b\":2}\n{\"c\":3}{\"d\":4}", framing: FramingLines,
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"b":2}`, nil}, {2, `{"c":3}`, nil}, {3, `{"d":4}`, nil}}},
	{name: "pretty object", in: "{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2\n  ]\n}\n", framing: FramingLines,
		want: []ev{{0, "{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2\n  ]\n}", nil}}},
	{name: "pretty objects", in: "{\n \"a\": 1\n}\n{\n \"b\": {\n  \"c\": \"}\"\n }\n}\n\n{\"d\":4}\n", framing: FramingLines,
		want: []ev{{0, "{\n \"a\": 1\n}", nil}, {1, "{\n \"b\": {\n  \"c\": \"}\"\n }\n}", nil}, {2, `{"d":4}`, nil}}},
	{name: "graph entity", in: `{"@odata.context":"c","id":"1","x":2}`, framing: FramingLines,
		want: []ev{{0, `{"@odata.context":"c","id":"1","x":2}`, nil}}},
	{name: "records member not an array", in: "{\"records\":1}\n{\"value\":\"x\"}", framing: FramingLines,
		want: []ev{{0, `{"records":1}`, nil}, {1, `{"value":"x"}`, nil}}},

	// Arrays and envelopes.
	{name: "array", in: `[{"a":1},{"b":2}]`, framing: FramingArray,
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"b":2}`, nil}}},
	{name: "pretty array", in: "[\n  {\"a\": 1},\n  {\n    \"b\": 2\n  }\n]\n", framing: FramingArray,
		want: []ev{{0, `{"a": 1}`, nil}, {1, "{\n    \"b\": 2\n  }", nil}}},
	{name: "records", in: `{"records":[{"a":1},{"b":"]}"}]}`, framing: FramingRecords,
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"b":"]}"}`, nil}}},
	{name: "pretty records", in: "    {\n        \"records\":\n        [\n            {\n                \"a\": 1\n            }\n        ]\n    }\n", framing: FramingRecords,
		want: []ev{{0, "{\n                \"a\": 1\n            }", nil}}},
	{name: "value page", in: `{"value":[{"a":1},{"b":2}],"nextLink":"https://management.azure.com/x?$skiptoken=2"}`, framing: FramingPage,
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"b":2}`, nil}}, next: "https://management.azure.com/x?$skiptoken=2"},
	{name: "graph page", in: `{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#auditLogs/directoryAudits","@odata.nextLink":"https://graph.microsoft.com/v1.0/auditLogs/directoryAudits?$skiptoken=x","value":[{"id":"1"},{"id":"2"}]}`, framing: FramingPage,
		want: []ev{{0, `{"id":"1"}`, nil}, {1, `{"id":"2"}`, nil}}, next: "https://graph.microsoft.com/v1.0/auditLogs/directoryAudits?$skiptoken=x"},
	{name: "graph page, link last", in: `{"@odata.context":"c","@odata.count":2,"value":[{"id":"1"}],"@odata.nextLink":"n\/2"}`, framing: FramingPage,
		want: []ev{{0, `{"id":"1"}`, nil}}, next: "n/2"},
	{name: "page with other members", in: `{"value":[{"id":"1"}],"count":{"x":[1,2]},"nextLink":null}`, framing: FramingPage,
		want: []ev{{0, `{"id":"1"}`, nil}}},
	{name: "envelopes per line", in: "{\"records\":[{\"a\":1}]}\n{\"records\":[{\"b\":2},{\"c\":3}]}\n", framing: FramingRecords,
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"b":2}`, nil}, {2, `{"c":3}`, nil}}},
	{name: "arrays per line", in: "[{\"a\":1}]\n[{\"b\":2}]\r\n", framing: FramingArray,
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"b":2}`, nil}}},
	{name: "bom and envelope", in: "\xef\xbb\xbf{\"records\":[{\"a\":1}]}", framing: FramingRecords,
		want: []ev{{0, `{"a":1}`, nil}}},
	{name: "empty array", in: "[]", framing: FramingArray},
	{name: "empty arrays", in: "[ ]\n[\n]\n", framing: FramingArray},
	{name: "empty records", in: `{"records":[]}`, framing: FramingRecords},
	{name: "empty page", in: `{"value":[],"nextLink":null}`, framing: FramingPage},
	{name: "page without value", in: `{"@odata.context":"c","@odata.nextLink":"n"}` + "\n" + `{"a":1}`, framing: FramingLines,
		want: []ev{{0, `{"a":1}`, nil}}, next: "n"},
	{name: "empty input", in: ""},
	{name: "white space", in: " \n\r\n\t"},
	{name: "bom only", in: "\xef\xbb\xbf"},

	// Torn last records.
	{name: "torn line", in: "{\"a\":1}\n{\"b\":2,\"c\":", framing: FramingLines,
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"b":2,"c":`, trunc}}},
	{name: "torn line in a string", in: "{\"a\":1}\n{\"b\":\"xy", framing: FramingLines,
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"b":"xy`, trunc}}},
	{name: "torn line in a number", in: "{\"a\":1}\n{\"b\":-1.", framing: FramingLines,
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"b":-1.`, trunc}}},
	{name: "torn line in a key", in: "{\"a\":1}\n{\"b", framing: FramingLines,
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"b`, trunc}}},
	{name: "torn line, newline", in: "{\"a\":1}\n{\"b\":[1,\n", framing: FramingLines,
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"b":[1,`, trunc}}},
	{name: "torn first line", in: `{"reco`, want: []ev{{0, `{"reco`, trunc}}, framing: FramingLines},
	{name: "lone brace", in: "{", want: []ev{{0, `{`, trunc}}, framing: FramingLines},
	{name: "torn pretty", in: "{\n \"a\": 1\n}\n{\n \"b\": [1,\n", framing: FramingLines,
		want: []ev{{0, "{\n \"a\": 1\n}", nil}, {1, "{\n \"b\": [1,", trunc}}},
	{name: "torn array", in: `[{"a":1},{"b":`, framing: FramingArray,
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"b":`, trunc}}},
	{name: "torn records", in: `{"records":[{"a":1},{"b":2`, framing: FramingRecords,
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"b":2`, trunc}}},
	{name: "torn page", in: `{"value":[{"a":1},{"b":{"c":[`, framing: FramingPage,
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"b":{"c":[`, trunc}}},
	{name: "torn graph page", in: `{"@odata.context":"c","value":[{"id":"1"},{"id":"2","x":"\"`, framing: FramingPage,
		want: []ev{{0, `{"id":"1"}`, nil}, {1, `{"id":"2","x":"\"`, trunc}}},
	{name: "torn envelope after a record", in: `{"records":[{"a":1}`, framing: FramingRecords,
		want: []ev{{0, `{"a":1}`, nil}, {1, "∅", trunc}}},
	{name: "torn envelope after a comma", in: `{"records":[{"a":1}, `, framing: FramingRecords,
		want: []ev{{0, `{"a":1}`, nil}, {1, "∅", trunc}}},
	{name: "unclosed envelope", in: `{"records":[{"a":1},{"b":2}]`, framing: FramingRecords,
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"b":2}`, nil}, {2, "∅", trunc}}},
	{name: "torn nextLink", in: `{"value":[{"a":1}],"nextLink":"htt`, framing: FramingPage,
		want: []ev{{0, `{"a":1}`, nil}, {1, "∅", trunc}}},
	{name: "torn second envelope", in: "{\"records\":[{\"a\":1}]}\n{\"records\":[", framing: FramingRecords,
		want: []ev{{0, `{"a":1}`, nil}, {1, "∅", trunc}}},
	{name: "torn array of arrays", in: "[" + strings.Repeat("[", 100), framing: FramingArray,
		want: []ev{{0, strings.Repeat("[", 100), trunc}}},

	// Bad records among good ones.
	{name: "bad lines", framing: FramingLines,
		in: "{\"a\":1}\n{\"b\":2,}\nnot json\n{\"c\":3}\n{\"d\":\n{\"e\":5}\n\"str\"\n{\"f\":6} junk\n{\"g\":7}\n",
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"b":2,}`, syn}, {2, "not json", syn}, {3, `{"c":3}`, nil},
			{4, `{"d":`, trunc}, {5, `{"e":5}`, nil}, {6, `"str"`, syn}, {7, `{"f":6} junk`, syn}, {8, `{"g":7}`, nil}}},
	{name: "bad elements", framing: FramingArray,
		in: `[{"a":1},{"b":2,},{"c":3},5,"s]",{"d":4},[1,{}],null,{"e":tru},{"f":6}]`,
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"b":2,}`, syn}, {2, `{"c":3}`, nil}, {3, `5`, syn}, {4, `"s]"`, syn},
			{5, `{"d":4}`, nil}, {6, `[1,{}]`, syn}, {7, `null`, syn}, {8, `{"e":tru}`, syn}, {9, `{"f":6}`, nil}}},
	{name: "bad records in an envelope", framing: FramingRecords,
		in:   "{\"records\":[{\"a\":1},{\"b\":[1 2]},\n{\"c\":3}]}\n{\"records\":[{\"d\":\"\x01\"},{\"e\":5}]}",
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"b":[1 2]}`, syn}, {2, `{"c":3}`, nil}, {3, "{\"d\":\"\x01\"}", syn}, {4, `{"e":5}`, nil}}},
	{name: "junk between records", framing: FramingArray,
		in:   `[{"a":1} junk {"b":2}]`,
		want: []ev{{0, `{"a":1}`, nil}, {1, `junk`, syn}, {2, `{"b":2}`, nil}}},
	{name: "junk element", framing: FramingArray,
		in:   `[{"a":1}, junk , {"b":2}, ju"n,k"]`,
		want: []ev{{0, `{"a":1}`, nil}, {1, `junk`, syn}, {2, `{"b":2}`, nil}, {3, `ju"n,k"`, syn}}},
	{name: "stray closers", framing: FramingArray,
		in: `[}"a":1},{"b":2{]` + "\n" + `[{"c":3}},{"d":4}]`,
		// The '{' left open at "2{" is deeper than the record's own, so
		// the bracket scan runs on to the end; no good record has shown
		// a first member name to resync at (and no schema says which
		// names start a record), so the rest is one bad record rather
		// than a guess.
		want: []ev{{0, `}"a":1}`, syn}, {1, `{"b":2{]` + "\n" + `[{"c":3}},{"d":4}`, syn}}},
	{name: "brace too many mid-envelope", framing: FramingRecords,
		in:   `{"records":[{"a":1},{"a":{2},{"a":3},{"a":4]}`,
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"a":{2}`, syn}, {2, `{"a":3}`, nil}, {3, `{"a":4`, trunc}}},
	{name: "damaged first name between bad and good", framing: FramingArray,
		in:   `[{"a":1},{"a":{2},{"a":3},{"a":4}]`,
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"a":{2}`, syn}, {2, `{"a":3}`, syn}, {3, `{"a":4}`, nil}}},
	{name: "stray closer", framing: FramingRecords,
		in:   `{"records":[{"a":1}, }, {"b":2}]}`,
		want: []ev{{0, `{"a":1}`, nil}, {1, `}`, syn}, {2, `{"b":2}`, nil}}},
	{name: "double comma", framing: FramingArray,
		in:   `[{"a":1},,{"b":2}]`,
		want: []ev{{0, `{"a":1}`, nil}, {1, `,`, syn}, {2, `{"b":2}`, nil}}},
	{name: "trailing comma", framing: FramingRecords,
		in:   "{\"records\":[{\"a\":1},]}\n{\"records\":[{\"b\":2}]}",
		want: []ev{{0, `{"a":1}`, nil}, {1, ``, syn}, {2, `{"b":2}`, nil}}},
	{name: "missing comma", framing: FramingArray,
		in:   "[{\"a\":1}{\"b\":2}]",
		want: []ev{{0, `{"a":1}`, nil}, {1, `{"b":2}`, syn}}},
	{name: "missing comma at a line break", framing: FramingRecords,
		in:     "{\"records\":[{\"a\":1}\n{\"b\":2}]}",
		want:   []ev{{0, `{"a":1}`, nil}, {1, `{"b":2}`, nil}},
		strict: []ev{{0, `{"a":1}`, nil}, {1, `{"b":2}`, syn}}},
	// The tests' parse function keeps records as they are (Skip), which
	// repairs nothing: only decoders that read members into fields do.
	{name: "missing comma in a record", framing: FramingLines,
		in:   "{\"a\":1 \"b\":2}\n",
		want: []ev{{0, `{"a":1 "b":2}`, syn}}},
	{name: "bad line in pretty records", framing: FramingLines,
		in:   "{\n \"a\": 1\n}\n{\n \"b\": 1,\n}\n{\n \"c\": 3\n}\n",
		want: []ev{{0, "{\n \"a\": 1\n}", nil}, {1, "{\n \"b\": 1,\n}", syn}, {2, "{\n \"c\": 3\n}", nil}}},
	{name: "invalid utf-8", framing: FramingLines,
		in:     "{\"a\":\"\xff\"}\n{\"b\":2}\n",
		want:   []ev{{0, "{\"a\":\"\xff\"}", nil}, {1, `{"b":2}`, nil}},
		strict: []ev{{0, "{\"a\":\"\xff\"}", syn}, {1, `{"b":2}`, nil}}},
}

// streamReaders are the readers every stream case is run with; each must
// give the same outcome.
var streamReaders = []struct {
	name string
	mk   func([]byte) io.Reader
}{
	{"reader", func(b []byte) io.Reader { return bytes.NewReader(b) }},
	{"onebyte", func(b []byte) io.Reader { return iotest.OneByteReader(bytes.NewReader(b)) }},
	{"halfbyte", func(b []byte) io.Reader { return iotest.HalfReader(bytes.NewReader(b)) }},
	{"chunk3", func(b []byte) io.Reader { return &chunkReader{b, 3} }},
	{"chunk7", func(b []byte) io.Reader { return &chunkReader{b, 7} }},
	{"dataerr", func(b []byte) io.Reader { return iotest.DataErrReader(bytes.NewReader(b)) }},
}

func (c streamCase) expect(strict bool) outcome {
	evs := c.want
	if strict && c.strict != nil {
		evs = c.strict
	}
	var out outcome
	for _, e := range evs {
		if e.raw == "∅" {
			out.Err = e.s
			continue
		}
		if e.s == nil {
			out.Events = append(out.Events, event{Index: e.i, Raw: e.raw})
			continue
		}
		out.Events = append(out.Events, event{Index: e.i, Raw: strings.TrimPrefix(e.raw, "∅"), NoRaw: e.raw == "∅", Bad: true, Sentinel: e.s})
	}
	out.Framing, out.Next = c.framing, c.next
	return out
}

// brief drops what the table does not say.
func brief(o outcome) outcome {
	o.Events = append([]event(nil), o.Events...)
	for i := range o.Events {
		e := &o.Events[i]
		e.Start, e.Pos, e.Pointer, e.Msg = azlogs.Position{}, azlogs.Position{}, "", ""
	}
	return o
}

func TestStreamFramings(t *testing.T) {
	for _, c := range streamCases {
		t.Run(c.name, func(t *testing.T) {
			for _, strict := range []bool{false, true} {
				var opts []azlogs.Option
				if strict {
					opts = append(opts, azlogs.WithStrict())
				}
				want := c.expect(strict)
				first := drive(t, strings.NewReader(c.in), true, opts...)
				if got := brief(first); !reflect.DeepEqual(got, want) {
					t.Errorf("strict=%v\n got %s\nwant %s", strict, show(got), show(want))
				}
				// The same outcome, positions and all, whatever the reads.
				for _, rd := range streamReaders {
					if got := drive(t, rd.mk([]byte(c.in)), true, opts...); !reflect.DeepEqual(got, first) {
						t.Errorf("strict=%v %s:\n got %s\nwant %s", strict, rd.name, show(got), show(first))
					}
				}
				// Without a handler the first bad record stops the loop.
				var stop outcome
				stop.Framing, stop.Next, stop.Err = first.Framing, first.Next, want.Err
				for _, e := range want.Events {
					if e.Bad {
						stop.Err = e.Sentinel
						break
					}
					stop.Events = append(stop.Events, e)
				}
				got := drive(t, strings.NewReader(c.in), false, opts...)
				if stop.Err != nil {
					// The stream may have been read less far.
					got.Framing, got.Next = stop.Framing, stop.Next
				}
				if got := brief(got); !reflect.DeepEqual(got, stop) {
					t.Errorf("strict=%v, no handler:\n got %s\nwant %s", strict, show(got), show(stop))
				}
			}
		})
	}
}

func show(o outcome) string {
	var b strings.Builder
	fmt.Fprintf(&b, "framing %v next %q err %v", o.Framing, o.Next, o.Err)
	for _, e := range o.Events {
		if e.Bad {
			fmt.Fprintf(&b, "\n\tbad %d %q (noraw %v) %v start %v pos %v pointer %q: %s", e.Index, e.Raw, e.NoRaw, e.Sentinel, e.Start, e.Pos, e.Pointer, e.Msg)
		} else {
			fmt.Fprintf(&b, "\n\trecord %d %q", e.Index, e.Raw)
		}
	}
	return b.String()
}

// TestBadRecordPositions checks where bad records and their errors are
// reported: record index, start line and column, offset, pointer.
func TestBadRecordPositions(t *testing.T) {
	in := "\xef\xbb\xbf{\"a\":1}\r\n" + // line 1
		"{\"b\":{\"c\":[1,2,x]}}\r\n" + // line 2
		"\r\n" + // line 3
		"  {\"d\":\"e\",\n" + // line 4
		"{\"f\":6}\n" + // line 5
		"{\"g\":{\"h~/\":\"\x02\"}}\n" + // line 6
		"{\n  \"i\": 1\n}\n" // lines 7-9
	type bad struct {
		index      int
		line, col  int
		off        int64
		eline, ecl int
		eoff       int64
		pointer    string
		sentinel   error
	}
	want := []bad{
		{1, 2, 1, 12, 2, 16, 27, "/b/c/2", syn},
		{2, 4, 3, 37, 4, 12, 46, "", trunc},
		{4, 6, 1, 55, 6, 14, 68, "/g/h~0~1", syn},
	}
	for _, rd := range streamReaders {
		out := drive(t, rd.mk([]byte(in)), true)
		var got []bad
		var good []int
		for _, e := range out.Events {
			if !e.Bad {
				good = append(good, e.Index)
				continue
			}
			got = append(got, bad{e.Index, e.Start.Line, e.Start.Column, e.Start.Offset, e.Pos.Line, e.Pos.Column, e.Pos.Offset, e.Pointer, e.Sentinel})
		}
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(good, []int{0, 3, 5}) {
			t.Errorf("%s:\n got %+v good %v\nwant %+v", rd.name, got, good, want)
		}
	}
}

func TestStreamAPI(t *testing.T) {
	in := "\xef\xbb\xbf{\"value\":[{\"a\":1},\n {\"b\":2}],\"nextLink\":\"L\"}\n"
	var s Stream
	s.Reset(strings.NewReader(in), 0, 0)
	var rec Record
	var got []string
	for s.Next(&rec) {
		if rec.Err != nil {
			t.Fatal(rec.Err)
		}
		got = append(got, fmt.Sprintf("%d@%d:%s", rec.Index, rec.Start, rec.Raw))
		if string(rec.Raw) != in[rec.Start:rec.Start+int64(len(rec.Raw))] {
			t.Errorf("record %d: Start %d does not match its bytes", rec.Index, rec.Start)
		}
	}
	if s.Err() != nil || s.Framing() != FramingPage || string(s.NextLink()) != "L" || s.Index() != 2 {
		t.Errorf("err %v framing %v next %q index %d", s.Err(), s.Framing(), s.NextLink(), s.Index())
	}
	if want := []string{`0@13:{"a":1}`, `1@23:{"b":2}`}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if s.Offset() != int64(len(in)) {
		t.Errorf("Offset %d, want %d", s.Offset(), len(in))
	}
	if p := s.Position(23); p.Line != 2 || p.Column != 2 {
		t.Errorf("Position(23) = %v", p)
	}

	// Reset forgets everything about the previous stream.
	s.Reset(strings.NewReader(`{"x":1}`), 0, 0)
	if !s.Next(&rec) || string(rec.Raw) != `{"x":1}` || rec.Index != 0 || s.Framing() != FramingLines || len(s.NextLink()) != 0 {
		t.Errorf("after Reset: %q %d %v %q", rec.Raw, rec.Index, s.Framing(), s.NextLink())
	}
	if s.Next(&rec) || s.Next(&rec) {
		t.Error("Next after the end")
	}
	for f := FramingUnknown; f <= FramingPage; f++ {
		if f.String() == "" {
			t.Errorf("framing %d has no name", f)
		}
	}
}

// TestRecordTooLarge checks that a record over the limit is reported, that
// the records after it still come, and that memory stays bounded.
func TestRecordTooLarge(t *testing.T) {
	const limit = 1000
	small := `{"a":1}`
	mid := `{"m":"` + strings.Repeat("m", 2*limit) + `"}`  // over the limit, smaller than the buffer
	big := `{"b":"` + strings.Repeat("b", 5*minBuf) + `"}` // over the limit and the buffer
	bigNested := `{"n":[` + strings.Repeat(`{"s":"]}"},`, 40000) + `{}]}`
	for _, framing := range []string{"lines", "array", "records", "pretty"} {
		recs := []string{small, mid, small, big, small, bigNested, small}
		var in string
		switch framing {
		case "lines":
			in = strings.Join(recs, "\n")
		case "array":
			in = "[" + strings.Join(recs, ",") + "]"
		case "records":
			in = `{"records":[` + strings.Join(recs, ",\n") + "]}"
		case "pretty":
			in = "{\n\"p\":0\n}\n" + strings.Join(recs, "\n")
			recs = append([]string{"{\n\"p\":0\n}"}, recs...)
		}
		var want []ev
		for i, r := range recs {
			if len(r) > limit {
				want = append(want, ev{i, "", azlogs.ErrRecordTooLarge})
			} else {
				want = append(want, ev{i, r, nil})
			}
		}
		for _, rd := range streamReaders[:4] {
			var d Driver
			var got []ev
			d.Cfg = azlogs.NewConfig(azlogs.WithMaxRecordSize(limit), azlogs.WithErrorHandler(func(e *azlogs.RecordError) {
				if len(e.Raw) == 0 || e.Raw[0] != '{' {
					t.Errorf("%s %s: record %d: raw %.20q", framing, rd.name, e.Record, e.Raw)
				}
				got = append(got, ev{e.Record, "", sentinelOf(e.Err)})
			}))
			d.Reset(rd.mk([]byte(in)))
			for d.Next(skipObject) {
				got = append(got, ev{d.Cur.Index, string(d.Cur.Raw), nil})
			}
			if d.Err() != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("%s %s: %v\n got %.300v\nwant %.300v", framing, rd.name, d.Err(), got, want)
			}
			if n := len(d.Stream.r.buf); n > 3*minBuf+2*limit {
				t.Errorf("%s %s: buffer grew to %d", framing, rd.name, n)
			}
		}
	}

	// A first record that spans lines and is over the limit: reported
	// whole, and the records after it are read by their brackets.
	for _, rd := range streamReaders[:4] {
		pretty := "{\n\"m\": \"" + strings.Repeat("m", 2*limit) + "\"\n}"
		out := drive(t, rd.mk([]byte(pretty+"\n{\n\"a\": 1\n}\n")), true, azlogs.WithMaxRecordSize(limit))
		want := outcome{Framing: FramingLines, Events: []event{
			{Index: 0, Bad: true, Raw: pretty, Sentinel: azlogs.ErrRecordTooLarge},
			{Index: 1, Raw: "{\n\"a\": 1\n}"},
		}}
		if got := brief(out); !reflect.DeepEqual(got, want) {
			t.Errorf("pretty %s:\n got %.300s\nwant %.300s", rd.name, show(got), show(want))
		}
	}

	// Without a handler the loop stops there.
	var d Driver
	d.Cfg = azlogs.NewConfig(azlogs.WithMaxRecordSize(limit))
	d.Reset(strings.NewReader(small + "\n" + big + "\n" + small))
	n := 0
	for d.Next(skipObject) {
		n++
	}
	if n != 1 || !errors.Is(d.Err(), azlogs.ErrRecordTooLarge) {
		t.Errorf("no handler: %d records, %v", n, d.Err())
	}
}

// TestDeepNesting feeds a million brackets: ErrTooDeep for the record,
// the next record still read, and memory in proportion to the record.
func TestDeepNesting(t *testing.T) {
	const n = 1000000
	deep := `{"a":` + strings.Repeat("[", n) + strings.Repeat("]", n) + "}"
	cases := []struct {
		name string
		in   string
		want []ev
	}{
		{"line", deep + "\n{\"b\":2}\n", []ev{{0, "", azlogs.ErrTooDeep}, {1, `{"b":2}`, nil}}},
		{"records", `{"records":[` + deep + `,{"b":2}]}`, []ev{{0, "", azlogs.ErrTooDeep}, {1, `{"b":2}`, nil}}},
		{"odata", `{"@odata.x":` + strings.Repeat("[", n) + "\n{\"b\":2}\n", []ev{{0, "", azlogs.ErrTooDeep}, {1, `{"b":2}`, nil}}},
		{"top", strings.Repeat("[", n), []ev{{0, "", azlogs.ErrTruncated}}},
	}
	for _, c := range cases {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		var d Driver
		var got []ev
		d.Cfg = azlogs.NewConfig(azlogs.WithErrorHandler(func(e *azlogs.RecordError) {
			got = append(got, ev{e.Record, "", sentinelOf(e.Err)})
		}))
		d.Reset(strings.NewReader(c.in))
		for d.Next(skipObject) {
			got = append(got, ev{d.Cur.Index, string(d.Cur.Raw), nil})
		}
		runtime.ReadMemStats(&after)
		if d.Err() != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %v %v", c.name, got, d.Err())
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8*uint64(len(c.in))+1<<20 {
			t.Errorf("%s: allocated %d bytes for %d of input", c.name, alloc, len(c.in))
		}
	}
}

// TestReadErrorMidStream checks that a failing reader stops the stream
// with its error, after the records read before it.
func TestReadErrorMidStream(t *testing.T) {
	cases := []struct {
		in   string
		good int
	}{
		{"{\"a\":1}\n{\"b\":2}\n{\"c\":", 2},
		{"{\"a\":1}\n{\"b\":2}\n", 2},
		{"{\"a\":1}\n{\"b\":2}", 2},
		{`[{"a":1},{"b":2},{"c":`, 2},
		{`[{"a":1},{"b":2}`, 2},
		{`{"records":[{"a":1},{"b":2}],"x":`, 2},
		{`{"value":[{"a":1},{"b":2}]}`, 2},
		{`{"recor`, 0},
		{"", 0},
	}
	for _, c := range cases {
		for _, n := range []int{1, 5, 1000} {
			for _, handler := range []bool{false, true} {
				out := drive(t, &failReader{[]byte(c.in), n, errBoom}, handler)
				good := 0
				for _, e := range out.Events {
					if !e.Bad {
						good++
					} else if e.Sentinel != errBoom {
						t.Errorf("%q chunks %d: bad record %d: %v", c.in, n, e.Index, e.Sentinel)
					}
				}
				if good != c.good || out.Err != errBoom {
					t.Errorf("%q chunks %d handler %v: %d records, error %v", c.in, n, handler, good, out.Err)
				}
			}
		}
	}
	// A timeout: the second read fails.
	big := strings.Repeat(`{"a":"`+strings.Repeat("x", 1000)+"\"}\n", 200)
	out := drive(t, iotest.TimeoutReader(strings.NewReader(big)), false)
	if out.Err != iotest.ErrTimeout || len(out.Events) == 0 {
		t.Errorf("timeout: %d records, %v", len(out.Events), out.Err)
	}
}

// TestDriverReset reuses a Driver across streams.
func TestDriverReset(t *testing.T) {
	var d Driver
	d.Cfg = azlogs.NewConfig()
	for i, in := range []string{`[{"a":1},{"b":`, "{\"c\":3}\n{\"d\":4}", `{"records":[{"e":5}]}`} {
		d.Reset(strings.NewReader(in))
		var got []string
		for d.Next(skipObject) {
			got = append(got, string(d.Cur.Raw))
		}
		switch i {
		case 0:
			if len(got) != 1 || !errors.Is(d.Err(), azlogs.ErrTruncated) {
				t.Errorf("stream %d: %q %v", i, got, d.Err())
			}
		case 1:
			if len(got) != 2 || got[0] != `{"c":3}` || d.Err() != nil {
				t.Errorf("stream %d: %q %v", i, got, d.Err())
			}
		case 2:
			if len(got) != 1 || got[0] != `{"e":5}` || d.Err() != nil || d.Stream.Framing() != FramingRecords {
				t.Errorf("stream %d: %q %v", i, got, d.Err())
			}
		}
		if d.Next(skipObject) {
			t.Errorf("stream %d: Next after the end", i)
		}
	}
}

// TestCorpusStreams runs every JSON sample of the shared corpus through the
// Driver, with whole and one-byte reads: the same records and errors, and
// every record delivered is valid JSON.
func TestCorpusStreams(t *testing.T) {
	for name, b := range corpusFiles(t, "*/*.json", "*/*.log", "*/*.ndjson", "*/*.txt") {
		if strings.Contains(name, "storageanalytics") || strings.Contains(name, "later") {
			continue
		}
		whole := drive(t, bytes.NewReader(b), true)
		if got := drive(t, iotest.OneByteReader(bytes.NewReader(b)), true); !reflect.DeepEqual(got, whole) {
			t.Errorf("%s: one byte at a time:\n got %s\nwant %s", name, show(got), show(whole))
		}
		// Some samples are not valid JSON as published (the manifest
		// says which): their records are reported, not dropped.
		if len(whole.Events) == 0 {
			t.Errorf("%s: no records: %s", name, show(whole))
		}
	}
}

// TestFirstLineTornInAString checks that a stream whose first line is cut
// inside a string reports that line alone and decodes the next ones.
func TestFirstLineTornInAString(t *testing.T) {
	in := "{\"a\":\"cut here\n{\"b\":1}\n{\"c\":2}\n"
	var bad []*azlogs.RecordError
	var d Driver
	d.Cfg = azlogs.NewConfig(azlogs.WithErrorHandler(func(e *azlogs.RecordError) { c := *e; bad = append(bad, &c) }))
	d.Reset(strings.NewReader(in))
	n := 0
	for d.Next(func(p *Reader) bool { return p.Skip() }) {
		n++
	}
	if d.Err() != nil || n != 2 || len(bad) != 1 || bad[0].Start.Line != 1 {
		t.Fatalf("got %d records, %d bad, err %v", n, len(bad), d.Err())
	}
}
