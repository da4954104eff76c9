package azlogs

import "encoding/binary"

// ID is an identifier that Azure usually writes as a GUID (correlation,
// operation and event IDs) but sometimes as other text (a resource path, a
// hash). A GUID is held as a 16-byte value, so decoding one allocates
// nothing; other text is held as a string. The zero ID is empty.
//
// An ID remembers the letter case of a GUID, so that String returns the
// text that was read.
type ID struct {
	uuid UUID
	text string
	kind uint8 // idEmpty, idLower, idUpper, idText
}

const (
	idEmpty uint8 = iota
	idLower
	idUpper
	idText
)

// ParseIDBytes reads a GUID in the canonical 8-4-4-4-12 form, all lower
// case or all upper case, without allocating. It reports false for
// anything else; use TextID for that.
func ParseIDBytes(b []byte) (ID, bool) {
	if len(b) != 36 {
		return ID{}, false
	}
	u, ok := ParseUUIDBytes(b)
	if !ok {
		return ID{}, false
	}
	// Every byte is now a hex digit or '-'. Of those, only letters have
	// bit 0x40 set, and a letter is lower case when bit 0x20 is set too:
	// x<<1 moves each byte's bit 0x20 to 0x40, within the byte.
	const letters = 0x4040404040404040
	var lower, upper uint64
	for i := 0; i < 32; i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		lower |= x & (x << 1) & letters
		upper |= x &^ (x << 1) & letters
	}
	x := uint64(binary.LittleEndian.Uint32(b[32:]))
	lower |= x & (x << 1) & letters
	upper |= x &^ (x << 1) & letters
	switch {
	case lower != 0 && upper != 0:
		return ID{}, false
	case upper != 0:
		return ID{uuid: u, kind: idUpper}, true
	}
	return ID{uuid: u, kind: idLower}, true
}

// TextID returns the ID whose text is s: a GUID value if s is a canonical
// GUID, else s itself.
func TextID(s string) ID {
	if s == "" {
		return ID{}
	}
	if id, ok := ParseIDBytes([]byte(s)); ok {
		return id
	}
	return ID{text: s, kind: idText}
}

// FromUUID returns the ID of u, written in lower case.
func FromUUID(u UUID) ID { return ID{uuid: u, kind: idLower} }

// IsZero reports whether id is empty.
func (id ID) IsZero() bool { return id.kind == idEmpty }

// UUID returns the GUID the ID holds, and whether it holds one.
func (id ID) UUID() (UUID, bool) {
	if id.kind == idLower || id.kind == idUpper {
		return id.uuid, true
	}
	return UUID{}, false
}

// String returns the ID's text as it was read. For a GUID it allocates.
func (id ID) String() string {
	switch id.kind {
	case idEmpty:
		return ""
	case idText:
		return id.text
	}
	return string(id.AppendTo(make([]byte, 0, 36)))
}

// AppendTo appends the ID's text to b.
func (id ID) AppendTo(b []byte) []byte {
	switch id.kind {
	case idEmpty:
		return b
	case idText:
		return append(b, id.text...)
	}
	n := len(b)
	b = id.uuid.AppendTo(b)
	if id.kind == idUpper {
		for i := n; i < len(b); i++ {
			if c := b[i]; c >= 'a' && c <= 'f' {
				b[i] = c - ('a' - 'A')
			}
		}
	}
	return b
}

// MarshalText returns the ID's text.
func (id ID) MarshalText() ([]byte, error) { return id.AppendTo(nil), nil }

// UnmarshalText sets the ID to text.
func (id *ID) UnmarshalText(text []byte) error {
	*id = TextID(string(text))
	return nil
}
