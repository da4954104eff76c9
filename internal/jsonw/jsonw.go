// Package jsonw appends JSON text to byte slices without allocating, for
// the records' AppendJSON methods.
package jsonw

import (
	"bytes"
	"strconv"
	"time"

	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/internal/aztime"
)

const hex = "0123456789abcdef"

// String appends s as a JSON string. Bytes that are not valid UTF-8 are
// written as they are, so that what was read is written back unchanged.
func String(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		dst = append(dst, s[start:i]...)
		switch c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		default:
			dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		}
		start = i + 1
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// Key appends a member name and its colon, after a comma unless the object
// has just been opened.
func Key(dst []byte, name string) []byte {
	if n := len(dst); n > 0 && dst[n-1] != '{' {
		dst = append(dst, ',')
	}
	dst = String(dst, name)
	return append(dst, ':')
}

// StringMember appends "name":"s".
func StringMember(dst []byte, name, s string) []byte {
	return String(Key(dst, name), s)
}

// Int appends n.
func Int(dst []byte, n int64) []byte { return strconv.AppendInt(dst, n, 10) }

// Time appends t as an ISO 8601 string in UTC with up to 9 fractional
// digits.
func Time(dst []byte, t time.Time) []byte {
	dst = append(dst, '"')
	dst = aztime.AppendISO(dst, t)
	return append(dst, '"')
}

// Raw appends a raw JSON value, or null when it is empty. A value that
// spans lines (kept from pretty-printed input) loses the white space
// between its tokens, so that a record always writes as one line, as JSON
// lines need.
func Raw(dst []byte, v []byte) []byte {
	if len(v) == 0 {
		return append(dst, "null"...)
	}
	if bytes.IndexByte(v, '\n') < 0 && bytes.IndexByte(v, '\r') < 0 {
		return append(dst, v...)
	}
	in := false
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case in && c == '\\' && i+1 < len(v):
			dst = append(dst, c, v[i+1])
			i++
			continue
		case c == '"':
			in = !in
		case !in && (c == ' ' || c == '\t' || c == '\n' || c == '\r'):
			continue
		}
		dst = append(dst, c)
	}
	return dst
}

// ID appends id's text as a JSON string.
func ID(dst []byte, id azlogs.ID) []byte {
	dst = append(dst, '"')
	n := len(dst)
	dst = id.AppendTo(dst)
	if needsEscape(dst[n:]) {
		// A text ID may hold characters JSON escapes.
		s := string(dst[n:])
		return String(dst[:n-1], s)
	}
	return append(dst, '"')
}

func needsEscape(b []byte) bool {
	for _, c := range b {
		if c < 0x20 || c == '"' || c == '\\' {
			return true
		}
	}
	return false
}

// Members appends kept members, each as "name":value, after a comma unless
// the object has just been opened.
func Members(dst []byte, ms []azlogs.Member) []byte {
	for i := range ms {
		dst = Raw(Key(dst, ms[i].Name), ms[i].Value)
	}
	return dst
}
