package jsonw

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/azlogs/azlogs"
)

func TestString(t *testing.T) {
	for _, s := range []string{"", "plain", `quote " and \ backslash`, "ctrl \x01\n\r\t end", "unicode é ✓", "\xff invalid kept"} {
		out := String(nil, s)
		if s != "\xff invalid kept" {
			var back string
			require.NoError(t, json.Unmarshal(out, &back), "%q", out)
			require.Equal(t, s, back)
		}
	}
	require.Equal(t, "\"\xff\"", string(String(nil, "\xff")), "invalid UTF-8 is written as it is")
}

func TestRawCompactsLines(t *testing.T) {
	require.Equal(t, `null`, string(Raw(nil, nil)))
	require.Equal(t, `{ "a": 1 }`, string(Raw(nil, []byte(`{ "a": 1 }`))), "one line: kept as it is")
	got := Raw(nil, []byte("{\n\t\"a b\": \"x\\\" \\n y\",\r\n\t\"c\": [1, 2]\n}"))
	require.Equal(t, `{"a b":"x\" \n y","c":[1,2]}`, string(got))
}

func TestMembersKeysAndIDs(t *testing.T) {
	dst := append([]byte(nil), '{')
	dst = StringMember(dst, "a", "b")
	dst = Members(dst, []azlogs.Member{{Name: "n", Value: azlogs.RawJSON(`[1]`)}})
	dst = ID(Key(dst, "id"), azlogs.TextID(`odd"id`))
	dst = ID(Key(dst, "g"), azlogs.TextID("AAAAAAAA-BBBB-CCCC-DDDD-111111111111"))
	dst = Int(Key(dst, "i"), -3)
	dst = Time(Key(dst, "t"), time.Date(2025, 4, 15, 10, 16, 32, 987344100, time.UTC))
	dst = append(dst, '}')
	require.Equal(t, `{"a":"b","n":[1],"id":"odd\"id","g":"AAAAAAAA-BBBB-CCCC-DDDD-111111111111","i":-3,"t":"2025-04-15T10:16:32.9873441Z"}`, string(dst))
	require.True(t, json.Valid(dst))
	buf := make([]byte, 0, 256)
	require.Zero(t, testing.AllocsPerRun(50, func() {
		buf = StringMember(buf[:0], "k", "v")
		buf = Raw(buf, []byte("[1,\n2]"))
	}))
}
