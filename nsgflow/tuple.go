package nsgflow

import (
	"math"
	"math/bits"
	"net/netip"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/internal/netaddr"
	"github.com/azlogs/azlogs/internal/swar"
)

// Tuple is one flow tuple: a comma-separated string of a flowTuples array,
// such as "1542110379,10.5.16.4,13.67.143.117,59932,443,T,O,A,E,1,66,1,66".
// It holds every field of the three layouts (see the package documentation)
// and remembers which layout it came from, so that AppendTo writes it back
// as it was read.
//
// Tuple is a value type in the manner of [netip.Addr], 128 bytes long:
// copy it freely, compare it with ==, use it as a map key. Two tuples are equal when they were parsed
// from the same text, or from texts that differ only in ways the parser
// does not keep (leading zeros of numbers, the spelling of an IPv6 address).
//
// The zero Tuple is not a valid tuple: IsValid reports false, Version
// returns 0, AppendTo writes nothing and String returns "invalid Tuple".
// Every non-zero Tuple comes from a successful parse.
type Tuple struct {
	src, dst netip.Addr
	epoch    int64
	counters Counters
	srcPort  uint16
	dstPort  uint16
	version  uint8
	flags    uint8
	proto    Protocol
	dir      Direction
	decision Decision
	state    FlowState
	enc      Encryption
	// encText holds an EncryptionOther status as written, padded with
	// zero bytes; it is all zeros for the other statuses, so that == works.
	encText [maxEncryptionText]byte
}

// maxEncryptionText is the longest encryption status kept as EncryptionOther.
// It makes Tuple 128 bytes long; the longest documented status,
// NX_HW_NOT_SUPPORTED, has 19.
const maxEncryptionText = 29

const (
	flagMillis   = 1 << iota // epoch counts milliseconds
	flagCounters             // the four counters were written
)

// millisFrom is the smallest epoch read as milliseconds: 10^11 seconds is
// in the year 5138, 10^11 milliseconds in 1973.
const millisFrom = 100_000_000_000

// Counters are the statistics of a version 2 or version 4 tuple: packets and
// bytes (headers included) since the previous tuple of the same flow, in
// each direction. Source and destination are the tuple's.
type Counters struct {
	SrcToDstPackets uint64
	SrcToDstBytes   uint64
	DstToSrcPackets uint64
	DstToSrcBytes   uint64
}

// Packets returns the packets of both directions.
func (c Counters) Packets() uint64 { return c.SrcToDstPackets + c.DstToSrcPackets }

// Bytes returns the bytes of both directions.
func (c Counters) Bytes() uint64 { return c.SrcToDstBytes + c.DstToSrcBytes }

// Protocol is an IANA protocol number. NSG tuples (versions 1 and 2) can
// only say TCP or UDP, written T and U; VNet tuples (version 4) write the
// number.
type Protocol uint8

// Protocols with a name.
const (
	ICMP   Protocol = 1
	TCP    Protocol = 6
	UDP    Protocol = 17
	ICMPv6 Protocol = 58
)

// String returns "TCP", "UDP", "ICMP" or "ICMPv6", or the number in decimal.
func (p Protocol) String() string {
	switch p {
	case ICMP:
		return "ICMP"
	case TCP:
		return "TCP"
	case UDP:
		return "UDP"
	case ICMPv6:
		return "ICMPv6"
	}
	return strconv.Itoa(int(p))
}

// Direction is the direction of a flow, written I or O. The zero Direction
// is invalid; every valid Tuple has one of the two others.
type Direction uint8

// The directions.
const (
	Inbound  Direction = 1 + iota // I
	Outbound                      // O
)

// String returns "Inbound" or "Outbound".
func (d Direction) String() string {
	switch d {
	case Inbound:
		return "Inbound"
	case Outbound:
		return "Outbound"
	}
	return "Direction(" + strconv.Itoa(int(d)) + ")"
}

// Decision is whether the traffic was allowed or denied. Versions 1 and 2
// write it as A or D; version 4 has no such field, and a Tuple derives it
// from the flow state (Denied or not). The zero Decision is invalid.
type Decision uint8

// The decisions.
const (
	Allow Decision = 1 + iota // A
	Deny                      // D
)

// String returns "Allow" or "Deny".
func (d Decision) String() string {
	switch d {
	case Allow:
		return "Allow"
	case Deny:
		return "Deny"
	}
	return "Decision(" + strconv.Itoa(int(d)) + ")"
}

// FlowState is the state of a flow, written B, C, E or (version 4 only) D.
// The zero FlowState is that of a version 1 tuple, which has none.
type FlowState uint8

// The flow states.
const (
	// Begin: the flow was created. NSG version 2 tuples leave its counters
	// empty; VNet tuples write zeros.
	Begin FlowState = 1 + iota // B
	// Continuing: the flow goes on; written about every five minutes with
	// the counters since the previous tuple.
	Continuing // C
	// End: the flow ended; the counters are those since the previous tuple.
	End // E
	// Denied: the flow was denied (version 4 only).
	Denied // D
)

// String returns "Begin", "Continuing", "End", "Denied", or "None" for the
// zero FlowState.
func (s FlowState) String() string {
	switch s {
	case 0:
		return "None"
	case Begin:
		return "Begin"
	case Continuing:
		return "Continuing"
	case End:
		return "End"
	case Denied:
		return "Denied"
	}
	return "FlowState(" + strconv.Itoa(int(s)) + ")"
}

// Encryption is the encryption status of a version 4 tuple (virtual network
// encryption). The zero Encryption, EncryptionNone, is that of version 1
// and 2 tuples, which have no such field.
type Encryption uint8

// The encryption statuses, named after what Azure writes.
const (
	EncryptionNone             Encryption = iota // no field (versions 1 and 2)
	EncryptionX                                  // X: encrypted
	EncryptionNX                                 // NX: not encrypted, the usual status
	EncryptionNXHWNotSupported                   // NX_HW_NOT_SUPPORTED: the host hardware cannot encrypt
	EncryptionNXSWNotReady                       // NX_SW_NOT_READY: the host software is not ready yet; packet dropped
	EncryptionNXNotAccepted                      // NX_NOT_ACCEPTED: unencrypted traffic dropped by policy
	EncryptionNXNotSupported                     // NX_NOT_SUPPORTED: discovery not supported; packet dropped
	EncryptionNXLocalDst                         // NX_LOCAL_DST: destination on the same host, never encrypted
	EncryptionNXFallback                         // NX_FALLBACK: encryption failed, sent unencrypted as policy allows
	// EncryptionOther is a status this package does not know. The Tuple
	// keeps its text, which Tuple.EncryptionText returns.
	EncryptionOther
)

var encryptionNames = [...]string{
	EncryptionNone:             "None",
	EncryptionX:                "X",
	EncryptionNX:               "NX",
	EncryptionNXHWNotSupported: "NX_HW_NOT_SUPPORTED",
	EncryptionNXSWNotReady:     "NX_SW_NOT_READY",
	EncryptionNXNotAccepted:    "NX_NOT_ACCEPTED",
	EncryptionNXNotSupported:   "NX_NOT_SUPPORTED",
	EncryptionNXLocalDst:       "NX_LOCAL_DST",
	EncryptionNXFallback:       "NX_FALLBACK",
	EncryptionOther:            "Other",
}

// String returns the status as Azure writes it, such as "NX" or
// "NX_HW_NOT_SUPPORTED"; "None" for EncryptionNone and "Other" for
// EncryptionOther.
func (e Encryption) String() string {
	if int(e) < len(encryptionNames) {
		return encryptionNames[e]
	}
	return "Encryption(" + strconv.Itoa(int(e)) + ")"
}

// IsValid reports whether t is a tuple, that is, not the zero Tuple.
func (t Tuple) IsValid() bool { return t.version != 0 }

// Version returns the layout the tuple was read with: 1 or 2 for NSG flow
// logs, 4 for VNet flow logs; 0 for the zero Tuple.
func (t Tuple) Version() int { return int(t.version) }

// Time returns the tuple's timestamp in UTC, or the zero time.Time for the
// zero Tuple.
func (t Tuple) Time() time.Time {
	switch {
	case t.version == 0:
		return time.Time{}
	case t.flags&flagMillis != 0:
		return time.UnixMilli(t.epoch).UTC()
	}
	return time.Unix(t.epoch, 0).UTC()
}

// Epoch returns the timestamp as written: seconds or milliseconds since
// 1970-01-01 UTC, as EpochUnit says.
func (t Tuple) Epoch() int64 { return t.epoch }

// EpochUnit returns time.Second or time.Millisecond, the unit of Epoch; 0
// for the zero Tuple. Values of 10^11 and more are taken as milliseconds,
// smaller ones as seconds, whatever the version: NSG tuples write seconds,
// VNet tuples milliseconds, except in one of Microsoft's examples.
func (t Tuple) EpochUnit() time.Duration {
	switch {
	case t.version == 0:
		return 0
	case t.flags&flagMillis != 0:
		return time.Millisecond
	}
	return time.Second
}

// SrcAddr returns the source IP address.
func (t Tuple) SrcAddr() netip.Addr { return t.src }

// DstAddr returns the destination IP address.
func (t Tuple) DstAddr() netip.Addr { return t.dst }

// SrcPort returns the source port.
func (t Tuple) SrcPort() uint16 { return t.srcPort }

// DstPort returns the destination port.
func (t Tuple) DstPort() uint16 { return t.dstPort }

// Protocol returns the IP protocol: TCP or UDP for versions 1 and 2, the
// number written for version 4.
func (t Tuple) Protocol() Protocol { return t.proto }

// Direction returns Inbound or Outbound.
func (t Tuple) Direction() Direction { return t.dir }

// Decision returns Allow or Deny. For version 4, which has no decision
// field, it is Deny when the flow state is Denied and Allow otherwise.
func (t Tuple) Decision() Decision { return t.decision }

// State returns the flow state; the zero FlowState for version 1.
func (t Tuple) State() FlowState { return t.state }

// Encryption returns the encryption status of a version 4 tuple;
// EncryptionNone for versions 1 and 2.
func (t Tuple) Encryption() Encryption { return t.enc }

// EncryptionText returns the encryption status as written: the name of a
// known status, the kept text of an EncryptionOther one (which allocates),
// or "" when there is none.
func (t Tuple) EncryptionText() string {
	switch t.enc {
	case EncryptionNone:
		return ""
	case EncryptionOther:
		return string(t.encText[:t.encTextLen()])
	}
	return t.enc.String()
}

func (t *Tuple) encTextLen() int {
	n := 0
	for n < len(t.encText) && t.encText[n] != 0 {
		n++
	}
	return n
}

// Counters returns the packet and byte counters, and whether the tuple has
// them. Version 1 tuples never do. Version 2 tuples in the Begin state
// write four empty fields, which is not the same as four zeros: ok is
// false then, while End tuples with "0,0,0,0" give zeros and ok=true.
// Version 4 tuples write zeros for Begin and Denied.
func (t Tuple) Counters() (c Counters, ok bool) {
	return t.counters, t.flags&flagCounters != 0
}

// ParseTuple parses a flow tuple of any version, inferring the version from
// the fields: 8 fields are version 1; 13 fields are version 2 when the
// protocol is a letter and version 4 when it is a number. It does not
// allocate unless it fails.
func ParseTuple(s string) (Tuple, error) {
	// The parser only reads b, and keeps nothing of it.
	return ParseTupleBytes(unsafe.Slice(unsafe.StringData(s), len(s)), 0)
}

// MustParseTuple calls ParseTuple and panics if it fails. It is meant for
// tests and constants.
func MustParseTuple(s string) Tuple {
	t, err := ParseTuple(s)
	if err != nil {
		panic(err)
	}
	return t
}

// ParseTupleBytes parses a flow tuple written in the layout of version 1
// or 2 (NSG flow logs, as their records' "Version" says) or 4 (VNet flow
// logs, as "flowLogVersion" says). Version 0 infers it as ParseTuple does.
// It does not allocate unless it fails, and keeps nothing of b.
//
// It rejects a number of fields that does not fit the version, IP
// addresses that [netip.ParseAddr] would reject or that carry a zone,
// numbers that are empty, signed, not decimal or out of range (ports
// above 65535, protocol numbers above 255, times above 2^63-1), and
// letters that the version does not define. An unknown encryption status
// is kept (see EncryptionOther) if it is made of at most 29 ASCII letters,
// digits and underscores. The four counters must be all empty or all
// numbers. The error is a *ParseError.
func ParseTupleBytes(b []byte, version int) (Tuple, error) {
	return parseTuple(b, version, nil)
}

// parseTuple is ParseTupleBytes with a cache of addresses, which may be
// nil.
func parseTuple(b []byte, version int, c *addrCache) (Tuple, error) {
	var t Tuple
	err := t.parseInto(b, 0, version, c) // no comma mask
	return t, err
}

// parseInto is parseTuple writing into *t, which must be the zero Tuple;
// on error *t is the zero Tuple again. commas is the comma mask of b's
// first 64 bytes (see Record.commaMask), or 0 if unknown. The loops over a
// record's tuples call it on a Tuple of their own: returning the 128-byte
// Tuple by value, as parseTuple does, costs a copy per tuple that is a
// tenth of the time the tuple takes to parse.
func (t *Tuple) parseInto(b []byte, commas uint64, version int, c *addrCache) error {
	if t.parseFast(b, commas, version, c) {
		return nil
	}
	*t = Tuple{}
	if f := t.parse(b, version); f.kind != 0 {
		*t = Tuple{}
		return f.err(b)
	}
	return nil
}

// failKind says why a parse failed; failure carries it out of parse, and
// err turns it into a *ParseError.
type failKind uint8

const (
	_ failKind = iota
	failVersion
	failFewFields
	failManyFields
	failEmpty
	failNotNumber
	failNegative
	failRange
	failAddr
	failEnum
	failEncryption
	failMixed
)

type failure struct {
	kind    failKind
	field   int8
	version uint8  // the layout being read; 0 while v1 and v2 are both possible
	max     uint64 // the largest number allowed; for failVersion, the version asked for
}

func fail(kind failKind, field int, version uint8) failure {
	return failure{kind: kind, field: int8(field), version: version}
}

// parseFast reads the tuples Azure writes (numbers of ordinary length,
// valid addresses, valid letters, NX encryption, counters all empty or all
// numbers) in one pass and reports whether it could. For anything else it
// returns false, having filled part of t, and parse, which accepts the
// whole grammar and says what is wrong, reads the tuple again. The two
// must agree on every tuple that parseFast accepts; FuzzParseTuple checks
// that they do.
//
// It reads numbers and IPv4 addresses eight bytes at a time (see
// internal/swar), without a branch that depends on how many digits there are;
// and the one-letter fields of a layout as one word: "T,O,A,E," (version
// 2), "T,O,A" at the end (version 1), "O,E,NX," (version 4, after the
// protocol number). With a cache, IPv4 addresses seen before are looked
// up by their text instead of parsed. With the comma mask of b's first 64
// bytes (commas, 0 if unknown), the addresses and ports are read from
// where the mask puts them, each without waiting for the field before it;
// every comma the mask places is checked, so a wrong mask can make
// parseFast decline, never read a wrong value.
func (t *Tuple) parseFast(b []byte, commas uint64, version int, c *addrCache) bool {
	// Shorter than any tuple, and too short for swar.Load8.
	if version == 3 || uint(version) > 4 || len(b) < 8 {
		return false
	}
	// 0: time, usually 10 or 13 digits: two words. swar.go's number is
	// written out here for them, as swar.ShortNumber is for the ports below
	// (about 4% faster than calling them). 18 digits cannot exceed
	// MaxInt64.
	x := swar.Load8(b, 0)
	k := swar.DigitRun(x)
	n, q := swar.DigitsValue(x, k), k
	if k == 8 {
		x = swar.Load8(b, 8)
		k = swar.DigitRun(x)
		n, q = n*pow10[k]+swar.DigitsValue(x, k), 8+k
		if k == 8 {
			n, q = number(b, 0)
		}
	}
	if q == 0 || q > 18 || q >= len(b) || b[q] != ',' {
		return false
	}
	t.epoch = int64(n)
	if n >= millisFrom {
		t.flags = flagMillis
	}
	p := q + 1
	if m := commas; bits.OnesCount64(m) >= 5 && bits.TrailingZeros64(m) == q {
		// The commas after the addresses and the ports are known (the
		// record's scan found them): each field is read from where it
		// is, without waiting for the one before it to be read.
		m &= m - 1
		c1 := bits.TrailingZeros64(m)
		m &= m - 1
		c2 := bits.TrailingZeros64(m)
		m &= m - 1
		c3 := bits.TrailingZeros64(m)
		m &= m - 1
		c4 := bits.TrailingZeros64(m)
		if c4 >= len(b) { // the commas rise: all are in b
			return false
		}
		var ok bool
		if t.src, ok = fastAddrAt(b, p, c1, c); !ok {
			return false
		}
		if t.dst, ok = fastAddrAt(b, c1+1, c2, c); !ok {
			return false
		}
		// 3, 4: ports, whose commas are checked as fastAddrAt checks
		// the addresses' ones
		xs, xd := swar.Load8(b, c2+1), swar.Load8(b, c3+1)
		ks, kd := c3-c2-1, c4-c3-1
		sp, sok := smallNumber(xs, ks, 5, math.MaxUint16)
		dp, dok := smallNumber(xd, kd, 5, math.MaxUint16)
		if !sok || !dok || swar.DigitRun(xs) < ks || swar.DigitRun(xd) < kd {
			return false
		}
		t.srcPort, t.dstPort = uint16(sp), uint16(dp)
		p = c4 + 1
	} else {
		// 1, 2: addresses
		var ok bool
		if t.src, p, ok = fastAddr(b, p, c); !ok {
			return false
		}
		if t.dst, p, ok = fastAddr(b, p, c); !ok {
			return false
		}
		// 3, 4: ports
		for _, port := range [2]*uint16{&t.srcPort, &t.dstPort} {
			x = swar.Load8(b, p)
			k = swar.DigitRun(x)
			if n, ok = smallNumber(x, k, 5, math.MaxUint16); !ok {
				return false
			}
			*port = uint16(n)
			p += k + 1
		}
	}
	// 5 on: the protocol, a letter (versions 1 and 2) or a number (4)
	v := version
	if x := swar.Load8(b, p); protoLetter[byte(x)] != 0 && v != 4 {
		// "T,O,A" and, for version 2, ",E,": commas in bytes 1 and 3
		// (and 5 and 7), letters of the right sets in the others.
		proto, dir, dec := protoLetter[byte(x)], dirLetter[byte(x>>16)], decisionLetter[byte(x>>32)]
		if x&0xFF00FF00 != ','<<8|','<<24 || dir == 0 || dec == 0 {
			return false
		}
		t.proto, t.dir, t.decision = proto, Direction(dir), Decision(dec)
		if p+5 == len(b) {
			// 7: decision, the end of version 1
			if v == 2 {
				return false
			}
			t.version = 1
			return true
		}
		// 8: flow state
		state := stateLetter[byte(x>>48)]
		if v == 1 || x&0xFF00FF0000000000 != ','<<40|','<<56 || state == 0 || state == Denied {
			return false
		}
		t.state = state
		p += 8
		v = 2
	} else {
		if v != 4 && v != 0 {
			return false
		}
		x = swar.Load8(b, p)
		k = swar.DigitRun(x)
		var ok bool
		if n, ok = smallNumber(x, k, 3, math.MaxUint8); !ok {
			return false
		}
		t.proto = Protocol(n)
		p += k + 1
		// 6: direction; 7: flow state; 8: encryption, NX: "O,E,NX,"
		// has commas in bytes 1, 3 and 6 and "NX" in bytes 4 and 5.
		x := swar.Load8(b, p)
		dir, state := dirLetter[byte(x)], stateLetter[byte(x>>16)]
		const mask, want = 0x00FFFFFFFF00FF00, ','<<8 | ','<<24 | 'N'<<32 | 'X'<<40 | ','<<48
		if x&mask != want || dir == 0 || state == 0 {
			return false
		}
		t.dir, t.state, t.enc = Direction(dir), state, EncryptionNX
		t.decision = Allow
		if state == Denied {
			t.decision = Deny
		}
		p += 7
		v = 4
	}
	// 9 to 12: counters, all empty (three commas and the end) or all
	// numbers
	if len(b)-p == 3 && b[p] == ',' && b[p+1] == ',' && b[p+2] == ',' {
		t.version = uint8(v)
		return true
	}
	// "0,0,0,0", what VNet begin and denied tuples write: the last eight
	// bytes, the comma before the counters included, compared at once.
	if len(b)-p == 7 && swar.Load8(b, len(b)-8) == zeroCounters {
		t.flags |= flagCounters
		t.version = uint8(v)
		return true
	}
	var cs [4]uint64
	for i := range cs {
		n, q = number(b, p)
		if q == p || q-p > 19 {
			return false
		}
		cs[i] = n
		if i == 3 {
			if q != len(b) {
				return false
			}
			break
		}
		if q >= len(b) || b[q] != ',' {
			return false
		}
		p = q + 1
	}
	t.counters = Counters{cs[0], cs[1], cs[2], cs[3]}
	t.flags |= flagCounters
	t.version = uint8(v)
	return true
}

// zeroCounters is ",0,0,0,0" as swar.Load8 reads it.
const zeroCounters = ',' | '0'<<8 | ','<<16 | '0'<<24 | ','<<32 | '0'<<40 | ','<<48 | '0'<<56

// smallNumber reads a number in the low bytes of x (swar.Load8's word): k
// digits, one to maxK (the caller knows they are digits), at most max,
// and a comma after them.
func smallNumber(x uint64, k, maxK int, max uint64) (uint64, bool) {
	// A shift by 8k, k from 1 to 7, needs no care for shifts by 64.
	n := swar.DigitsValue1(x, k)
	return n, uint(k-1) < uint(maxK) && n <= max && byte(x>>(8*uint(k)&63)) == ','
}

// fastAddrAt reads the address b[s:e], which a comma must follow (e <
// len(b)): it reports false if b[e] is not a comma or b[s:e] not an
// address. It looks a dotted quad up in c, if not nil, and else reads it
// eight bytes at a time.
func fastAddrAt(b []byte, s, e int, c *addrCache) (netip.Addr, bool) {
	var slot *addrEntry
	var key addrEntry
	if c != nil && e-s >= 7 && e-s <= 15 && b[e] == ',' {
		slot, key = c.lookup(b, s, e)
		if slot.k0 == key.k0 && slot.k1 == key.k1 {
			return addrFrom4(slot.ip), true
		}
	}
	if ip, q, ok := swar.IPv4(b, s); ok && q == e && b[e] == ',' {
		if slot != nil {
			key.ip = ip
			*slot = key
		}
		return addrFrom4(ip), true
	}
	a, w, ok := netaddr.ParseAddrUntil(b[s:], ',')
	if !ok || s+w != e {
		return netip.Addr{}, false
	}
	return a, true
}

// fastAddr reads the address at p, which a comma must follow, and returns
// it with the position after the comma: fastAddrAt, once the comma is
// found.
func fastAddr(b []byte, p int, c *addrCache) (netip.Addr, int, bool) {
	e := commaAt(b, p)
	if e >= len(b) {
		return netip.Addr{}, 0, false
	}
	a, ok := fastAddrAt(b, p, e, c)
	return a, e + 1, ok
}

func addrFrom4(ip uint32) netip.Addr {
	return netip.AddrFrom4([4]byte{byte(ip >> 24), byte(ip >> 16), byte(ip >> 8), byte(ip)})
}

// Tables of the one-letter fields: the value of each letter a field
// admits, 0 for every other byte.
var (
	protoLetter    = [256]Protocol{'T': TCP, 'U': UDP}
	dirLetter      = [256]uint8{'I': uint8(Inbound), 'O': uint8(Outbound)}
	decisionLetter = [256]uint8{'A': uint8(Allow), 'D': uint8(Deny)}
	// stateLetter admits D (Denied), which only version 4 writes.
	stateLetter = [256]FlowState{'B': Begin, 'C': Continuing, 'E': End, 'D': Denied}
)

// parse reads the whole grammar into the zero Tuple t, in one pass and
// without allocating, and reports the first fault.
func (t *Tuple) parse(b []byte, version int) failure {
	var v uint8
	switch version {
	case 0, 1, 2, 4:
		v = uint8(version)
	default:
		return failure{kind: failVersion, field: -1, max: uint64(version)}
	}
	p := 0
	var n uint64
	var k failKind

	// 0: time
	if n, p, k = parseNum(b, p, math.MaxInt64); k != 0 {
		return failure{kind: k, field: 0, version: v, max: math.MaxInt64}
	}
	t.epoch = int64(n)
	if n >= millisFrom {
		t.flags = flagMillis
	}
	if p, k = next(b, p); k != 0 {
		return fail(k, 0, v)
	}
	// 1, 2: addresses
	if t.src, p, k = parseAddr(b, p); k != 0 {
		return fail(k, 1, v)
	}
	if p, k = next(b, p); k != 0 {
		return fail(k, 1, v)
	}
	if t.dst, p, k = parseAddr(b, p); k != 0 {
		return fail(k, 2, v)
	}
	if p, k = next(b, p); k != 0 {
		return fail(k, 2, v)
	}
	// 3, 4: ports
	if n, p, k = parseNum(b, p, math.MaxUint16); k != 0 {
		return failure{kind: k, field: 3, version: v, max: math.MaxUint16}
	}
	t.srcPort = uint16(n)
	if p, k = next(b, p); k != 0 {
		return fail(k, 3, v)
	}
	if n, p, k = parseNum(b, p, math.MaxUint16); k != 0 {
		return failure{kind: k, field: 4, version: v, max: math.MaxUint16}
	}
	t.dstPort = uint16(n)
	if p, k = next(b, p); k != 0 {
		return fail(k, 4, v)
	}
	// 5: protocol, a letter for NSG tuples, a number for VNet tuples
	if v == 0 {
		switch c := letter(b, p); {
		case c == 'T' || c == 'U':
			// 1 or 2, known after the decision
		case p < len(b) && b[p]-'0' <= 9:
			v = 4
		default:
			return fail(failEnum, 5, v)
		}
	}
	if v == 4 {
		if n, p, k = parseNum(b, p, math.MaxUint8); k != 0 {
			return failure{kind: k, field: 5, version: v, max: math.MaxUint8}
		}
		t.proto = Protocol(n)
	} else {
		switch letter(b, p) {
		case 'T':
			t.proto = TCP
		case 'U':
			t.proto = UDP
		default:
			return fail(failEnum, 5, v)
		}
		p++
	}
	if p, k = next(b, p); k != 0 {
		return fail(k, 5, v)
	}
	// 6: direction
	switch letter(b, p) {
	case 'I':
		t.dir = Inbound
	case 'O':
		t.dir = Outbound
	default:
		return fail(failEnum, 6, v)
	}
	p++
	if p, k = next(b, p); k != 0 {
		return fail(k, 6, v)
	}

	if v != 4 {
		// 7: decision, the last field of version 1
		switch letter(b, p) {
		case 'A':
			t.decision = Allow
		case 'D':
			t.decision = Deny
		default:
			return fail(failEnum, 7, v)
		}
		p++
		if p == len(b) {
			if v == 2 {
				return fail(failFewFields, 7, v)
			}
			t.version = 1
			return failure{}
		}
		if v == 1 {
			return fail(failManyFields, 7, v)
		}
		v = 2
		p++
		// 8: flow state
		switch letter(b, p) {
		case 'B':
			t.state = Begin
		case 'C':
			t.state = Continuing
		case 'E':
			t.state = End
		default:
			return fail(failEnum, 8, v)
		}
		p++
		if p, k = next(b, p); k != 0 {
			return fail(k, 8, v)
		}
	} else {
		// 7: flow state
		switch letter(b, p) {
		case 'B':
			t.state = Begin
		case 'C':
			t.state = Continuing
		case 'E':
			t.state = End
		case 'D':
			t.state = Denied
		default:
			return fail(failEnum, 7, v)
		}
		t.decision = Allow
		if t.state == Denied {
			t.decision = Deny
		}
		p++
		if p, k = next(b, p); k != 0 {
			return fail(k, 7, v)
		}
		// 8: encryption
		if p, k = t.parseEncryption(b, p); k != 0 {
			return fail(k, 8, v)
		}
		if p, k = next(b, p); k != 0 {
			return fail(k, 8, v)
		}
	}

	// 9 to 12: counters, all empty or all numbers
	if p < len(b) && b[p] == ',' {
		for i := 10; i <= 12; i++ {
			p++
			if p < len(b) && b[p] != ',' {
				return fail(failMixed, i, v)
			}
			if p == len(b) && i < 12 {
				return fail(failFewFields, i, v)
			}
		}
	} else if p == len(b) {
		// A fully empty last group: "…,B,,,," ends with its fourth field.
		return fail(failFewFields, 9, v)
	} else {
		var c [4]uint64
		for i := range c {
			if i > 0 {
				if p, k = next(b, p); k != 0 {
					return fail(k, 8+i, v)
				}
			}
			if c[i], p, k = parseNum(b, p, math.MaxUint64); k != 0 {
				if k == failEmpty {
					k = failMixed
				}
				return failure{kind: k, field: int8(9 + i), version: v, max: math.MaxUint64}
			}
		}
		t.counters = Counters{c[0], c[1], c[2], c[3]}
		t.flags |= flagCounters
	}
	if p != len(b) {
		return fail(failManyFields, 12, v)
	}
	t.version = v
	return failure{}
}

// next steps over the comma that ends a field at p. The field parsers stop
// at a comma or at the end of b, so the end is the only thing to check.
func next(b []byte, p int) (int, failKind) {
	if p >= len(b) {
		return p, failFewFields
	}
	return p + 1, 0
}

// letter returns the one-letter field at p, or 0 if the field is not one
// byte long.
func letter(b []byte, p int) byte {
	if p >= len(b) || (p+1 < len(b) && b[p+1] != ',') {
		return 0
	}
	return b[p]
}

// digits reads the decimal digits at p and returns their value, which
// wraps around past 19 digits, and the position after them.
func digits(b []byte, p int) (n uint64, q int) {
	for ; p < len(b); p++ {
		d := b[p] - '0'
		if d > 9 {
			break
		}
		n = n*10 + uint64(d)
	}
	return n, p
}

// parseNum reads a decimal number of at most max at p and returns the
// position after its last digit, which holds a comma or is the end.
func parseNum(b []byte, p int, max uint64) (n uint64, q int, k failKind) {
	n, q = digits(b, p)
	switch {
	case q < len(b) && b[q] != ',':
		if q == p && b[q] == '-' {
			return 0, q, failNegative
		}
		return 0, q, failNotNumber
	case q == p:
		return 0, q, failEmpty
	case q-p > 19 && !fitsUint64(b[p:q]):
		// Twenty digits or more may have wrapped n around.
		return 0, q, failRange
	case n > max:
		return 0, q, failRange
	}
	return n, q, 0
}

// fitsUint64 reports whether the decimal digits d stand for a number of at
// most 2^64-1.
func fitsUint64(d []byte) bool {
	for len(d) > 1 && d[0] == '0' {
		d = d[1:]
	}
	const maxUint64 = "18446744073709551615"
	return len(d) < len(maxUint64) || len(d) == len(maxUint64) && string(d) <= maxUint64
}

func parseAddr(b []byte, p int) (netip.Addr, int, failKind) {
	a, n, ok := netaddr.ParseAddrUntil(b[p:], ',')
	switch {
	case n == 0:
		return netip.Addr{}, p, failEmpty
	case !ok:
		return netip.Addr{}, p + n, failAddr
	}
	return a, p + n, 0
}

func (t *Tuple) parseEncryption(b []byte, p int) (int, failKind) {
	q := p
	for q < len(b) && b[q] != ',' {
		q++
	}
	f := b[p:q]
	switch string(f) {
	case "X":
		t.enc = EncryptionX
	case "NX":
		t.enc = EncryptionNX
	case "NX_HW_NOT_SUPPORTED":
		t.enc = EncryptionNXHWNotSupported
	case "NX_SW_NOT_READY":
		t.enc = EncryptionNXSWNotReady
	case "NX_NOT_ACCEPTED":
		t.enc = EncryptionNXNotAccepted
	case "NX_NOT_SUPPORTED":
		t.enc = EncryptionNXNotSupported
	case "NX_LOCAL_DST":
		t.enc = EncryptionNXLocalDst
	case "NX_FALLBACK":
		t.enc = EncryptionNXFallback
	default:
		if len(f) == 0 {
			return q, failEmpty
		}
		if len(f) > maxEncryptionText {
			return q, failEncryption
		}
		for _, c := range f {
			if !isNameByte(c) {
				return q, failEncryption
			}
		}
		t.enc = EncryptionOther
		copy(t.encText[:], f)
	}
	return q, 0
}

func isNameByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_'
}

// AppendTo appends the tuple in its version's layout to b and returns the
// extended buffer. For a tuple parsed from text whose numbers have no
// leading zeros and whose IPv6 addresses are in canonical form (RFC 5952,
// as Azure writes them), the bytes are those that were parsed. The zero
// Tuple appends nothing. AppendTo allocates only to grow b.
func (t Tuple) AppendTo(b []byte) []byte {
	if t.version == 0 {
		return b
	}
	b = strconv.AppendInt(b, t.epoch, 10)
	b = append(b, ',')
	b = t.src.AppendTo(b)
	b = append(b, ',')
	b = t.dst.AppendTo(b)
	b = append(b, ',')
	b = strconv.AppendUint(b, uint64(t.srcPort), 10)
	b = append(b, ',')
	b = strconv.AppendUint(b, uint64(t.dstPort), 10)
	b = append(b, ',')
	if t.version == 4 {
		b = strconv.AppendUint(b, uint64(t.proto), 10)
	} else if t.proto == TCP {
		b = append(b, 'T')
	} else {
		b = append(b, 'U')
	}
	b = append(b, ',', "?IO"[t.dir])
	if t.version != 4 {
		b = append(b, ',', "?AD"[t.decision])
		if t.version == 1 {
			return b
		}
	}
	b = append(b, ',', "?BCED"[t.state])
	if t.version == 4 {
		b = append(b, ',')
		if t.enc == EncryptionOther {
			b = append(b, t.encText[:t.encTextLen()]...)
		} else {
			b = append(b, encryptionNames[t.enc]...)
		}
	}
	if t.flags&flagCounters == 0 {
		return append(b, ",,,,"...)
	}
	b = append(b, ',')
	b = strconv.AppendUint(b, t.counters.SrcToDstPackets, 10)
	b = append(b, ',')
	b = strconv.AppendUint(b, t.counters.SrcToDstBytes, 10)
	b = append(b, ',')
	b = strconv.AppendUint(b, t.counters.DstToSrcPackets, 10)
	b = append(b, ',')
	return strconv.AppendUint(b, t.counters.DstToSrcBytes, 10)
}

// String returns the tuple in its version's layout, as AppendTo writes it,
// or "invalid Tuple" for the zero Tuple.
func (t Tuple) String() string {
	if t.version == 0 {
		return "invalid Tuple"
	}
	var buf [128]byte
	return string(t.AppendTo(buf[:0]))
}

// MarshalText implements [encoding.TextMarshaler]: the text is what
// AppendTo writes, empty for the zero Tuple.
func (t Tuple) MarshalText() ([]byte, error) {
	return t.AppendTo(nil), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It parses text as
// ParseTuple does, inferring the version; an empty text gives the zero
// Tuple. On error *t is left unchanged.
func (t *Tuple) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*t = Tuple{}
		return nil
	}
	u, err := ParseTupleBytes(text, 0)
	if err != nil {
		return err
	}
	*t = u
	return nil
}

// ParseError describes a flow tuple that could not be parsed.
type ParseError struct {
	// Tuple is the text that was parsed.
	Tuple string
	// Field is the 0-based index of the field at fault, or -1 when the
	// fault is not in one field (an unsupported version was asked for).
	// A wrong number of fields is reported at the last field read.
	Field int
	// Msg says what is wrong, in lower case, naming the field.
	Msg string
	// Err is azlogs.ErrInvalid (malformed or missing values, a wrong number
	// of fields) or azlogs.ErrRange (numbers too large, negative numbers,
	// unknown letters, an unsupported version), for errors.Is.
	Err error
}

// Error returns "nsgflow: tuple" followed by the quoted tuple (cut short if
// long) and the message.
func (e *ParseError) Error() string {
	return "nsgflow: tuple " + quote(e.Tuple, 200) + ": " + e.Msg
}

// Unwrap returns Err.
func (e *ParseError) Unwrap() error { return e.Err }

func quote(s string, max int) string {
	if len(s) > max {
		return strconv.Quote(s[:max]) + "…"
	}
	return strconv.Quote(s)
}

var (
	nsgFieldNames = [13]string{"time", "source IP", "destination IP", "source port", "destination port", "protocol",
		"direction", "decision", "flow state", "packets source to destination", "bytes source to destination",
		"packets destination to source", "bytes destination to source"}
	vnetFieldNames = [13]string{"time", "source IP", "destination IP", "source port", "destination port", "protocol",
		"direction", "flow state", "encryption", "packets source to destination", "bytes source to destination",
		"packets destination to source", "bytes destination to source"}
)

// err builds the *ParseError; it is the slow path and may allocate.
func (f failure) err(b []byte) error {
	e := &ParseError{Tuple: string(b), Field: int(f.field), Err: azlogs.ErrInvalid}
	if f.kind == failVersion {
		e.Msg = "unsupported version " + strconv.FormatInt(int64(f.max), 10) + " (want 1, 2 or 4, or 0 to infer it)"
		e.Err = azlogs.ErrRange
		return e
	}
	fields := strings.Split(e.Tuple, ",")
	name := nsgFieldNames[f.field]
	if f.version == 4 {
		name = vnetFieldNames[f.field]
	}
	value := ""
	if int(f.field) < len(fields) {
		value = quote(fields[f.field], 40)
	}
	switch f.kind {
	case failFewFields, failManyFields:
		want := "8 (version 1) or 13 (versions 2 and 4)"
		switch f.version {
		case 1:
			want = "8 for version 1"
		case 2, 4:
			want = "13 for version " + strconv.Itoa(int(f.version))
		}
		e.Msg = "wrong number of fields: " + strconv.Itoa(len(fields)) + ", want " + want
	case failEmpty:
		e.Msg = name + " is empty"
	case failNotNumber:
		e.Msg = name + " " + value + " is not a decimal number"
	case failNegative:
		e.Msg = name + " " + value + " is negative"
		e.Err = azlogs.ErrRange
	case failRange:
		e.Msg = name + " " + value + " is greater than " + strconv.FormatUint(f.max, 10)
		e.Err = azlogs.ErrRange
	case failAddr:
		e.Msg = name + " " + value + " is not an IP address without zone"
	case failEnum:
		want := ""
		switch {
		case f.field == 5 && f.version == 0:
			want = "T, U or a protocol number"
		case f.field == 5:
			want = "T or U"
		case f.field == 6:
			want = "I or O"
		case f.field == 7 && f.version != 4:
			want = "A or D"
		case f.field == 7:
			want = "B, C, E or D"
		case f.field == 8:
			want = "B, C or E"
		}
		e.Msg = name + " " + value + " is not " + want
		e.Err = azlogs.ErrRange
	case failEncryption:
		e.Msg = name + " " + value + " is not a status name (at most " + strconv.Itoa(maxEncryptionText) +
			" ASCII letters, digits and underscores)"
	case failMixed:
		e.Msg = name + " " + value + ": the four counters must be all empty or all numbers"
	}
	return e
}
