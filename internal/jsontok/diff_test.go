package jsontok

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

// The differential test holds the Reader to encoding/json: for any input,
// reading it completely accepts exactly what json.Valid accepts, and gives
// the values json.Decoder (with UseNumber) gives.
//
// One difference is by design. encoding/json replaces every byte of invalid
// UTF-8 in a string with U+FFFD. The Reader keeps such bytes as they are
// (logs are evidence; a byte that is not UTF-8 is still worth seeing), so
// the test applies the same replacement to the Reader's strings before it
// compares them. With StrictUTF8 the Reader rejects such strings instead,
// so it accepts exactly what json.Valid accepts among valid UTF-8 inputs
// (outside strings, a byte that is not ASCII is a syntax error for both).

// corpusDir is the shared corpus of real samples, relative to this package.
const corpusDir = "../../../shared/corpus"

// corpusFiles returns the corpus files whose names match one of the
// patterns, skipping the test if the corpus is absent.
func corpusFiles(tb testing.TB, patterns ...string) map[string][]byte {
	tb.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		tb.Skipf("no corpus at %s", corpusDir)
	}
	files := map[string][]byte{}
	for _, p := range patterns {
		names, err := filepath.Glob(filepath.Join(corpusDir, p))
		if err != nil {
			tb.Fatal(err)
		}
		for _, name := range names {
			b, err := os.ReadFile(name)
			if err != nil {
				tb.Fatal(err)
			}
			files[name] = b
		}
	}
	if len(files) == 0 {
		tb.Skipf("no corpus files match %q", patterns)
	}
	return files
}

// walk reads one value with the Reader's typed calls and builds what
// encoding/json would: map[string]any, []any, string, json.Number, bool,
// nil.
func walk(r *Reader) (any, bool) { return walkWith(r, false) }

func walkWith(r *Reader, fast bool) (any, bool) {
	if fast && r.IsString() {
		if r.Peek() != String {
			panic("IsString and Peek disagree")
		}
		s, ok := r.Str()
		return string(s), ok
	}
	switch r.Peek() {
	case Object:
		if !r.BeginObject() {
			return nil, false
		}
		m := map[string]any{}
		for {
			var k []byte
			var ok bool
			if fast {
				k, ok = r.Key()
			} else {
				k, ok = r.NextKey()
			}
			if !ok {
				break
			}
			key := string(k)
			v, ok := walkWith(r, fast)
			if !ok {
				return nil, false
			}
			m[key] = v
		}
		return m, r.Err() == nil
	case Array:
		if !r.BeginArray() {
			return nil, false
		}
		a := []any{}
		for r.NextElem() {
			v, ok := walkWith(r, fast)
			if !ok {
				return nil, false
			}
			a = append(a, v)
		}
		return a, r.Err() == nil
	case String:
		s, ok := r.ReadString()
		return string(s), ok
	case Number:
		n, ok := r.ReadNumber()
		return json.Number(n), ok
	case True, False:
		b, ok := r.ReadBool()
		return b, ok
	case Null:
		return nil, r.ReadNull()
	}
	r.Skip() // records the error
	return nil, false
}

// walkDoc reads a whole document: one value and nothing after it.
func walkDoc(r *Reader, fast bool) (any, bool) {
	v, ok := walkWith(r, fast)
	return v, ok && r.AtEOF() && r.ReadErr() == nil
}

// skipDoc checks a whole document with Skip.
func skipDoc(r *Reader) bool {
	return r.Skip() && r.AtEOF() && r.ReadErr() == nil
}

// replaceInvalid does what encoding/json does to a string that is not
// valid UTF-8: each byte that does not start a valid rune becomes U+FFFD.
func replaceInvalid(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b []byte
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if r == utf8.RuneError && n == 1 {
			b = utf8.AppendRune(b, utf8.RuneError)
		} else {
			b = append(b, s[:n]...)
		}
		s = s[n:]
	}
	return string(b)
}

func normalize(v any) any {
	switch v := v.(type) {
	case string:
		return replaceInvalid(v)
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[replaceInvalid(k)] = normalize(e)
		}
		return m
	case []any:
		for i := range v {
			v[i] = normalize(v[i])
		}
	}
	return v
}

// diffSources are the ways the differential test feeds the Reader; k
// varies the chunk size with the input.
func diffSources(k int) []source {
	return []source{
		{"bytes", func(r *Reader, b []byte) { r.ResetBytes(b, 0) }},
		readerSource("reader", func(b []byte) io.Reader { return bytes.NewReader(b) }),
		readerSource("onebyte", func(b []byte) io.Reader { return iotest.OneByteReader(bytes.NewReader(b)) }),
		readerSource("chunk", func(b []byte) io.Reader { return &chunkReader{b, 2 + k%11} }),
	}
}

// differential checks one input against encoding/json.
func differential(t *testing.T, in []byte) {
	t.Helper()
	valid := json.Valid(in)
	var want any
	if valid {
		d := json.NewDecoder(bytes.NewReader(in))
		d.UseNumber()
		if err := d.Decode(&want); err != nil {
			t.Fatalf("json.Valid(%q) but Decode: %v", in, err)
		}
	}
	for _, src := range diffSources(len(in)) {
		for _, strict := range []bool{false, true} {
			wantOK := valid && (!strict || utf8.Valid(in))
			for _, fast := range []bool{false, true} {
				var r Reader
				r.MaxDepth = 10000 // encoding/json's limit
				r.StrictUTF8 = strict
				src.set(&r, in)
				got, ok := walkDoc(&r, fast)
				if ok != wantOK {
					t.Fatalf("%s strict=%v fast=%v: walk(%.200q) ok = %v (%v), json.Valid = %v", src.name, strict, fast, in, ok, r.Err(), valid)
				}
				if ok && !reflect.DeepEqual(normalize(got), want) {
					t.Fatalf("%s strict=%v fast=%v: walk(%.200q)\n got %.500v\nwant %.500v", src.name, strict, fast, in, got, want)
				}
				if !ok && r.Err() == nil && r.AtEOF() {
					t.Fatalf("%s strict=%v fast=%v: walk(%q) failed without an error", src.name, strict, fast, in)
				}
			}

			var r Reader
			r.MaxDepth = 10000
			r.StrictUTF8 = strict
			src.set(&r, in)
			if ok := skipDoc(&r); ok != wantOK {
				t.Fatalf("%s strict=%v: Skip(%.200q) = %v (%v), json.Valid = %v", src.name, strict, in, ok, r.Err(), valid)
			}
		}
	}
}

// diffSeeds are small inputs aimed at the corners of the grammar.
var diffSeeds = []string{
	`{"a":[1,-2.5e+3,true,false,null,"x\u00e9\ud83d\ude00\n"],"b":{},"c":[]}`,
	`"\ud800\udc00\ud800x\udc00\\\/\"" `,
	"[\"\xff\xfe\", \"\xed\xa0\x80\", {\"\xc3\": 0}]",
	` [ 0 , -0 , 0.0e-0 , 1E+9 , 123456789012345678901234567890 ] `,
	`{"a":1,"a":2}`,
	`[1,]`, `{"a" 1}`, `01`, `1.`, `"\u12"`, "\"\x01\"", `nul`, `[`, ``, ` `,
}

func TestDifferential(t *testing.T) {
	for _, s := range diffSeeds {
		differential(t, []byte(s))
	}
	for _, c := range stringCases {
		differential(t, []byte(c.in))
	}
	for _, c := range numberCases {
		differential(t, []byte(c.in))
	}
	for _, c := range literalCases {
		differential(t, []byte(c.in))
	}
	for _, c := range structCases {
		differential(t, []byte(c.in))
	}
}

func TestDifferentialCorpus(t *testing.T) {
	for name, b := range corpusFiles(t, "*/*") {
		t.Run(filepath.Base(name), func(t *testing.T) {
			differential(t, b)
			// Each line on its own too: most files are JSON lines.
			for _, line := range bytes.Split(b, []byte("\n")) {
				differential(t, line)
			}
		})
	}
}

func FuzzReader(f *testing.F) {
	for _, s := range diffSeeds {
		f.Add([]byte(s))
	}
	if _, err := os.Stat(corpusDir); err == nil {
		for _, b := range corpusFiles(f, "*/*.json") {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		differential(t, in)
	})
}
