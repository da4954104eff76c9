package azlogs

import (
	"cmp"
	"encoding/binary"
	"slices"
	"strconv"
	"strings"
)

// UUID is a 128-bit identifier, the type of the tenant, subscription,
// object, application, correlation and operation IDs that Azure records
// carry. It is a small comparable value: use it with == and as a map key.
//
// The bytes are in the order the text shows them (RFC 9562), not in the
// mixed-endian order of .NET's Guid.ToByteArray. The zero UUID is the nil
// UUID, 00000000-0000-0000-0000-000000000000.
type UUID [16]byte

// uuidLen is the length of the canonical form,
// xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.
const uuidLen = 36

// maxQuoted is how many bytes of bad input a parse error quotes.
const maxQuoted = 64

// uuidHexAt[i] is where the two hex digits of byte i of a UUID start in the
// canonical form.
var uuidHexAt = [16]uint8{0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34}

// unhex maps an ASCII hex digit to its value and every other byte to 0xff.
var unhex = func() (t [256]byte) {
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

const lowerHex = "0123456789abcdef"

// ParseUUID parses a UUID in one of the forms Azure writes:
//
//	0f8fad5b-d9cb-469f-a165-70867728950e  canonical, 8-4-4-4-12
//	0f8fad5bd9cb469fa16570867728950e      32 hex digits, as in roleAssignmentId
//	{0f8fad5b-d9cb-469f-a165-70867728950e} either of them in braces
//
// Hex digits may be in either letter case. Anything else, including
// surrounding spaces and a urn:uuid: prefix, is an error that wraps
// ErrInvalid. ParseUUID does not allocate unless it fails.
func ParseUUID(s string) (UUID, error) {
	u, ok := parseUUID(s)
	if !ok {
		return UUID{}, &uuidError{in: strings.Clone(s[:min(len(s), maxQuoted)]), truncated: len(s) > maxQuoted}
	}
	return u, nil
}

// ParseUUIDBytes is ParseUUID for bytes, reporting false instead of an
// error. It does not allocate.
func ParseUUIDBytes(b []byte) (UUID, bool) {
	return parseUUID(b)
}

// MustParseUUID is ParseUUID that panics on error. It is meant for
// constants in programs and tests.
func MustParseUUID(s string) UUID {
	u, err := ParseUUID(s)
	if err != nil {
		panic(err)
	}
	return u
}

func parseUUID[T string | []byte](s T) (u UUID, ok bool) {
	if n := len(s); (n == uuidLen+2 || n == 2*len(u)+2) && s[0] == '{' && s[n-1] == '}' {
		s = s[1 : n-1]
	}
	var bad byte // any invalid digit sets the high bits
	switch len(s) {
	case uuidLen:
		if s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
			return UUID{}, false
		}
		for i, at := range uuidHexAt {
			hi, lo := unhex[s[at]], unhex[s[at+1]]
			bad |= hi | lo
			u[i] = hi<<4 | lo
		}
	case 2 * len(u):
		for i := range u {
			hi, lo := unhex[s[2*i]], unhex[s[2*i+1]]
			bad |= hi | lo
			u[i] = hi<<4 | lo
		}
	default:
		return UUID{}, false
	}
	if bad > 0x0f {
		return UUID{}, false
	}
	return u, true
}

// uuidError is the error of ParseUUID and UnmarshalText. It keeps at most
// maxQuoted bytes of the input.
type uuidError struct {
	in        string
	truncated bool
}

func (e *uuidError) Error() string {
	s := "azlogs: invalid UUID " + strconv.Quote(e.in)
	if e.truncated {
		s += "..."
	}
	return s
}

func (e *uuidError) Unwrap() error { return ErrInvalid }

// String returns u in the canonical form, in lower case:
// 0f8fad5b-d9cb-469f-a165-70867728950e.
func (u UUID) String() string {
	var b [uuidLen]byte
	return string(u.AppendTo(b[:0]))
}

// AppendTo appends the canonical form of u, as String returns it, to b and
// returns the extended buffer. It does not allocate when b has room for 36
// more bytes.
func (u UUID) AppendTo(b []byte) []byte {
	n := len(b)
	b = slices.Grow(b, uuidLen)[:n+uuidLen]
	d := b[n:]
	d[8], d[13], d[18], d[23] = '-', '-', '-', '-'
	for i, at := range uuidHexAt {
		d[at] = lowerHex[u[i]>>4]
		d[at+1] = lowerHex[u[i]&0x0f]
	}
	return b
}

// AppendText implements encoding.TextAppender: it appends the canonical
// form of u to b. The error is always nil.
func (u UUID) AppendText(b []byte) ([]byte, error) {
	return u.AppendTo(b), nil
}

// MarshalText implements encoding.TextMarshaler: it returns the canonical
// form of u. The error is always nil.
func (u UUID) MarshalText() ([]byte, error) {
	return u.AppendTo(make([]byte, 0, uuidLen)), nil
}

// UnmarshalText implements encoding.TextUnmarshaler. It accepts the forms
// ParseUUID accepts; on error it sets u to the nil UUID, so that a value
// reused across records never keeps an old ID. It does not allocate unless
// it fails.
func (u *UUID) UnmarshalText(text []byte) error {
	v, ok := parseUUID(text)
	*u = v
	if !ok {
		return &uuidError{in: string(text[:min(len(text), maxQuoted)]), truncated: len(text) > maxQuoted}
	}
	return nil
}

// IsZero reports whether u is the nil UUID, the zero value.
func (u UUID) IsZero() bool {
	return u == UUID{}
}

// Compare returns -1, 0 or +1 as u sorts before, equal to or after v. The
// order is that of the bytes, which is also the order of the canonical
// strings.
func (u UUID) Compare(v UUID) int {
	if c := cmp.Compare(binary.BigEndian.Uint64(u[:8]), binary.BigEndian.Uint64(v[:8])); c != 0 {
		return c
	}
	return cmp.Compare(binary.BigEndian.Uint64(u[8:]), binary.BigEndian.Uint64(v[8:]))
}
