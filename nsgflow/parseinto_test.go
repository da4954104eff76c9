package nsgflow

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// The counters "0,0,0,0", read by parseFast as one word, parse as the
// other paths read them, and texts around that shape do not take it.
func TestZeroCountersFastPath(t *testing.T) {
	const v4 = "1663146003606,10.0.0.6,52.239.184.180,23956,443,6,O,"
	const v2 = "1542110379,10.5.16.4,13.67.143.117,59932,443,T,O,A,"
	for _, c := range []struct {
		text    string
		version int
		fast    bool // parseFast takes it
		ok      bool
	}{
		{v4 + "B,NX,0,0,0,0", 4, true, true},
		{v4 + "D,NX,0,0,0,0", 4, true, true},
		{v4 + "D,NX,0,0,0,0", 0, true, true},
		{v2 + "E,0,0,0,0", 2, true, true},
		{v2 + "B,0,0,0,0", 0, true, true},
		{v4 + "B,NX,00,0,0,0", 4, true, true},    // leading zero: the general loop
		{v4 + "B,NX,0,0,0,00", 4, true, true},    // the same at the end
		{v4 + "B,NX,0,0,0,1", 4, true, true},     // same length, not zeros
		{v4 + "B,NX,1,0,0,0", 4, true, true},     // same length, not zeros
		{v4 + "B,NX,0,0,0,0,0", 4, false, false}, // a fifth counter
		{v4 + "B,NX,,0,0,0,0", 4, false, false},
		{v4 + "B,NX,0,0,0", 4, false, false},
		{v4 + "B,NX,0.0,0,0", 4, false, false},
		{v4 + "B,NX_X,0,0,0,0", 4, false, true}, // unknown status: parse
		{v2 + "E,0,0,0,0", 1, false, false},
		{v2[:len(v2)-1] + ",0,0,0,0", 0, false, false}, // ",0,0,0,0" after the decision
	} {
		var ft Tuple
		fast := ft.parseFast([]byte(c.text), 0, c.version, nil)
		got, err := ParseTupleBytes([]byte(c.text), c.version)
		want, ok := refParseTuple(c.text, c.version)
		if fast != c.fast || (err == nil) != c.ok || ok != c.ok || (ok && got != want) || (fast && ft != want) {
			t.Errorf("%q, version %d: parseFast %v, ParseTupleBytes %v, %v; reference %v, %v",
				c.text, c.version, fast, got, err, want, ok)
		}
		if c.ok {
			if cs, has := got.Counters(); !has || (strings.HasSuffix(c.text, ",0,0,0,0") && cs != (Counters{})) {
				t.Errorf("%q: counters %v, %v", c.text, cs, has)
			}
		}
	}
}

// The iterators parse each tuple into a Tuple of their own: a tuple after
// a malformed one, or after one that parseFast began and the careful
// parser finished, comes out whole and alone, as Record.Tuple gives it;
// escaped tuple strings too.
func TestIteratorsParseInPlace(t *testing.T) {
	tuples := []string{
		`"1663146003606,10.0.0.6,52.239.184.180,23956,443,6,O,E,NX,3,767,2,1580"`, // first of record and group
		`"1663146003606,10.0.0.6,52.239.184.180,23956,443,6,O,E,NX_SOMETHING,3,767,2,1580"`,
		`"1663146003607,10.0.0.7,52.239.184.181,1,2,6,I,B,NX,0,0,0,0"`,
		`"1663146003607,10.0.0.7,52.239.184.181,1,2,6,I,B,NX,0,0,0"`,                 // malformed after a good one
		`"1663146003608,10.0.0.8,10.0.0.9,3,4,17,O,C,NX,18446744073709551615,1,2,3"`, // 20 digits: careful parser
		`"1663146003609,10.0.0.8,10.0.0.9,3,4,17,O,D,NX,0,0,0,0"`,
		`"1663146003610,10.0.0.8,2001:db8::1,3,4,6,O,E,NX,1,2,3,4"`,
		`"1663146003611,10.0.0.1\u002C10.0.0.2,5,6,6,O,E,NX,1,2,3,4"`, // escaped: a copy
		`"x"`,
		`"1663146003612,10.0.0.1,10.0.0.2,5,6,6,O,B,NX,0,0,0,0"`,
	}
	rec := `{"category":"FlowLogFlowEvent","flowLogVersion":4,"macAddress":"000D3AF87856","flowRecords":{"flows":[` +
		`{"aclID":"a","flowGroups":[{"rule":"r1","flowTuples":[` + strings.Join(tuples[:6], ",") + `]},` +
		`{"rule":"r2","flowTuples":[]},{"rule":"r3","flowTuples":[` + strings.Join(tuples[6:], ",") + `]}]}]}}`
	dec := NewDecoder(bytes.NewReader([]byte(rec)))
	if !dec.Next() {
		t.Fatal(dec.Err())
	}
	r := dec.Record()
	if r.NumTuples() != len(tuples) {
		t.Fatalf("%d tuples", r.NumTuples())
	}
	check := func(how string, i int, got Tuple, err error) {
		t.Helper()
		want, werr := r.Tuple(i)
		if got != want || errString(err) != errString(werr) {
			t.Errorf("%s: tuple %d = %v, %v; Record.Tuple: %v, %v", how, i, got, err, want, werr)
		}
		var te *TupleError
		if werr != nil && (!errors.As(err, &te) || te.Index != i) {
			t.Errorf("%s: tuple %d: error %v", how, i, err)
		}
	}
	bad := 0
	i := 0
	for tu, err := range r.Tuples() {
		check("Record.Tuples", i, tu, err)
		if err != nil {
			bad++
		}
		i++
	}
	if i != len(tuples) || bad != 2 {
		t.Errorf("Record.Tuples: %d tuples, %d bad", i, bad)
	}
	i = 0
	for g := range r.Groups() {
		for tu, err := range g.Tuples() {
			check("Group.Tuples", i, tu, err)
			i++
		}
	}
	if i != len(tuples) {
		t.Errorf("Group.Tuples: %d tuples", i)
	}
	if tu, _ := r.Tuple(7); tu.SrcAddr().String() != "10.0.0.1" || tu.DstAddr().String() != "10.0.0.2" {
		t.Errorf("escaped tuple: %v", tu)
	}
	var s Summary
	s.AddRecord(r)
	if s.Tuples != uint64(len(tuples)-2) || s.BadTuples != 2 {
		t.Errorf("Summary: %d tuples, %d bad", s.Tuples, s.BadTuples)
	}
}

// A comma mask with bits past the tuple's end (what FuzzParseTuple's
// damaged masks found: testdata/fuzz/FuzzParseTuple/649cb4d28b03acbf)
// makes parseFast decline, not index past the tuple; a mask one bit off
// makes it decline or agree with the parse without a mask.
func TestParseFastWrongMask(t *testing.T) {
	var ft Tuple
	if ft.parseFast([]byte("1,+677&+66"), 1<<1|1<<13|1<<20|1<<30|1<<40, 0, new(addrCache)) {
		t.Fatalf("accepted %v", ft)
	}
	text := []byte("1542110377,10.0.0.4,13.67.143.118,44931,443,T,O,A,B,,,,")
	want, err := ParseTupleBytes(text, 2)
	if err != nil {
		t.Fatal(err)
	}
	var m uint64
	for k, c := range text {
		if c == ',' {
			m |= 1 << k
		}
	}
	for _, mask := range []uint64{m, m << 1, m >> 1, m | m<<1, m &^ (1 << 19), ^uint64(0), 1<<63 | 1<<10} {
		var got Tuple
		ok := got.parseFast(text, mask, 2, nil)
		if ok && got != want {
			t.Errorf("mask %064b: %v, want %v", mask, got, want)
		}
		if mask == m && !ok {
			t.Errorf("the true mask declined")
		}
	}
}

// A damaged mask that puts a comma where an address ends in a space
// (testdata/fuzz/FuzzParseTuple/18510b86af75ac9b) makes parseFast decline:
// the byte after an address read eight bytes at a time must be the comma
// the mask claims, with or without a cache.
func TestParseFastSpaceAfterAddress(t *testing.T) {
	text := []byte("16633599,10.0.0.6,52.239.184.180 23956,443,6,O,B,NX,0,0,0,0")
	var m uint64
	for k, c := range text {
		if c == ',' || c == ' ' {
			m |= 1 << k
		}
	}
	if _, err := ParseTupleBytes(text, 4); err == nil {
		t.Fatal("the tuple parsed")
	}
	for _, c := range []*addrCache{nil, new(addrCache)} {
		var got Tuple
		if got.parseFast(text, m, 4, c) {
			t.Fatalf("accepted %v", got)
		}
	}
}
