package jsontok

import (
	"bytes"
	"io"
	"strconv"
	"strings"

	"github.com/azlogs/azlogs"
)

// Driver runs the record loop that every family decoder shares: it
// delimits records with a Stream, parses each from memory with the
// family's parse function, and reports or stops at bad records as the
// options say.
type Driver struct {
	Stream Stream
	// P is the reader a parse function reads the current record with.
	P   Reader
	Cfg azlogs.Config
	// Cur is the current record's bytes and position.
	Cur    Record
	err    error
	recErr azlogs.RecordError
}

// Reset starts a new stream with the same configuration.
func (d *Driver) Reset(src io.Reader) {
	d.Stream.Reset(src, d.Cfg.MaxRecordSize, d.Cfg.MaxDepth)
	d.P.MaxDepth = d.Cfg.MaxDepth
	d.P.Tolerant = !d.Cfg.Strict
	d.P.StrictUTF8 = d.Cfg.Strict
	d.err = nil
	d.Cur = Record{}
}

// Err returns the error that stopped the loop, or nil.
func (d *Driver) Err() error { return d.err }

// Next moves to the next record that parse accepts. parse reads one record
// with d.P and returns false on error (leaving the error in d.P). Bad
// records go to the error handler, or stop the loop when there is none.
func (d *Driver) Next(parse func(p *Reader) bool) bool {
	if d.err != nil {
		return false
	}
	for {
		if !d.Stream.Next(&d.Cur) {
			if e := d.Stream.Err(); e != nil {
				d.report(e, nil, d.Stream.Index(), e.Offset)
			}
			return false
		}
		if d.Cur.Err != nil {
			if !d.report(d.Cur.Err, d.Cur.Raw, d.Cur.Index, d.Cur.Start) {
				return false
			}
			continue
		}
		if d.parse(parse) {
			return true
		}
		if !d.report(d.P.err, d.Cur.Raw, d.Cur.Index, d.Cur.Start) {
			return false
		}
	}
}

func (d *Driver) parse(parse func(p *Reader) bool) bool {
	d.P.ResetBytes(d.Cur.Raw, d.Cur.Start)
	d.P.Tolerant = !d.Cfg.Strict
	ok := parse(&d.P)
	if !ok && d.P.err != nil && d.P.err.Err == azlogs.ErrTruncated && d.Stream.st == stTop && !d.Stream.multi {
		// The line ended inside the record: either the records are
		// pretty-printed, or this line is torn. Try delimiting the record
		// by its brackets; if that does not give a good record either,
		// the line alone is the bad record.
		line, lineErr, lineEnd := d.Cur, *d.P.err, d.Stream.Offset()
		d.Stream.Multiline(&d.Cur)
		if d.Cur.Err == nil {
			d.P.ResetBytes(d.Cur.Raw, d.Cur.Start)
			if ok = parse(&d.P); ok {
				d.Stream.multi = true
			}
		}
		if !ok && d.Cur.Err == nil && d.P.err != nil && !d.tornLine(lineEnd, d.P.err.Offset) {
			// A record spanning lines, bad in itself: report it whole.
			return false
		}
		if !ok {
			d.Stream.multi = false
			d.Stream.st = stTop
			d.Stream.Unread(lineEnd)
			d.Cur = line
			d.Cur.Raw = d.Stream.r.Bytes(line.Start, lineEnd) // the buffer may have moved
			d.P.ResetBytes(d.Cur.Raw, d.Cur.Start)
			d.P.err = &lineErr
			return false
		}
	}
	if !ok {
		return false
	}
	if rest := d.P.Rest(); len(rest) > 0 {
		t := bytes.TrimLeft(rest, " \t\r\n")
		if len(t) > 0 {
			off := d.Cur.Start + int64(len(d.Cur.Raw)-len(t))
			if d.Stream.st == stTop && t[0] == '{' {
				// Another object on the same line.
				d.Stream.Unread(off)
				d.Cur.Raw = d.Cur.Raw[:len(d.Cur.Raw)-len(t)]
				return true
			}
			d.P.Fail(off, "unexpected data after the record", azlogs.ErrSyntax)
			return false
		}
	}
	return true
}

// tornLine reports whether a record delimited by brackets failed at the
// first token after the end of its first line and that token opens an
// object: the first line was a torn record and a new one starts there.
func (d *Driver) tornLine(lineEnd, errOff int64) bool {
	raw := d.Cur.Raw
	i := int(lineEnd - d.Cur.Start)
	for i < len(raw) && isSpace(raw[i]) {
		i++
	}
	return i >= len(raw) || (d.Cur.Start+int64(i) == errOff && raw[i] == '{')
}

// report turns a low-level error into the public error types and either
// hands it to the handler (returning true to go on) or stops the loop.
func (d *Driver) report(e *Error, raw []byte, index int, start int64) bool {
	if e == nil {
		e = &Error{Offset: start, Msg: "invalid record", Err: azlogs.ErrSyntax}
	}
	se := &azlogs.SyntaxError{
		Position: d.Stream.Position(e.Offset),
		Record:   index,
		Msg:      e.Msg,
		Err:      e.Err,
	}
	if raw != nil && e.Offset >= start {
		se.Pointer = PointerAt(raw, int(e.Offset-start))
	}
	if d.Cfg.ErrorHandler == nil {
		d.err = se
		return false
	}
	d.recErr = azlogs.RecordError{Start: d.Stream.Position(start), Record: index, Raw: raw, Err: se}
	d.Cfg.ErrorHandler(&d.recErr)
	return d.Stream.err == nil
}

// PointerAt returns the JSON pointer (RFC 6901) of the innermost member or
// element that contains byte off of raw, which holds one JSON value (maybe
// damaged): "" for the top level. It reads leniently and never fails.
func PointerAt(raw []byte, off int) string {
	type frame struct {
		key   []byte
		index int
		arr   bool
	}
	var stack []frame
	var lastStr []byte
	expectKey := false
	if off > len(raw) {
		off = len(raw)
	}
	for i := 0; i < off; i++ {
		switch c := raw[i]; c {
		case '"':
			j := i + 1
			for j < len(raw) && raw[j] != '"' {
				if raw[j] == '\\' {
					j++
				}
				j++
			}
			if j > len(raw) {
				j = len(raw)
			}
			lastStr = raw[i+1 : j]
			if j >= off {
				if expectKey && len(stack) > 0 {
					stack[len(stack)-1].key = lastStr
				}
				i = off
				break
			}
			if len(stack) > 0 && !stack[len(stack)-1].arr {
				if expectKey {
					stack[len(stack)-1].key = lastStr
				} else {
					// A member's string value ended: between members,
					// the pointer is the object's.
					stack[len(stack)-1].key = nil
				}
			}
			i = j
		case ':':
			expectKey = false
		case '{':
			stack = append(stack, frame{})
			expectKey = true
		case '[':
			stack = append(stack, frame{arr: true})
		case '}', ']':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case ',':
			if len(stack) > 0 {
				if f := &stack[len(stack)-1]; f.arr {
					f.index++
				} else {
					expectKey = true
					f.key = nil
				}
			}
		}
	}
	if len(stack) <= 1 && (len(stack) == 0 || stack[0].key == nil) {
		return ""
	}
	var b strings.Builder
	for i, f := range stack {
		if i == len(stack)-1 && !f.arr && f.key == nil {
			break
		}
		b.WriteByte('/')
		if f.arr {
			b.WriteString(strconv.Itoa(f.index))
			continue
		}
		k := string(f.key)
		k = strings.ReplaceAll(k, "~", "~0")
		k = strings.ReplaceAll(k, "/", "~1")
		b.WriteString(k)
	}
	return b.String()
}
