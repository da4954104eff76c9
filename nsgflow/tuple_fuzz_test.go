package nsgflow

import (
	"errors"
	"net/netip"
	"strconv"
	"strings"
	"testing"

	"github.com/azlogs/azlogs"
)

// refParseTuple is the slow reference parser: the grammar of ParseTupleBytes
// written the obvious way, with strings.Split, netip.ParseAddr and strconv.
// FuzzParseTuple checks that the two accept the same inputs and agree.
func refParseTuple(s string, version int) (Tuple, bool) {
	var t Tuple
	f := strings.Split(s, ",")
	switch version {
	case 0:
		switch {
		case len(f) == 8:
			version = 1
		case len(f) == 13 && (f[5] == "T" || f[5] == "U"):
			version = 2
		case len(f) == 13:
			version = 4
		default:
			return Tuple{}, false
		}
	case 1:
		if len(f) != 8 {
			return Tuple{}, false
		}
	case 2, 4:
		if len(f) != 13 {
			return Tuple{}, false
		}
	default:
		return Tuple{}, false
	}
	t.version = uint8(version)

	// strconv.ParseUint with base 10 takes digits only (leading zeros
	// included), and no sign.
	epoch, err := strconv.ParseUint(f[0], 10, 63)
	if err != nil {
		return Tuple{}, false
	}
	t.epoch = int64(epoch)
	if epoch >= 100_000_000_000 {
		t.flags |= flagMillis
	}
	var ok bool
	if t.src, ok = refAddr(f[1]); !ok {
		return Tuple{}, false
	}
	if t.dst, ok = refAddr(f[2]); !ok {
		return Tuple{}, false
	}
	port, err := strconv.ParseUint(f[3], 10, 16)
	if err != nil {
		return Tuple{}, false
	}
	t.srcPort = uint16(port)
	if port, err = strconv.ParseUint(f[4], 10, 16); err != nil {
		return Tuple{}, false
	}
	t.dstPort = uint16(port)

	if version == 4 {
		proto, err := strconv.ParseUint(f[5], 10, 8)
		if err != nil {
			return Tuple{}, false
		}
		t.proto = Protocol(proto)
	} else {
		switch f[5] {
		case "T":
			t.proto = TCP
		case "U":
			t.proto = UDP
		default:
			return Tuple{}, false
		}
	}
	switch f[6] {
	case "I":
		t.dir = Inbound
	case "O":
		t.dir = Outbound
	default:
		return Tuple{}, false
	}

	states := map[string]FlowState{"B": Begin, "C": Continuing, "E": End}
	if version == 4 {
		states["D"] = Denied
		if t.state, ok = states[f[7]]; !ok {
			return Tuple{}, false
		}
		t.decision = Allow
		if t.state == Denied {
			t.decision = Deny
		}
		if !refEncryption(&t, f[8]) {
			return Tuple{}, false
		}
	} else {
		switch f[7] {
		case "A":
			t.decision = Allow
		case "D":
			t.decision = Deny
		default:
			return Tuple{}, false
		}
		if version == 1 {
			return t, true
		}
		if t.state, ok = states[f[8]]; !ok {
			return Tuple{}, false
		}
	}

	if strings.Join(f[9:], "") == "" {
		return t, true
	}
	var c [4]uint64
	for i := range c {
		if c[i], err = strconv.ParseUint(f[9+i], 10, 64); err != nil {
			return Tuple{}, false
		}
	}
	t.counters = Counters{c[0], c[1], c[2], c[3]}
	t.flags |= flagCounters
	return t, true
}

func refAddr(s string) (netip.Addr, bool) {
	a, err := netip.ParseAddr(s)
	return a, err == nil && a.Zone() == ""
}

func refEncryption(t *Tuple, s string) bool {
	known := map[string]Encryption{
		"X": EncryptionX, "NX": EncryptionNX, "NX_HW_NOT_SUPPORTED": EncryptionNXHWNotSupported,
		"NX_SW_NOT_READY": EncryptionNXSWNotReady, "NX_NOT_ACCEPTED": EncryptionNXNotAccepted,
		"NX_NOT_SUPPORTED": EncryptionNXNotSupported, "NX_LOCAL_DST": EncryptionNXLocalDst,
		"NX_FALLBACK": EncryptionNXFallback,
	}
	if e, ok := known[s]; ok {
		t.enc = e
		return true
	}
	if s == "" || len(s) > maxEncryptionText {
		return false
	}
	if strings.TrimLeft(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") != "" {
		return false
	}
	t.enc = EncryptionOther
	copy(t.encText[:], s)
	return true
}

// fuzzCache is the cache of addresses FuzzParseTuple shares between
// inputs.
var fuzzCache addrCache

// fuzzVersion maps the fuzzer's byte to the versions worth trying,
// including unsupported ones.
func fuzzVersion(v uint8) int { return int(v % 6) }

// FuzzParseTuple checks ParseTupleBytes against refParseTuple, and that
// every accepted tuple survives AppendTo and a second parse unchanged.
func FuzzParseTuple(f *testing.F) {
	for _, c := range corpusTuples(f) {
		f.Add(c.text, uint8(0))
		f.Add(c.text, uint8(c.version))
	}
	for _, s := range []string{
		"1487282421,192.0.2.95,10.1.0.4,51529,5358,T,I,D",
		"1493763938,185.170.185.105,10.2.0.4,35370,23,6,I,B,NX,,,,",
		"1663146003599,2001:db8::1,::ffff:10.0.0.6,0,65535,58,O,C,NX_FALLBACK,18446744073709551615,0,0,0",
		"1663146003599,10.0.0.6,10.0.0.7,1,2,6,O,E,NX_SOMETHING_NEW,1,2,3,4",
		"1542110402,192.0.2.190,10.5.16.4,28746,443,U,I,D,B,,,,1",
	} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, v uint8) {
		version := fuzzVersion(v)
		got, err := ParseTupleBytes([]byte(s), version)
		want, ok := refParseTuple(s, version)
		// With the decoder's cache of addresses, warm from earlier
		// inputs, the result is the same.
		if cached, cerr := parseTuple([]byte(s), version, &fuzzCache); cached != got || (cerr == nil) != (err == nil) {
			t.Fatalf("parseTuple(%q, %d) with a cache = %v, %v; without: %v, %v", s, version, cached, cerr, got, err)
		}
		// With the comma mask a record's scan makes, true or damaged,
		// the result is the same, or the fast path declines.
		for _, damage := range []uint64{0, fnv64(s), fnv64(s) & fnv64(s+"x"), 1 << (fnv64(s) & 63)} {
			cm := fuzzMasks(s, damage)
			var mt Tuple
			if mt.parseFast([]byte(s), cm, version, &fuzzCache) && (err != nil || mt != got) {
				t.Fatalf("parseFast(%q, %d) with a comma mask damaged by %#x = %v; ParseTupleBytes: %v, %v", s, version, damage, mt, got, err)
			}
			if damage == 0 {
				if cerr := mt.parseInto([]byte(s), cm, version, &fuzzCache); mt != got || (cerr == nil) != (err == nil) {
					t.Fatalf("parseInto(%q, %d) with its comma mask = %v, %v; ParseTupleBytes: %v, %v", s, version, mt, cerr, got, err)
				}
			}
		}
		var careful Tuple
		if f := careful.parse([]byte(s), version); (f.kind == 0) != (err == nil) || (err == nil && careful != got) {
			t.Fatalf("ParseTupleBytes(%q, %d) = %v, %v; parse alone gives %v, %+v", s, version, got, err, careful, f)
		}
		if (err == nil) != ok {
			t.Fatalf("ParseTupleBytes(%q, %d) error %v; reference accepts: %v", s, version, err, ok)
		}
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Tuple != s || !strings.HasPrefix(err.Error(), "nsgflow: ") ||
				!(errors.Is(err, azlogs.ErrInvalid) || errors.Is(err, azlogs.ErrRange)) {
				t.Fatalf("ParseTupleBytes(%q, %d): badly formed error %#v", s, version, err)
			}
			return
		}
		if got != want {
			t.Fatalf("ParseTupleBytes(%q, %d) =\n%#v\nreference:\n%#v", s, version, got, want)
		}
		if !got.IsValid() || (version != 0 && got.Version() != version) {
			t.Fatalf("ParseTupleBytes(%q, %d): IsValid %v, Version %d", s, version, got.IsValid(), got.Version())
		}
		if inferred, err := ParseTuple(s); err != nil || inferred != got {
			t.Fatalf("ParseTuple(%q) = %v, %v; with version %d: %v", s, inferred, err, version, got)
		}
		out := got.AppendTo(nil)
		if got.String() != string(out) {
			t.Fatalf("String() = %q, AppendTo wrote %q", got.String(), out)
		}
		again, err := ParseTupleBytes(out, got.Version())
		if err != nil || again != got {
			t.Fatalf("reparsing %q (from %q) = %v, %v; want %v", out, s, again, err, got)
		}
		if canonical(s, got) && string(out) != s {
			t.Fatalf("AppendTo wrote %q, parsed %q", out, s)
		}
	})
}

// fuzzMasks returns the comma mask of s's first 64 bytes, as
// Record.commaMask makes it, with the bits of damage flipped.
func fuzzMasks(s string, damage uint64) uint64 {
	var m uint64
	for i := range min(len(s), 64) {
		if s[i] == ',' {
			m |= 1 << i
		}
	}
	return m ^ damage
}

func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := range len(s) {
		h = (h ^ uint64(s[i])) * 1099511628211
	}
	return h
}

// canonical reports whether s, which parsed as t, is spelled as AppendTo
// writes: numbers without leading zeros, addresses as netip writes them.
func canonical(s string, t Tuple) bool {
	f := strings.Split(s, ",")
	for _, x := range f {
		if len(x) > 1 && x[0] == '0' && strings.Trim(x, "0123456789") == "" {
			return false
		}
	}
	return f[1] == t.src.String() && f[2] == t.dst.String()
}
