package diagnostics

import (
	"bytes"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/require"
)

// A caller address with a port is split into the address and the port
// (client ports are new with every connection, and would make every text a
// new string), and written back as it was; everything else stays whole.
func TestCallerPort(t *testing.T) {
	cases := []struct {
		in, addr string
		port     uint16
		hasPort  bool
		ip       string
	}{
		{"192.0.2.1:52311", "192.0.2.1", 52311, true, "192.0.2.1"},
		{"192.0.2.1:0", "192.0.2.1", 0, true, "192.0.2.1"},
		{"[2001:db8::1]:443", "2001:db8::1", 443, true, "2001:db8::1"},
		{"192.0.2.1", "192.0.2.1", 0, false, "192.0.2.1"},
		{"2001:db8::1", "2001:db8::1", 0, false, "2001:db8::1"},
		{"2001:db8::443", "2001:db8::443", 0, false, "2001:db8::443"},
		{"[2001:db8::1]", "[2001:db8::1]", 0, false, "2001:db8::1"},
		{"192.0.2.1:0443", "192.0.2.1:0443", 0, false, "192.0.2.1"}, // not plain decimal: kept whole
		{"10.0.0.0/24", "10.0.0.0/24", 0, false, "10.0.0.0"},
		{"111.222.xxx.xxx", "111.222.xxx.xxx", 0, false, ""},
		{"XX:2a02:cf40:add:4002:91f2:a9b2:e09a:6fc6", "XX:2a02:cf40:add:4002:91f2:a9b2:e09a:6fc6", 0, false, ""},
		{"", "", 0, false, ""},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			in := []byte(`{"time":"2025-01-02T03:04:05Z","callerIpAddress":"` + c.in + `","category":"X"}`)
			dec := NewDecoder(bytes.NewReader(in))
			require.True(t, dec.Next(), dec.Err())
			rec := dec.Record()
			require.Equal(t, c.addr, rec.CallerIPAddress)
			require.Equal(t, c.port, rec.CallerPort)
			require.Equal(t, c.hasPort, rec.callerPort)
			if c.ip == "" {
				require.False(t, rec.CallerIP.IsValid())
			} else {
				require.Equal(t, netip.MustParseAddr(c.ip), rec.CallerIP)
			}
			out := rec.AppendJSON(nil)
			require.Contains(t, string(out), `"callerIpAddress":"`+c.in+`"`, "written back as it was")
			require.Equal(t, rec.CallerPort, rec.Clone().CallerPort)
		})
	}
}
