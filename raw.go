package azlogs

import (
	"bytes"
	"encoding/json"
	"errors"

	jsoniter "github.com/json-iterator/go"
)

// RawJSON is one JSON value exactly as it appeared in the input, escapes and
// all. Records use it for members that are unique per record (request
// bodies, free text) or whose shape Azure does not fix, so that decoding
// them costs nothing until asked.
//
// A RawJSON taken from a record is borrowed: it is valid until the decoder's
// next call to Next or Reset. Keep a copy with Clone, or keep the whole
// record with its Clone method.
type RawJSON []byte

// Clone returns a copy of v that the decoder does not own.
func (v RawJSON) Clone() RawJSON {
	if v == nil {
		return nil
	}
	return append(RawJSON(nil), v...)
}

// IsNull reports whether v is the JSON null (or empty).
func (v RawJSON) IsNull() bool { return len(v) == 0 || string(v) == "null" }

// IsString reports whether v is a JSON string.
func (v RawJSON) IsString() bool { return len(v) > 0 && v[0] == '"' }

// IsObject reports whether v is a JSON object.
func (v RawJSON) IsObject() bool { return len(v) > 0 && v[0] == '{' }

// Text returns the value as text: the decoded contents of a JSON string,
// or the JSON text of any other value ("" for null). It allocates.
func (v RawJSON) Text() string {
	if v.IsNull() {
		return ""
	}
	if !v.IsString() {
		return string(v)
	}
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return string(v)
	}
	return s
}

// Decode turns v into Go values the way encoding/json does for an any:
// map[string]any, []any, string, float64, bool or nil.
func (v RawJSON) Decode() (any, error) {
	var x any
	if err := jsoniter.ConfigCompatibleWithStandardLibrary.Unmarshal(v, &x); err != nil {
		return nil, errors.New("azlogs: " + err.Error())
	}
	return x, nil
}

// Unmarshal decodes v into x with encoding/json's rules.
func (v RawJSON) Unmarshal(x any) error {
	return jsoniter.ConfigCompatibleWithStandardLibrary.Unmarshal(v, x)
}

// Embedded returns the JSON document that a JSON string value carries, as
// Azure writes request bodies, status messages and policy lists: for
// "{\"a\":1}" it returns {"a":1}. ok is false when v is not a string or its
// contents are not valid JSON (plain text). It allocates.
func (v RawJSON) Embedded() (doc RawJSON, ok bool) {
	if !v.IsString() {
		return nil, false
	}
	var s string
	if json.Unmarshal(v, &s) != nil {
		return nil, false
	}
	b := bytes.TrimSpace([]byte(s))
	if len(b) == 0 || !json.Valid(b) {
		return nil, false
	}
	return RawJSON(b), true
}

// MarshalJSON returns v itself ("null" when empty), so that encoding/json
// writes a RawJSON as the value it holds.
func (v RawJSON) MarshalJSON() ([]byte, error) {
	if len(v) == 0 {
		return []byte("null"), nil
	}
	return v, nil
}

// Member is one member of a JSON object kept as it was: members that a
// record has no field for, in the order they appeared.
type Member struct {
	// Name is the member's decoded name.
	Name string
	// Value is the member's raw value, borrowed like every RawJSON.
	Value RawJSON
}

// CloneMembers returns a deep copy of ms.
func CloneMembers(ms []Member) []Member {
	if ms == nil {
		return nil
	}
	out := make([]Member, len(ms))
	for i, m := range ms {
		out[i] = Member{Name: m.Name, Value: m.Value.Clone()}
	}
	return out
}

// OptInt is an integer that a record may leave unknown. Azure writes
// numbers as numbers, as strings ("42"), or as placeholders ("", "-",
// "N/A"); a placeholder or an absent member decodes to the invalid OptInt,
// never to a silent zero.
type OptInt struct {
	Value int64
	Valid bool
}

// Int returns the value and whether it is known.
func (o OptInt) Int() (int64, bool) { return o.Value, o.Valid }

// NewOptInt returns a known integer.
func NewOptInt(v int64) OptInt { return OptInt{Value: v, Valid: true} }

// OptBool is a boolean that a record may leave unknown. Azure writes
// booleans as true/false or as strings ("True", "false").
type OptBool struct {
	Value bool
	Valid bool
}
