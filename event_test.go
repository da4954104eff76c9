package azlogs

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestLevelFromNumber(t *testing.T) {
	for n, want := range map[int64]Level{1: LevelCritical, 2: LevelError, 3: LevelWarning, 4: LevelInformational, 5: LevelVerbose} {
		l, ok := LevelFromNumber(n)
		require.True(t, ok)
		require.Equal(t, want, l)
	}
	for _, n := range []int64{0, 6, -1} {
		_, ok := LevelFromNumber(n)
		require.False(t, ok)
	}
}

func TestNamesAndText(t *testing.T) {
	require.Equal(t, "Activity", Activity.String())
	require.Equal(t, "Family(99)", Family(99).String())
	require.Equal(t, "Level(9)", Level(9).String())
	b, _ := LevelCritical.MarshalText()
	require.Equal(t, "Critical", string(b))
	b, _ = ResultFailure.MarshalText()
	require.Equal(t, "Failure", string(b))
	require.Equal(t, "-42", itoa(-42))
}

func TestIDRoundTrip(t *testing.T) {
	for _, s := range []string{"", "aaaaaaaa-bbbb-cccc-dddd-111111111111", "AAAAAAAA-BBBB-CCCC-DDDD-111111111111", "aAaaaaaa-bbbb-cccc-dddd-111111111111", "not-a-guid", "33333333333333333333333333333333"} {
		id := TextID(s)
		require.Equal(t, s, id.String())
		var back ID
		require.NoError(t, back.UnmarshalText([]byte(s)))
		require.Equal(t, id, back)
	}
	id, ok := ParseIDBytes([]byte("aaaaaaaa-bbbb-cccc-dddd-111111111111"))
	require.True(t, ok)
	require.Zero(t, testing.AllocsPerRun(100, func() { id, _ = ParseIDBytes([]byte("aaaaaaaa-bbbb-cccc-dddd-111111111111")) }))
	buf := make([]byte, 0, 64)
	require.Zero(t, testing.AllocsPerRun(100, func() { buf = id.AppendTo(buf[:0]) }))
}

func TestRawJSON(t *testing.T) {
	require.True(t, RawJSON(nil).IsNull())
	require.True(t, RawJSON("null").IsNull())
	require.Equal(t, "", RawJSON("null").Text())
	require.Equal(t, "12", RawJSON("12").Text())
	require.Equal(t, "a\"b", RawJSON(`"a\"b"`).Text())
	b, _ := RawJSON(nil).MarshalJSON()
	require.Equal(t, "null", string(b))
	_, err := RawJSON("{").Decode()
	require.Error(t, err)
	require.Nil(t, CloneMembers(nil))
}

func TestErrorsFormat(t *testing.T) {
	se := &SyntaxError{Position: Position{Offset: 10, Line: 2, Column: 3}, Record: 1, Pointer: "/a", Msg: "bad thing", Err: ErrSyntax}
	require.Equal(t, "azlogs: bad thing at line 2, column 3 (offset 10), record 1, member /a", se.Error())
	re := &RecordError{Start: Position{Offset: 8, Line: 2, Column: 1}, Record: 1, Err: se}
	require.Equal(t, "azlogs: record 1 at line 2, column 1 (offset 8): bad thing at line 2, column 3 (offset 10), record 1, member /a", re.Error())
	require.ErrorIs(t, re, ErrSyntax)
	c := NewConfig(WithMaxRecordSize(-1), WithMaxDepth(0), nil)
	require.Equal(t, DefaultMaxRecordSize, c.MaxRecordSize)
	require.Equal(t, DefaultMaxDepth, c.MaxDepth)
}
