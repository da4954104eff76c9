package bench

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"strings"
	"sync"
	"testing"

	gojson "github.com/goccy/go-json"
	jsoniter "github.com/json-iterator/go"

	"github.com/azlogs/azlogs/bench/gen"
)

var (
	smallOnce   sync.Once
	smallCorpus []byte
	smallCount  int
)

// small returns a 1 MiB corpus and its record count.
func small(t testing.TB) ([]byte, int) {
	smallOnce.Do(func() {
		var buf bytes.Buffer
		if err := gen.Activity(&buf, 1<<20, 3); err != nil {
			t.Fatal(err)
		}
		smallCorpus = buf.Bytes()
		smallCount = bytes.Count(smallCorpus, []byte{'\n'})
	})
	return smallCorpus, smallCount
}

func TestMethodsCountEveryRecord(t *testing.T) {
	data, want := small(t)
	for _, m := range Methods {
		t.Run(m.Name, func(t *testing.T) {
			n, err := m.Run(data)
			if err != nil {
				t.Fatal(err)
			}
			if n != want {
				t.Fatalf("decoded %d records, want %d", n, want)
			}
			if m.Decode == nil {
				return // it reads memory only
			}
			// Through a reader without Len, as a network stream would be.
			n, err = m.Decode(io.MultiReader(bytes.NewReader(data)))
			if err != nil || n != want {
				t.Fatalf("from a plain io.Reader: %d records, %v; want %d", n, err, want)
			}
		})
	}
}

// TestLibrariesAgree checks that the four libraries fill Record the same
// way, so the comparison measures speed only.
func TestLibrariesAgree(t *testing.T) {
	data, _ := small(t)
	sc := bufio.NewScanner(bytes.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		var a, b, c, d Record
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("line %d: encoding/json: %v", line, err)
		}
		if err := jsoniter.ConfigFastest.Unmarshal(sc.Bytes(), &b); err != nil {
			t.Fatalf("line %d: json-iterator: %v", line, err)
		}
		if err := gojson.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("line %d: goccy/go-json: %v", line, err)
		}
		if err := sonicAPI.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("line %d: bytedance/sonic: %v", line, err)
		}
		if !reflect.DeepEqual(a, d) {
			t.Fatalf("line %d: bytedance/sonic differs from encoding/json:\n%+v\n%+v", line, d, a)
		}
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("line %d: json-iterator differs from encoding/json:\n%+v\n%+v", line, b, a)
		}
		if !reflect.DeepEqual(a, c) {
			t.Fatalf("line %d: goccy/go-json differs from encoding/json:\n%+v\n%+v", line, c, a)
		}
		if a.Time.IsZero() || a.OperationName == "" || a.Category == "" {
			t.Fatalf("line %d: envelope not decoded: %+v", line, a)
		}
		if (a.Category == "Alert" || a.Category == "Security" || a.Category == "Autoscale") && (a.LevelCode != "5" || a.Level != "Informational") {
			t.Fatalf("line %d: Level %q, level %q", line, a.LevelCode, a.Level)
		}
	}
}

// TestOTelMatchesRecord checks that the two-pass method decodes the same
// envelope, identity and properties as the one-pass structs.
func TestOTelMatchesRecord(t *testing.T) {
	data, _ := small(t)
	sc := bufio.NewScanner(bytes.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		var want Record
		if err := json.Unmarshal(sc.Bytes(), &want); err != nil {
			t.Fatal(err)
		}
		rec, err := otelDecodeRecord(sc.Bytes())
		if err != nil {
			t.Fatalf("line %d: %v", line, err)
		}
		if _, generic := rec.(*otelGeneric); generic {
			t.Fatalf("line %d: category %q fell back to the generic struct", line, want.Category)
		}
		got := rec.base()
		if !got.Time.Equal(want.Time) || got.ResourceID != want.ResourceID || got.OperationName != want.OperationName ||
			got.CorrelationID != want.CorrelationID || got.Level != want.Level || got.LevelCode != want.LevelCode ||
			got.DurationMs != want.DurationMs || !reflect.DeepEqual(got.Identity, want.Identity) {
			t.Fatalf("line %d: envelope differs:\n%+v\n%+v", line, got, want)
		}
		// Every property member lands in a typed field: re-encoding the
		// typed properties keeps every non-empty member of the map.
		props := reflect.ValueOf(rec).Elem().FieldByName("Properties").Interface()
		enc, err := json.Marshal(props)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range want.Properties {
			if v == nil || v == "" || v == false {
				continue
			}
			if !strings.Contains(string(enc), `"`+k+`"`) && !strings.Contains(string(enc), `"`+exportedName(k)+`"`) {
				t.Fatalf("line %d: %s property %q has no field in the typed struct", line, want.Category, k)
			}
		}
	}
}

// exportedName is how encoding/json names a field that has no tag.
func exportedName(k string) string { return strings.ToUpper(k[:1]) + k[1:] }

func TestDetectFraming(t *testing.T) {
	for _, c := range []struct {
		in   string
		want framing
	}{
		{"", framingEmpty},
		{`[{"a":1}]`, framingArray},
		{`{"records":[{"a":1}]}`, framingRecords},
		{"{\n  \"records\" : [\n {}]}", framingRecords},
		{"{\"a\":1}\n{\"a\":2}\n", framingLines},
		{`{"a":1}`, framingUnknown},
		{`x`, framingUnknown},
	} {
		if got := detectFraming([]byte(c.in)); got != c.want {
			t.Errorf("detectFraming(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestOTelEnvelope(t *testing.T) {
	recs := gen.ActivityRecords(50, 9)
	var env bytes.Buffer
	env.WriteString(`{"records":[`)
	for i, r := range recs {
		if i > 0 {
			env.WriteByte(',')
		}
		env.Write(r)
	}
	env.WriteString("]}")
	n, err := otelSplitTwice(bytes.NewReader(env.Bytes()))
	if err != nil || n != len(recs) {
		t.Fatalf("envelope: %d records, %v; want %d", n, err, len(recs))
	}
	arr := bytes.TrimSuffix(bytes.TrimPrefix(env.Bytes(), []byte(`{"records":`)), []byte("}"))
	n, err = otelSplitTwice(bytes.NewReader(arr))
	if err != nil || n != len(recs) {
		t.Fatalf("array: %d records, %v; want %d", n, err, len(recs))
	}
}
