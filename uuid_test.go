package azlogs_test

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/azlogs/azlogs"
)

var testUUID = azlogs.UUID{0x0f, 0x8f, 0xad, 0x5b, 0xd9, 0xcb, 0x46, 0x9f, 0xa1, 0x65, 0x70, 0x86, 0x77, 0x28, 0x95, 0x0e}

var uuidTests = []struct {
	in   string
	want azlogs.UUID
	ok   bool
}{
	{"0f8fad5b-d9cb-469f-a165-70867728950e", testUUID, true},
	{"0F8FAD5B-D9CB-469F-A165-70867728950E", testUUID, true},
	{"0f8FAD5b-D9cb-469F-a165-70867728950E", testUUID, true},
	{"0f8fad5bd9cb469fa16570867728950e", testUUID, true},
	{"0F8FAD5BD9CB469FA16570867728950E", testUUID, true},
	{"{0f8fad5b-d9cb-469f-a165-70867728950e}", testUUID, true},
	{"{0f8fad5bd9cb469fa16570867728950e}", testUUID, true},
	{"00000000-0000-0000-0000-000000000000", azlogs.UUID{}, true},
	{"00000000000000000000000000000000", azlogs.UUID{}, true},
	{"ffffffff-ffff-ffff-ffff-ffffffffffff", azlogs.UUID{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, true},

	{"", azlogs.UUID{}, false},
	{"xyz", azlogs.UUID{}, false},
	{"{}", azlogs.UUID{}, false},
	{"0f8fad5b-d9cb-469f-a165-70867728950", azlogs.UUID{}, false},   // 35 bytes
	{"0f8fad5b-d9cb-469f-a165-70867728950e0", azlogs.UUID{}, false}, // 37 bytes
	{"0f8fad5b-d9cb-469f-a165-70867728950g", azlogs.UUID{}, false},  // g
	{"0f8fad5b-d9cb-469f-a165-7086772895 e", azlogs.UUID{}, false},  // space
	{"0f8fad5bd9cb-469f-a165-70867728950e-", azlogs.UUID{}, false},  // dash moved
	{"0f8fad5b_d9cb_469f_a165_70867728950e", azlogs.UUID{}, false},  // underscores
	{"0f8fad5b-d9cb-469f-a16570867728950e", azlogs.UUID{}, false},   // one dash missing
	{"0f8fad5b-d9cb469f-a165-70867728950e", azlogs.UUID{}, false},   // one dash missing
	{"0f8fad5bd9cb469fa16570867728950", azlogs.UUID{}, false},       // 31 digits
	{"0f8fad5bd9cb469fa16570867728950e0", azlogs.UUID{}, false},     // 33 digits
	{"0f8fad5bd9cb469fa16570867728950x", azlogs.UUID{}, false},      // x
	{"0x8fad5bd9cb469fa16570867728950e", azlogs.UUID{}, false},
	{"{0f8fad5b-d9cb-469f-a165-70867728950e", azlogs.UUID{}, false},  // unclosed brace
	{"0f8fad5b-d9cb-469f-a165-70867728950e}", azlogs.UUID{}, false},  // unopened brace
	{"(0f8fad5b-d9cb-469f-a165-70867728950e)", azlogs.UUID{}, false}, // parentheses
	{"[0f8fad5b-d9cb-469f-a165-70867728950e]", azlogs.UUID{}, false},
	{"{{0f8fad5b-d9cb-469f-a165-70867728950e}}", azlogs.UUID{}, false},
	{" 0f8fad5b-d9cb-469f-a165-70867728950e", azlogs.UUID{}, false}, // leading space
	{"0f8fad5b-d9cb-469f-a165-70867728950e ", azlogs.UUID{}, false}, // trailing space
	{"urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e", azlogs.UUID{}, false},
	{"0f8fad5b-d9cb-469f-a165-70867728950\u00e9", azlogs.UUID{}, false}, // non-ASCII, 37 bytes
	{"0f8fad5b-d9cb-469f-a165-7086772895\u00e9", azlogs.UUID{}, false},  // non-ASCII, 36 bytes
	{"{0f8fad5b-d9cb-469f-a165-70867728950e}x", azlogs.UUID{}, false},
	{"-0f8fad5b-d9cb-469f-a165-70867728950e", azlogs.UUID{}, false},
}

func TestParseUUID(t *testing.T) {
	for _, tc := range uuidTests {
		got, err := azlogs.ParseUUID(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseUUID(%q) = %v, %v; want %v, ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
		if err != nil && !errors.Is(err, azlogs.ErrInvalid) {
			t.Errorf("ParseUUID(%q) error %v does not wrap ErrInvalid", tc.in, err)
		}
		gotb, ok := azlogs.ParseUUIDBytes([]byte(tc.in))
		if ok != tc.ok || gotb != tc.want {
			t.Errorf("ParseUUIDBytes(%q) = %v, %v; want %v, %v", tc.in, gotb, ok, tc.want, tc.ok)
		}
	}
}

func TestParseUUIDError(t *testing.T) {
	_, err := azlogs.ParseUUID("xyz")
	if got, want := err.Error(), `azlogs: invalid UUID "xyz"`; got != want {
		t.Errorf("error = %q, want %q", got, want)
	}
	long := strings.Repeat("a", 64) + strings.Repeat("b", 1000)
	_, err = azlogs.ParseUUID(long)
	if got, want := err.Error(), `azlogs: invalid UUID "`+strings.Repeat("a", 64)+`"...`; got != want {
		t.Errorf("error = %q, want %q", got, want)
	}
	_, err = azlogs.ParseUUID("bad\x00\"uuid")
	if got, want := err.Error(), `azlogs: invalid UUID "bad\x00\"uuid"`; got != want {
		t.Errorf("error = %q, want %q", got, want)
	}
	var u azlogs.UUID
	if err := u.UnmarshalText([]byte(long)); err == nil || err.Error() != `azlogs: invalid UUID "`+strings.Repeat("a", 64)+`"...` {
		t.Errorf("UnmarshalText error = %v", err)
	}
}

func TestMustParseUUID(t *testing.T) {
	if got := azlogs.MustParseUUID("0f8fad5b-d9cb-469f-a165-70867728950e"); got != testUUID {
		t.Errorf("MustParseUUID = %v", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("MustParseUUID(\"xyz\") did not panic")
		}
	}()
	azlogs.MustParseUUID("xyz")
}

func TestUUIDString(t *testing.T) {
	if got, want := testUUID.String(), "0f8fad5b-d9cb-469f-a165-70867728950e"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got, want := (azlogs.UUID{}).String(), "00000000-0000-0000-0000-000000000000"; got != want {
		t.Errorf("zero String() = %q, want %q", got, want)
	}
	if got, want := string(testUUID.AppendTo([]byte("id="))), "id=0f8fad5b-d9cb-469f-a165-70867728950e"; got != want {
		t.Errorf("AppendTo = %q, want %q", got, want)
	}
	if got, err := testUUID.AppendText([]byte("id=")); err != nil || string(got) != "id=0f8fad5b-d9cb-469f-a165-70867728950e" {
		t.Errorf("AppendText = %q, %v", got, err)
	}
	if got, err := testUUID.MarshalText(); err != nil || string(got) != "0f8fad5b-d9cb-469f-a165-70867728950e" {
		t.Errorf("MarshalText = %q, %v", got, err)
	}
	if got := fmt.Sprint(testUUID); got != "0f8fad5b-d9cb-469f-a165-70867728950e" {
		t.Errorf("fmt.Sprint = %q", got)
	}
}

func TestUUIDUnmarshalText(t *testing.T) {
	var u azlogs.UUID
	if err := u.UnmarshalText([]byte("{0F8FAD5B-D9CB-469F-A165-70867728950E}")); err != nil || u != testUUID {
		t.Errorf("UnmarshalText = %v, %v", u, err)
	}
	// A failed unmarshal must not leave the previous value behind.
	if err := u.UnmarshalText([]byte("not-a-uuid")); err == nil || !u.IsZero() {
		t.Errorf("UnmarshalText(bad) = %v, %v; want nil UUID and an error", u, err)
	}
	if err := u.UnmarshalText(nil); err == nil {
		t.Error("UnmarshalText(nil) succeeded")
	}
}

func TestUUIDJSON(t *testing.T) {
	type rec struct {
		TenantID    azlogs.UUID  `json:"tenantId"`
		PrincipalID azlogs.UUID  `json:"principalId"`
		Missing     *azlogs.UUID `json:"missing,omitempty"`
	}
	in := `{"tenantId":"0f8fad5b-d9cb-469f-a165-70867728950e","principalId":"0F8FAD5BD9CB469FA16570867728950E"}`
	var r rec
	if err := json.Unmarshal([]byte(in), &r); err != nil {
		t.Fatal(err)
	}
	if r.TenantID != testUUID || r.PrincipalID != testUUID {
		t.Errorf("decoded %+v", r)
	}
	out, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"tenantId":"0f8fad5b-d9cb-469f-a165-70867728950e","principalId":"0f8fad5b-d9cb-469f-a165-70867728950e"}`; string(out) != want {
		t.Errorf("encoded %s, want %s", out, want)
	}
	if err := json.Unmarshal([]byte(`{"tenantId":"nope"}`), &r); !errors.Is(err, azlogs.ErrInvalid) {
		t.Errorf("bad tenantId: error %v does not wrap ErrInvalid", err)
	}
}

func TestUUIDIsZero(t *testing.T) {
	if !(azlogs.UUID{}).IsZero() {
		t.Error("zero UUID is not IsZero")
	}
	if testUUID.IsZero() {
		t.Error("testUUID IsZero")
	}
	if azlogs.MustParseUUID("00000000-0000-0000-0000-000000000001").IsZero() {
		t.Error("...0001 IsZero")
	}
}

func TestUUIDCompare(t *testing.T) {
	sorted := []string{
		"00000000-0000-0000-0000-000000000000",
		"00000000-0000-0000-0000-000000000001",
		"00000000-0000-0000-0000-0000000000ff",
		"00000000-0000-0000-0100-000000000000",
		"00000000-0000-0001-0000-000000000000",
		"0f8fad5b-d9cb-469f-a165-70867728950e",
		"0f8fad5b-d9cb-469f-a165-70867728950f",
		"80000000-0000-0000-0000-000000000000",
		"ffffffff-ffff-ffff-ffff-fffffffffffe",
		"ffffffff-ffff-ffff-ffff-ffffffffffff",
	}
	for i, a := range sorted {
		for j, b := range sorted {
			want := 0
			switch {
			case i < j:
				want = -1
			case i > j:
				want = +1
			}
			if got := azlogs.MustParseUUID(a).Compare(azlogs.MustParseUUID(b)); got != want {
				t.Errorf("%s.Compare(%s) = %d, want %d", a, b, got, want)
			}
		}
	}
	us := []azlogs.UUID{azlogs.MustParseUUID(sorted[5]), azlogs.MustParseUUID(sorted[9]), azlogs.MustParseUUID(sorted[0])}
	slices.SortFunc(us, azlogs.UUID.Compare)
	if us[0] != azlogs.MustParseUUID(sorted[0]) || us[2] != azlogs.MustParseUUID(sorted[9]) {
		t.Errorf("SortFunc gave %v", us)
	}
}

func TestUUIDAllocs(t *testing.T) {
	for _, s := range []string{
		"0f8fad5b-d9cb-469f-a165-70867728950e",
		"0F8FAD5BD9CB469FA16570867728950E",
		"{0f8fad5b-d9cb-469f-a165-70867728950e}",
		"not a uuid",
	} {
		b := []byte(s)
		if n := testing.AllocsPerRun(100, func() { azlogs.ParseUUIDBytes(b) }); n != 0 {
			t.Errorf("ParseUUIDBytes(%q) allocates %v times, want 0", s, n)
		}
	}
	if n := testing.AllocsPerRun(100, func() { azlogs.ParseUUID("0f8fad5b-d9cb-469f-a165-70867728950e") }); n != 0 {
		t.Errorf("ParseUUID allocates %v times, want 0", n)
	}
	var u azlogs.UUID
	text := []byte("0f8fad5b-d9cb-469f-a165-70867728950e")
	if n := testing.AllocsPerRun(100, func() { u.UnmarshalText(text) }); n != 0 {
		t.Errorf("UnmarshalText allocates %v times, want 0", n)
	}
	buf := make([]byte, 0, 64)
	if n := testing.AllocsPerRun(100, func() { buf = testUUID.AppendTo(buf[:0]) }); n != 0 {
		t.Errorf("AppendTo allocates %v times, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { _ = testUUID.String() }); n != 1 {
		t.Errorf("String allocates %v times, want 1", n)
	}
}

// refParseUUID is a slow reference parser for the forms ParseUUID accepts,
// built on encoding/hex.
func refParseUUID(s string) (azlogs.UUID, bool) {
	if len(s) >= 2 && s[0] == '{' && s[len(s)-1] == '}' {
		s = s[1 : len(s)-1]
		if len(s) != 36 && len(s) != 32 {
			return azlogs.UUID{}, false
		}
	}
	if len(s) == 36 {
		for i, c := range s {
			if (i == 8 || i == 13 || i == 18 || i == 23) != (c == '-') {
				return azlogs.UUID{}, false
			}
		}
		s = strings.ReplaceAll(s, "-", "")
	}
	if len(s) != 32 {
		return azlogs.UUID{}, false
	}
	b, err := hex.DecodeString(s)
	if err != nil {
		return azlogs.UUID{}, false
	}
	return azlogs.UUID(b), true
}

func FuzzParseUUID(f *testing.F) {
	for _, tc := range uuidTests {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := azlogs.ParseUUID(s)
		want, ok := refParseUUID(s)
		if (err == nil) != ok || got != want {
			t.Fatalf("ParseUUID(%q) = %v, %v; reference says %v, %v", s, got, err, want, ok)
		}
		if gotb, okb := azlogs.ParseUUIDBytes([]byte(s)); okb != ok || gotb != got {
			t.Fatalf("ParseUUIDBytes(%q) = %v, %v; ParseUUID says %v, %v", s, gotb, okb, got, err)
		}
		if err != nil {
			if !strings.HasPrefix(err.Error(), "azlogs: invalid UUID ") || !errors.Is(err, azlogs.ErrInvalid) {
				t.Fatalf("ParseUUID(%q) error %q", s, err)
			}
			return
		}
		str := got.String()
		if len(str) != 36 || str != strings.ToLower(str) {
			t.Fatalf("String() = %q is not canonical", str)
		}
		if back, err := azlogs.ParseUUID(str); err != nil || back != got {
			t.Fatalf("ParseUUID(%q.String()) = %v, %v; want %v", s, back, err, got)
		}
		if plain := strings.ToLower(strings.Trim(s, "{}")); len(plain) == 36 && plain != str {
			t.Fatalf("String() = %q, want %q", str, plain)
		}
	})
}

func ExampleParseUUID() {
	// Azure writes the same ID in several forms; they parse to one value.
	a, _ := azlogs.ParseUUID("0F8FAD5B-D9CB-469F-A165-70867728950E")
	b, _ := azlogs.ParseUUID("0f8fad5bd9cb469fa16570867728950e")
	fmt.Println(a, a == b)

	_, err := azlogs.ParseUUID("0f8fad5b")
	fmt.Println(err)
	// Output:
	// 0f8fad5b-d9cb-469f-a165-70867728950e true
	// azlogs: invalid UUID "0f8fad5b"
}

func BenchmarkParseUUIDBytes(b *testing.B) {
	in := []byte("0f8fad5b-d9cb-469f-a165-70867728950e")
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, ok := azlogs.ParseUUIDBytes(in); !ok {
			b.Fatal("ParseUUIDBytes failed")
		}
	}
}

func BenchmarkUUIDAppendTo(b *testing.B) {
	buf := make([]byte, 0, 64)
	b.ReportAllocs()
	for b.Loop() {
		buf = testUUID.AppendTo(buf[:0])
	}
}

// TestParseUUIDEveryByte puts every byte value at every position of a
// UUID in both forms, and compares the parse with the reference: the
// parser checks eight digits at once, and a byte next to the bounds of
// the digits and letters (/ : @ G ` g, and those with bit 0x20 cleared or
// set) must not pass for one.
func TestParseUUIDEveryByte(t *testing.T) {
	for _, base := range []string{"0f8fad5b-d9cb-469f-a165-70867728950e", "0F8FAD5BD9CB469FA16570867728950E"} {
		for i := range len(base) {
			for c := range 256 {
				b := []byte(base)
				b[i] = byte(c)
				got, ok := azlogs.ParseUUIDBytes(b)
				want, wok := refParseUUID(string(b))
				if ok != wok || got != want {
					t.Fatalf("ParseUUIDBytes(%q) = %v, %v; reference says %v, %v", b, got, ok, want, wok)
				}
			}
		}
	}
}
