// Package netaddr parses IP addresses from byte slices without allocating.
package netaddr

import (
	"net/netip"

	"github.com/azlogs/azlogs/internal/swar"
)

// ParseAddr parses b as an IPv4 address in dotted-quad form ("192.0.2.1")
// or an IPv6 address in any of the text forms of RFC 4291 section 2.2,
// including "::" compression and an embedded IPv4 address
// ("::ffff:192.0.2.1"). It accepts exactly the strings that
// [netip.ParseAddr] accepts, except addresses with a zone ("fe80::1%eth0"),
// and returns the same Addr; an IPv4-mapped IPv6 address stays an IPv6
// Addr, as netip gives it. It allocates nothing, whether it succeeds or not.
func ParseAddr(b []byte) (netip.Addr, bool) {
	// Most addresses in Azure logs are IPv4, so try that first: it fails
	// at the first byte that is neither a digit nor a dot.
	if ip, ok := parseIPv4(b); ok {
		return ip, true
	}
	for _, c := range b {
		if c == ':' {
			return parseIPv6(b)
		}
	}
	return netip.Addr{}, false
}

// ParseAddrUntil parses the address at the start of b that ends at the
// first sep byte, or at the end of b if there is none, as ParseAddr does;
// sep is a byte that no address contains, such as ','. It returns the
// address and its length in bytes, which is the index of sep, also when
// it fails. It reads an IPv4 address in a single pass and allocates
// nothing.
func ParseAddrUntil(b []byte, sep byte) (addr netip.Addr, n int, ok bool) {
	if ip, n, ok := scanIPv4(b); ok && (n == len(b) || b[n] == sep) {
		return addrFrom4(ip), n, true
	}
	n = len(b)
	colon := false
	for i, c := range b {
		if c == sep {
			n = i
			break
		}
		colon = colon || c == ':'
	}
	if colon {
		addr, ok = parseIPv6(b[:n])
	} else {
		addr, ok = parseIPv4(b[:n])
	}
	return addr, n, ok
}

func addrFrom4(ip uint32) netip.Addr {
	return netip.AddrFrom4([4]byte{byte(ip >> 24), byte(ip >> 16), byte(ip >> 8), byte(ip)})
}

// parseIPv4 parses a dotted quad: four decimal numbers from 0 to 255
// without leading zeros.
func parseIPv4(b []byte) (netip.Addr, bool) {
	ip, n, ok := scanIPv4(b)
	if !ok || n != len(b) {
		return netip.Addr{}, false
	}
	return addrFrom4(ip), true
}

// scanIPv4 reads a dotted quad at the start of b and returns it with its
// length. Whatever follows is left to the caller. It reads eight bytes at
// a time (swar.IPv4); a b shorter than that is copied first.
func scanIPv4(b []byte) (ip uint32, n int, ok bool) {
	if len(b) < 8 {
		// A zero byte is neither a digit nor a dot: the zeros after
		// the text end it as the end of b would.
		var pad [8]byte
		copy(pad[:], b)
		return swar.IPv4(pad[:], 0)
	}
	return swar.IPv4(b, 0)
}

// hexVal maps a byte to its value as a hex digit, or to 0xff.
var hexVal = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c - '0')
	}
	for c := 'a'; c <= 'f'; c++ {
		t[c] = byte(c - 'a' + 10)
		t[c-'a'+'A'] = byte(c - 'a' + 10)
	}
	return t
}()

// parseIPv6 parses the RFC 4291 text forms: eight groups of one to four hex
// digits separated by colons, at most one "::" standing for one or more
// zero groups, and optionally a dotted quad in place of the last two
// groups.
func parseIPv6(b []byte) (netip.Addr, bool) {
	var ip [16]byte
	gap := -1 // index in ip where "::" stands, or -1
	i := 0    // bytes of ip filled
	p := 0    // position in b
	if len(b) >= 2 && b[0] == ':' && b[1] == ':' {
		gap = 0
		p = 2
		if p == len(b) {
			return netip.IPv6Unspecified(), true
		}
	}
	for {
		start := p
		var v uint32
		for p < len(b) && p-start < 5 {
			h := hexVal[b[p]]
			if h == 0xff {
				break
			}
			v = v<<4 | uint32(h)
			p++
		}
		if p == start {
			return netip.Addr{}, false
		}
		if p < len(b) && b[p] == '.' {
			// The group just read was the first number of a dotted
			// quad, which must fill the last four bytes.
			if i > 12 || (gap < 0 && i != 12) {
				return netip.Addr{}, false
			}
			v4, n, ok := scanIPv4(b[start:])
			if !ok || start+n != len(b) {
				return netip.Addr{}, false
			}
			ip[i], ip[i+1], ip[i+2], ip[i+3] = byte(v4>>24), byte(v4>>16), byte(v4>>8), byte(v4)
			i += 4
			break
		}
		if p-start > 4 {
			return netip.Addr{}, false
		}
		ip[i] = byte(v >> 8)
		ip[i+1] = byte(v)
		i += 2
		if p == len(b) {
			break
		}
		if b[p] != ':' || p+1 == len(b) {
			return netip.Addr{}, false
		}
		p++
		if b[p] == ':' {
			if gap >= 0 {
				return netip.Addr{}, false
			}
			gap = i
			p++
			if p == len(b) {
				break
			}
		}
		if i == 16 {
			return netip.Addr{}, false
		}
	}
	if i < 16 {
		if gap < 0 {
			return netip.Addr{}, false
		}
		n := 16 - i
		copy(ip[gap+n:], ip[gap:i])
		clear(ip[gap : gap+n])
	} else if gap >= 0 {
		return netip.Addr{}, false // "::" must stand for at least one group
	}
	return netip.AddrFrom16(ip), true
}

// ParseCallerIP parses the address forms Azure writes in fields such as
// callerIpAddress and clientIP:
//
//	192.0.2.1            an IPv4 or IPv6 address, as ParseAddr reads it
//	2001:db8::1
//	192.0.2.1:443        an IPv4 address and a port
//	[2001:db8::1]:443    an IPv6 address in brackets, with or without a port
//	[2001:db8::1]
//	10.0.0.0/24          a CIDR prefix: the address is returned, the length dropped
//
// The port is 0 when there is none. It returns ok=false for everything
// else: the empty string, host names, zones, and the masked forms some
// services write ("111.222.xxx.xxx", "XX:2a02:…"). It allocates nothing.
func ParseCallerIP(b []byte) (addr netip.Addr, port uint16, ok bool) {
	if len(b) == 0 {
		return netip.Addr{}, 0, false
	}
	if b[0] == '[' {
		end := -1
		for i, c := range b {
			if c == ']' {
				end = i
				break
			}
		}
		if end < 0 {
			return netip.Addr{}, 0, false
		}
		ip, ok := parseIPv6(b[1:end])
		if !ok {
			return netip.Addr{}, 0, false
		}
		rest := b[end+1:]
		if len(rest) == 0 {
			return ip, 0, true
		}
		if rest[0] != ':' {
			return netip.Addr{}, 0, false
		}
		port, ok := parsePort(rest[1:])
		if !ok {
			return netip.Addr{}, 0, false
		}
		return ip, port, true
	}
	// An IPv4 address, with a port or without: read once.
	if ip, n, ok := scanIPv4(b); ok {
		if n == len(b) {
			return addrFrom4(ip), 0, true
		}
		if b[n] == ':' {
			if port, ok := parsePort(b[n+1:]); ok {
				return addrFrom4(ip), port, true
			}
		}
	}
	if ip, ok := ParseAddr(b); ok {
		return ip, 0, true
	}
	slash, colon := -1, -1
	for i, c := range b {
		switch c {
		case '/':
			slash = i
		case ':':
			colon = i
		}
	}
	if slash >= 0 {
		ip, ok := ParseAddr(b[:slash])
		if !ok || !validBits(b[slash+1:], ip.BitLen()) {
			return netip.Addr{}, 0, false
		}
		return ip, 0, true
	}
	if colon >= 0 {
		// Without brackets only IPv4 may carry a port.
		ip, ok := parseIPv4(b[:colon])
		if !ok {
			return netip.Addr{}, 0, false
		}
		port, ok := parsePort(b[colon+1:])
		if !ok {
			return netip.Addr{}, 0, false
		}
		return ip, port, true
	}
	return netip.Addr{}, 0, false
}

// parsePort reads a decimal port number; like strconv.ParseUint it allows
// leading zeros.
func parsePort(b []byte) (uint16, bool) {
	if len(b) == 0 {
		return 0, false
	}
	var v uint32
	for _, c := range b {
		d := uint32(c - '0')
		if d > 9 {
			return 0, false
		}
		v = v*10 + d
		if v > 0xffff {
			return 0, false
		}
	}
	return uint16(v), true
}

// validBits reports whether b is a prefix length from 0 to max, written
// without a sign or leading zeros.
func validBits(b []byte, max int) bool {
	if len(b) == 0 || len(b) > 3 || (len(b) > 1 && b[0] == '0') {
		return false
	}
	v := 0
	for _, c := range b {
		d := int(c - '0')
		if d < 0 || d > 9 {
			return false
		}
		v = v*10 + d
	}
	return v <= max
}
