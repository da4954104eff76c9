package netaddr

import (
	"net/netip"
	"strings"
	"testing"
)

func TestParseAddr(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" when the input must be rejected
	}{
		{"0.0.0.0", "0.0.0.0"},
		{"192.0.2.1", "192.0.2.1"},
		{"255.255.255.255", "255.255.255.255"},
		{"10.5.16.4", "10.5.16.4"},
		{"::", "::"},
		{"::1", "::1"},
		{"1::", "1::"},
		{"2001:db8::1", "2001:db8::1"},
		{"2001:DB8::1", "2001:db8::1"},
		{"2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"},
		{"1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"},
		{"1:2:3:4:5:6::", "1:2:3:4:5:6::"},
		{"::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8"}, // RFC 5952: one zero group is not compressed
		{"1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"},
		{"::ffff:192.0.2.1", "::ffff:192.0.2.1"},
		{"::192.0.2.1", "::c000:201"},
		{"64:ff9b::192.0.2.33", "64:ff9b::c000:221"},
		{"fe80::1:2:3:4", "fe80::1:2:3:4"},

		{"", ""},
		{".", ""},
		{"1.2.3", ""},
		{"1.2.3.4.5", ""},
		{"1.2.3.", ""},
		{".1.2.3", ""},
		{"1..2.3", ""},
		{"256.1.1.1", ""},
		{"1.2.3.256", ""},
		{"01.2.3.4", ""},
		{"1.2.3.04", ""},
		{"1.2.3.4 ", ""},
		{" 1.2.3.4", ""},
		{"1.2.3.4%eth0", ""},
		{"111.222.xxx.xxx", ""},
		{"example.com", ""},
		{"1234", ""},
		{":", ""},
		{":::", ""},
		{"1:", ""},
		{":1", ""},
		{"1:2", ""},
		{"1:2:3:4:5:6:7", ""},
		{"1:2:3:4:5:6:7:8:9", ""},
		{"1:2:3:4:5:6:7:8::", ""},
		{"::1:2:3:4:5:6:7:8", ""},
		{"1:2:3:4::5:6:7:8", ""},
		{"1::2::3", ""},
		{"12345::", ""},
		{"g::", ""},
		{"fe80::1%eth0", ""},
		{"fe80::1%", ""},
		{"%eth0", ""},
		{"1:2:3:4:5:6:7:1.2.3.4", ""},
		{"1:2:3:4:5:1.2.3.4", ""},
		{"::1.2.3.4:5", ""},
		{"::1.2.3", ""},
		{"::01.2.3.4", ""},
		{"::1.2.3.4.5", ""},
		{"::ffff:256.0.0.1", ""},
		{"1:2:3:4:5:6:7::1.2.3.4", ""},
		{"XX:2a02:908:1:2:3:4:5", ""},
		{"[::1]", ""},
	}
	for _, tt := range tests {
		got, ok := ParseAddr([]byte(tt.in))
		if tt.want == "" {
			if ok {
				t.Errorf("ParseAddr(%q) = %v, want rejection", tt.in, got)
			}
			continue
		}
		if !ok || got.String() != tt.want {
			t.Errorf("ParseAddr(%q) = %v, %v; want %s", tt.in, got, ok, tt.want)
		}
		if ref, err := netip.ParseAddr(tt.in); err != nil || ref != got {
			t.Errorf("ParseAddr(%q) = %v, netip gives %v, %v", tt.in, got, ref, err)
		}
	}
}

func TestParseAddrUntil(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" when the address must be rejected
		n    int
	}{
		{"10.0.0.1,443", "10.0.0.1", 8},
		{"10.0.0.1", "10.0.0.1", 8},
		{"2001:db8::1,443", "2001:db8::1", 11},
		{"::ffff:10.0.0.1,x", "::ffff:10.0.0.1", 15},
		{",10.0.0.1", "", 0},
		{"", "", 0},
		{"10.0.0.1x,1", "", 9},
		{"10.0.0.1.2,1", "", 10},
		{"10.0.0.256,1", "", 10},
		{"10.0.0.1:80,1", "", 11},
		{"fe80::1%eth0,1", "", 12},
	}
	for _, tt := range tests {
		got, n, ok := ParseAddrUntil([]byte(tt.in), ',')
		if tt.want == "" {
			if ok || n != tt.n {
				t.Errorf("ParseAddrUntil(%q) = %v, %d, %v; want rejection at %d", tt.in, got, n, ok, tt.n)
			}
			continue
		}
		if !ok || got.String() != tt.want || n != tt.n {
			t.Errorf("ParseAddrUntil(%q) = %v, %d, %v; want %s, %d", tt.in, got, n, ok, tt.want, tt.n)
		}
	}
}

func TestParseAddrKeepsMapped(t *testing.T) {
	got, ok := ParseAddr([]byte("::ffff:10.0.0.1"))
	if !ok || !got.Is4In6() || got.Unmap() != netip.MustParseAddr("10.0.0.1") {
		t.Fatalf("ParseAddr(::ffff:10.0.0.1) = %v, %v; want an IPv4-mapped IPv6 address", got, ok)
	}
}

func TestParseCallerIP(t *testing.T) {
	tests := []struct {
		in   string
		want string // address, "" when the input must be rejected
		port uint16
	}{
		{"192.0.2.1", "192.0.2.1", 0},
		{"2001:db8::1", "2001:db8::1", 0},
		{"192.0.2.1:443", "192.0.2.1", 443},
		{"192.0.2.1:0", "192.0.2.1", 0},
		{"192.0.2.1:65535", "192.0.2.1", 65535},
		{"192.0.2.1:0443", "192.0.2.1", 443},
		{"[2001:db8::1]:443", "2001:db8::1", 443},
		{"[2001:db8::1]", "2001:db8::1", 0},
		{"[::ffff:192.0.2.1]:80", "::ffff:192.0.2.1", 80},
		{"::ffff:192.0.2.1", "::ffff:192.0.2.1", 0},
		{"10.0.0.0/24", "10.0.0.0", 0},
		{"10.0.0.7/32", "10.0.0.7", 0},
		{"0.0.0.0/0", "0.0.0.0", 0},
		{"2001:db8::/32", "2001:db8::", 0},
		{"2001:db8::/128", "2001:db8::", 0},
		{"::1:80", "::1:80", 0}, // a bare IPv6 address, not a port

		{"", "", 0},
		{"XX:2a02:908:1f2:8b80:3df1:f53c:e546:13d7", "", 0},
		{"111.222.xxx.xxx", "", 0},
		{"111.222.xxx.xxx:443", "", 0},
		{"example.com", "", 0},
		{"example.com:443", "", 0},
		{"192.0.2.1:", "", 0},
		{"192.0.2.1:65536", "", 0},
		{"192.0.2.1:-1", "", 0},
		{"192.0.2.1:+1", "", 0},
		{"192.0.2.1:44a", "", 0},
		{"192.0.2.1::443", "", 0},
		{"2001:db8::1:443x", "", 0},
		{"[192.0.2.1]:443", "", 0},
		{"[192.0.2.1]", "", 0},
		{"[2001:db8::1", "", 0},
		{"[2001:db8::1]:", "", 0},
		{"[2001:db8::1]443", "", 0},
		{"[2001:db8::1]]:443", "", 0},
		{"[fe80::1%eth0]:443", "", 0},
		{"[]:443", "", 0},
		{"fe80::1%eth0", "", 0},
		{"10.0.0.0/33", "", 0},
		{"10.0.0.0/024", "", 0},
		{"10.0.0.0/", "", 0},
		{"10.0.0.0/-1", "", 0},
		{"10.0.0.0/24:80", "", 0},
		{"2001:db8::/129", "", 0},
		{"[2001:db8::]/32", "", 0},
		{"fe80::%eth0/64", "", 0},
		{"/24", "", 0},
	}
	for _, tt := range tests {
		addr, port, ok := ParseCallerIP([]byte(tt.in))
		if tt.want == "" {
			if ok {
				t.Errorf("ParseCallerIP(%q) = %v, %d, want rejection", tt.in, addr, port)
			}
			continue
		}
		if !ok || addr.String() != tt.want || port != tt.port {
			t.Errorf("ParseCallerIP(%q) = %v, %d, %v; want %s, %d", tt.in, addr, port, ok, tt.want, tt.port)
		}
		raddr, rport, rok := refParseCallerIP(tt.in)
		if rok != ok || raddr != addr || rport != port {
			t.Errorf("ParseCallerIP(%q) = %v, %d, %v; reference gives %v, %d, %v", tt.in, addr, port, ok, raddr, rport, rok)
		}
	}
}

// refParseCallerIP is ParseCallerIP written with net/netip, for the fuzz
// target to compare against.
func refParseCallerIP(s string) (netip.Addr, uint16, bool) {
	if a, err := netip.ParseAddr(s); err == nil {
		if a.Zone() != "" {
			return netip.Addr{}, 0, false
		}
		return a, 0, true
	}
	if len(s) >= 2 && s[0] == '[' && s[len(s)-1] == ']' {
		a, err := netip.ParseAddr(s[1 : len(s)-1])
		if err != nil || !a.Is6() || a.Zone() != "" {
			return netip.Addr{}, 0, false
		}
		return a, 0, true
	}
	if ap, err := netip.ParseAddrPort(s); err == nil {
		if ap.Addr().Zone() != "" {
			return netip.Addr{}, 0, false
		}
		return ap.Addr(), ap.Port(), true
	}
	if p, err := netip.ParsePrefix(s); err == nil {
		return p.Addr(), 0, true
	}
	return netip.Addr{}, 0, false
}

func TestAllocs(t *testing.T) {
	inputs := [][]byte{
		[]byte("192.0.2.1"), []byte("2001:db8::1"), []byte("::ffff:192.0.2.1"),
		[]byte("256.0.0.1"), []byte("fe80::1%eth0"), []byte("example.com"),
		[]byte("[2001:db8::1]:443"), []byte("10.0.0.0/24"), []byte("192.0.2.1:443"),
		[]byte("111.222.xxx.xxx"), []byte(""),
	}
	for _, in := range inputs {
		if n := testing.AllocsPerRun(100, func() { ParseAddr(in) }); n != 0 {
			t.Errorf("ParseAddr(%q): %v allocations, want 0", in, n)
		}
		if n := testing.AllocsPerRun(100, func() { ParseAddrUntil(in, ',') }); n != 0 {
			t.Errorf("ParseAddrUntil(%q): %v allocations, want 0", in, n)
		}
		if n := testing.AllocsPerRun(100, func() { ParseCallerIP(in) }); n != 0 {
			t.Errorf("ParseCallerIP(%q): %v allocations, want 0", in, n)
		}
	}
}

var fuzzSeeds = []string{
	"", "0.0.0.0", "192.0.2.1", "255.255.255.255", "01.2.3.4", "1.2.3.4.5",
	"::", "::1", "2001:db8::1", "1:2:3:4:5:6:7:8", "::ffff:1.2.3.4",
	"1:2:3:4:5:6:1.2.3.4", "fe80::1%eth0", "1::2::3", "12345::", ":::",
	"[2001:db8::1]:443", "[2001:db8::1]", "192.0.2.1:443", "10.0.0.0/24",
	"2001:db8::/32", "111.222.xxx.xxx", "XX:2a02:908::1", "example.com",
}

// FuzzParseAddr checks that ParseAddr accepts exactly what netip.ParseAddr
// accepts without a zone, with the same result.
func FuzzParseAddr(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ParseAddr([]byte(s))
		want, err := netip.ParseAddr(s)
		wantOK := err == nil && want.Zone() == ""
		if ok != wantOK {
			t.Fatalf("ParseAddr(%q) ok=%v, netip.ParseAddr gives %v, %v", s, ok, want, err)
		}
		if ok && got != want {
			t.Fatalf("ParseAddr(%q) = %v, netip.ParseAddr gives %v", s, got, want)
		}
		// ParseAddrUntil reads the same address in front of a separator.
		for _, tail := range []string{"", ",", ",1.2.3.4", ",::1"} {
			in := s + tail
			end := strings.IndexByte(in, ',')
			if end < 0 {
				end = len(in)
			}
			prefix, prefixOK := ParseAddr([]byte(in[:end]))
			got, n, ok := ParseAddrUntil([]byte(in), ',')
			if ok != prefixOK || n != end || (ok && got != prefix) {
				t.Fatalf("ParseAddrUntil(%q) = %v, %d, %v; ParseAddr(%q) gives %v, %v", in, got, n, ok, in[:end], prefix, prefixOK)
			}
		}
	})
}

// FuzzParseCallerIP compares ParseCallerIP with refParseCallerIP.
func FuzzParseCallerIP(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		addr, port, ok := ParseCallerIP([]byte(s))
		raddr, rport, rok := refParseCallerIP(s)
		if ok != rok || addr != raddr || port != rport {
			t.Fatalf("ParseCallerIP(%q) = %v, %d, %v; reference gives %v, %d, %v", s, addr, port, ok, raddr, rport, rok)
		}
	})
}

var sink netip.Addr

func BenchmarkParseAddr(b *testing.B) {
	for _, in := range []string{"10.5.16.4", "203.0.113.118", "2001:db8:85a3::8a2e:370:7334", "::ffff:192.0.2.1"} {
		buf := []byte(in)
		b.Run(strings.ReplaceAll(in, ":", "_")+"/netaddr", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(buf)))
			for b.Loop() {
				sink, _ = ParseAddr(buf)
			}
		})
		b.Run(strings.ReplaceAll(in, ":", "_")+"/netip", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(buf)))
			for b.Loop() {
				sink, _ = netip.ParseAddr(string(buf))
			}
		})
	}
}

func BenchmarkParseAddrUntil(b *testing.B) {
	for _, in := range []string{"10.5.16.4,443", "2001:db8:85a3::8a2e:370:7334,443"} {
		buf := []byte(in)
		b.Run(strings.ReplaceAll(in, ":", "_"), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(buf)))
			for b.Loop() {
				sink, _, _ = ParseAddrUntil(buf, ',')
			}
		})
	}
}

func BenchmarkParseCallerIP(b *testing.B) {
	for _, in := range []string{"203.0.113.118", "203.0.113.118:443", "[2001:db8::1]:443", "10.0.0.0/24"} {
		buf := []byte(in)
		b.Run(strings.ReplaceAll(in, ":", "_"), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(buf)))
			for b.Loop() {
				sink, _, _ = ParseCallerIP(buf)
			}
		})
	}
}
