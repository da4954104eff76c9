package jsontok

import (
	"bytes"
	"io"
	"strconv"
	"strings"

	"github.com/azlogs/azlogs"
)

// Driver runs the record loop that every family decoder shares: it takes
// records from a Stream, parses each from memory with the family's parse
// function (a record of an array or a JSON line is parsed before it is
// delimited, and delimited only if the parse fails, then parsed again
// within its own bytes), and reports or stops at bad records as the
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
	d.reset()
}

// ResetBytes starts a new stream, held whole in b, with the same
// configuration. Records are read from b in place.
func (d *Driver) ResetBytes(b []byte) {
	d.Stream.ResetBytes(b, d.Cfg.MaxRecordSize, d.Cfg.MaxDepth)
	d.reset()
}

func (d *Driver) reset() {
	d.Stream.Speculate = true
	d.Stream.r.Tolerant = !d.Cfg.Strict // a missing comma between records
	d.P.MaxDepth = d.Cfg.MaxDepth
	d.P.MaxMembers = d.Cfg.MaxMembers
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
// An error outside any record (an envelope torn or malformed after its
// records, a failing reader) stops the loop in any case: Err returns it.
func (d *Driver) Next(parse func(p *Reader) bool) bool {
	if d.err != nil {
		return false
	}
	for {
		if !d.Stream.Next(&d.Cur) {
			d.stop()
			return false
		}
		if d.Cur.Err != nil {
			e := d.Cur.Err
			d.Stream.Resync(&d.Cur)
			if !d.report(e, d.Cur.Raw, d.Cur.Index, d.Cur.Start) {
				d.stop()
				return false
			}
			continue
		}
		if d.parse(parse) {
			if len(d.Stream.firstKeys) < maxFirstKeys && d.Stream.framing != FramingLines {
				// Only Resync, in an array, uses what is learnt.
				d.Stream.learn(d.Cur.Raw)
			}
			return true
		}
		d.Stream.Resync(&d.Cur)
		if !d.report(d.P.err, d.Cur.Raw, d.Cur.Index, d.Cur.Start) {
			d.stop()
			return false
		}
	}
}

// stop sets Err, unless it is set already, to the error that ended the
// stream outside any record, or else to the reader's error: with a
// handler, either would otherwise look like a clean end.
func (d *Driver) stop() {
	if d.err != nil {
		return
	}
	e := d.Stream.Err()
	if e == nil && d.Stream.r.rerr != nil {
		e = &Error{Offset: d.Stream.Offset(), Msg: "read error: " + d.Stream.r.rerr.Error(), Err: d.Stream.r.rerr}
	}
	if e != nil {
		d.err = &azlogs.SyntaxError{Position: d.Stream.Position(e.Offset), Record: -1, Msg: e.Msg, Err: e.Err}
	}
}

func (d *Driver) parse(parse func(p *Reader) bool) bool {
	d.P.ResetBytes(d.Cur.Raw, d.Cur.Start)
	d.P.Tolerant = !d.Cfg.Strict
	ok := parse(&d.P)
	if d.Cur.Open {
		// A speculative record: its parse found its end. A JSON line
		// must end there too.
		end := d.P.Offset()
		if ok && (d.Cfg.MaxRecordSize <= 0 || end-d.Cur.Start <= int64(d.Cfg.MaxRecordSize)) &&
			(d.Stream.st != stTop || d.Stream.LineEnds(end)) {
			if d.Stream.st == stTop && d.P.newline {
				// A good JSON record over several lines: the records
				// are pretty-printed, and delimited by brackets from
				// now on.
				d.Stream.multi = true
			}
			d.Stream.Close(&d.Cur, end)
			return true
		}
		// Bad, too large, or longer than the window: delimit it by its
		// brackets and parse it again, as any record.
		d.Stream.Delimit(&d.Cur)
		if d.Cur.Err != nil {
			d.P.err = d.Cur.Err
			return false
		}
		d.P.ResetBytes(d.Cur.Raw, d.Cur.Start)
		if ok = parse(&d.P); ok {
			d.Stream.Fits(len(d.Cur.Raw))
		}
	}
	if !ok && d.P.err != nil && d.P.err.Err == azlogs.ErrTruncated && d.Stream.st == stTop && !d.Stream.multi {
		// The line ended inside the record: either the records are
		// pretty-printed, or this line is torn. Try delimiting the record
		// by its brackets; if that does not give a good record either,
		// the line alone is the bad record.
		line, lineErr, lineEnd := d.Cur, *d.P.err, d.Stream.Offset()
		lastLine := d.Stream.r.pos >= d.Stream.r.end // the input ended there
		d.Stream.Multiline(&d.Cur)
		if d.Cur.Err == nil {
			d.P.ResetBytes(d.Cur.Raw, d.Cur.Start)
			if ok = parse(&d.P); ok {
				d.Stream.multi = true
			}
		}
		if !ok && d.Cur.Err == nil && d.P.err != nil && line.Index == 0 && !d.tornLine(lineEnd, d.P.err.Offset) {
			// The stream's first record spans lines and is bad in
			// itself: report it whole. After records one per line, a
			// line that fails is a bad record by itself (torn, say, in
			// the middle of a string) and must not take the lines after
			// it down.
			return false
		}
		if !ok && d.Cur.Err != nil && (lastLine || d.Stream.st != stDone || !d.recordAfter(lineEnd)) {
			// The last line, torn: its bracket scan says why the input
			// ended (the end of the blob, or the reader's error). Or
			// a whole record spanning lines, over the size limit.
			if d.Stream.st != stDone {
				d.Stream.multi = true
			}
			d.Cur.Raw = trimSpace(d.Cur.Raw)
			d.P.err = d.Cur.Err
			return false
		}
		if !ok {
			d.Stream.multi = false
			d.Stream.st = stTop
			d.Stream.r.err = nil // from the bracket scan
			d.Stream.Unread(lineEnd)
			d.Cur = line
			d.Cur.Raw = trimSpace(d.Stream.r.Bytes(line.Start, lineEnd)) // the buffer may have moved
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
				d.Cur.Raw = trimSpace(d.Cur.Raw[:len(d.Cur.Raw)-len(t)])
				return true
			}
			d.P.Fail(off, "unexpected data after the record", azlogs.ErrSyntax)
			return false
		}
	}
	return true
}

// recordAfter reports whether, after absolute offset lineEnd, the next
// token in the current record's bytes opens an object: a new record
// starting on the next line.
func (d *Driver) recordAfter(lineEnd int64) bool {
	raw := d.Cur.Raw
	i := int(lineEnd - d.Cur.Start)
	for i < len(raw) && isSpace(raw[i]) {
		i++
	}
	return i < len(raw) && raw[i] == '{'
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
	next := d.Cur.Start + int64(i)
	// An error before the next line's first token is the first line's own
	// (a string torn at the line's end); at that token, a '{' means a new
	// record starts there.
	return i >= len(raw) || errOff < next || (errOff == next && raw[i] == '{')
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

// maxPointerDepth bounds the levels PointerAt tracks: deeper than that, it
// names the member or element at that depth, which contains off.
const maxPointerDepth = 1000

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
	deeper := 0 // levels past maxPointerDepth, not tracked
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
				if expectKey && len(stack) > 0 && deeper == 0 {
					stack[len(stack)-1].key = lastStr
				}
				i = off
				break
			}
			if len(stack) > 0 && !stack[len(stack)-1].arr && deeper == 0 {
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
		case '{', '[':
			if len(stack) == maxPointerDepth {
				deeper++
				continue
			}
			stack = append(stack, frame{arr: c == '['})
			expectKey = c == '{'
		case '}', ']':
			if deeper > 0 {
				deeper--
			} else if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case ',':
			if deeper > 0 {
				continue
			}
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
	if len(stack) == 0 {
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
		k := unescapeKey(f.key)
		k = strings.ReplaceAll(k, "~", "~0")
		k = strings.ReplaceAll(k, "/", "~1")
		b.WriteString(k)
	}
	return b.String()
}

// unescapeKey returns a member name as it reads, not as it is written
// ("a\/b" is "a/b"); a damaged one is returned as it is written.
func unescapeKey(k []byte) string {
	if bytes.IndexByte(k, '\\') < 0 {
		return string(k)
	}
	q := make([]byte, 0, len(k)+2)
	q = append(append(append(q, '"'), k...), '"')
	var r Reader
	r.ResetBytes(q, 0)
	if s, ok := r.ReadString(); ok && r.AtEOF() {
		return string(s)
	}
	return string(k)
}
