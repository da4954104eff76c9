package nsgflow

import (
	"bytes"
	"errors"
	"io"
	"iter"

	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/internal/aztime"
	"github.com/azlogs/azlogs/internal/intern"
	"github.com/azlogs/azlogs/internal/jsontok"
)

// Decoder reads flow-log records, NSG and VNet alike, from a stream in any
// framing: the {"records":[…]} document of a PT1H.json blob (what Network
// Watcher writes), JSON lines, a bare array. Records of both kinds may be
// mixed.
//
// The decoder delimits each record, reads its envelope and its grouping
// (rules, MACs, ACLs), and keeps the text of every tuple without parsing
// it: Record.Tuples, Record.Tuple and Group.Tuples parse a tuple when it is
// asked for, without allocating. A malformed tuple therefore never makes
// its record bad; it is reported, with its JSON pointer, when it is
// iterated (as a *TupleError) and by Record.Validate.
//
// A record whose JSON is malformed, or whose structure has the wrong types
// (flows not an array, a tuple not a string), is a bad record: it stops
// the decoder with a *azlogs.SyntaxError, or goes to the handler set with
// azlogs.WithErrorHandler. A blob still being written ends in a torn record
// or without its closing "]}"; the complete records before it are
// returned, and the tear is reported as an error wrapping
// azlogs.ErrTruncated, with its position (by Err, or to the handler, after
// which Next returns false: nothing is looked for inside the torn bytes).
// To poll a growing blob, use TailReader.
//
// A Decoder is not safe for concurrent use; run one per goroutine.
type Decoder struct {
	drv     jsontok.Driver
	rec     Record
	in      intern.Table
	parseFn func(*jsontok.Reader) bool
	last    [numFields]string
	keyLast [3]string // the last rule, mac and aclID
	addrs   addrCache // for the records' tuple iterators
	quotes  quoteScanner

	user func(*azlogs.RecordError) // the handler of WithErrorHandler
	torn bool                      // a torn last record was reported
}

// handle receives the bad records the driver reports. A record torn by
// the end of the input ends the stream: the driver would otherwise go on
// inside the torn record's bytes and find pieces of it.
func (d *Decoder) handle(e *azlogs.RecordError) {
	if d.torn {
		return // pieces of the torn record
	}
	// The input has ended and the record needed more: whatever the
	// driver could still find would come from inside this record.
	if errors.Is(e.Err, azlogs.ErrTruncated) && d.drv.Stream.Ended() {
		d.torn = true
	}
	d.user(e)
}

// NewDecoder returns a decoder reading from r.
func NewDecoder(r io.Reader, opts ...azlogs.Option) *Decoder {
	d := &Decoder{}
	d.init(opts)
	d.Reset(r)
	return d
}

func (d *Decoder) init(opts []azlogs.Option) {
	d.drv.Cfg = azlogs.NewConfig(opts...)
	d.drv.Stream.RecordKey = isRecordKey
	d.parseFn = d.parse
	d.rec.addrs = &d.addrs
	if h := d.drv.Cfg.ErrorHandler; h != nil {
		d.user = h
		d.drv.Cfg.ErrorHandler = d.handle
	}
}

// Reset makes d read from r, keeping its buffers, its options and the
// strings it has seen.
func (d *Decoder) Reset(r io.Reader) {
	d.torn = false
	d.drv.Reset(r)
	d.rec.reset()
}

// NewDecoderBytes returns a decoder reading the records held in b, in
// place: nothing is copied (an Event Hubs message body or a blob read
// whole need no io.Reader). The decoder never writes to b; b must not
// change while the decoder or its RawJSON values are in use. Strings are
// safe to keep, as always.
func NewDecoderBytes(b []byte, opts ...azlogs.Option) *Decoder {
	d := NewDecoder(nil, opts...)
	d.ResetBytes(b)
	return d
}

// ResetBytes makes d read the records held in b, in place (see
// NewDecoderBytes), keeping its buffers, its options and the strings it
// has seen.
func (d *Decoder) ResetBytes(b []byte) {
	d.torn = false
	d.drv.ResetBytes(b)
	d.rec.reset()
}

// Next decodes the next record and reports whether there is one. It
// returns false at the end of the input or at the first error; Err tells
// which. With WithErrorHandler, bad records are reported there and
// skipped; a torn last record is reported there too, and ends the input.
func (d *Decoder) Next() bool {
	if d.torn {
		return false
	}
	return d.drv.Next(d.parseFn) && !d.torn
}

// Record returns the current record. It is owned by the decoder and valid
// until the next call to Next or Reset; its strings may be kept, its
// tuple texts and Extra values are borrowed. Use Record().Clone() to keep
// it.
func (d *Decoder) Record() *Record { return &d.rec }

// Err returns the error that stopped Next, or nil at the end of the input.
// It is a *azlogs.SyntaxError.
func (d *Decoder) Err() error { return d.drv.Err() }

// InputOffset returns how many bytes of input have been consumed.
func (d *Decoder) InputOffset() int64 { return d.drv.Stream.Offset() }

// Position returns where the current record begins in the input. It
// scans the buffered input for the line, so call it to report a problem,
// not for every record.
func (d *Decoder) Position() azlogs.Position { return d.drv.Stream.Position(d.drv.Cur.Start) }

// All returns the decoder's loop as an iterator: each record with a nil
// error, then, if the input was bad, a nil record with the error.
func (d *Decoder) All() iter.Seq2[*Record, error] {
	return func(yield func(*Record, error) bool) {
		for d.Next() {
			if !yield(&d.rec, nil) {
				return
			}
		}
		if err := d.Err(); err != nil {
			yield(nil, err)
		}
	}
}

// field names a member the decoder reads.
type field uint8

const (
	fNone field = iota
	fTime
	fSystemID
	fMAC
	fCategory
	fResourceID
	fOperationName
	fFlowLogVersion
	fFlowLogGUID
	fFlowLogResourceID
	fTargetResourceID
	fProperties
	fFlowRecords
	fVersion
	fFlows
	fRule
	fMac
	fFlowTuples
	fACLID
	fFlowGroups
	numFields
)

var fieldNames = [numFields]string{
	fTime: "time", fSystemID: "systemId", fMAC: "macAddress", fCategory: "category",
	fResourceID: "resourceId", fOperationName: "operationName", fFlowLogVersion: "flowLogVersion",
	fFlowLogGUID: "flowLogGUID", fFlowLogResourceID: "flowLogResourceID",
	fTargetResourceID: "targetResourceID", fProperties: "properties", fFlowRecords: "flowRecords",
	fVersion: "Version", fFlows: "flows", fRule: "rule", fMac: "mac", fFlowTuples: "flowTuples",
	fACLID: "aclID", fFlowGroups: "flowGroups",
}

var names = func() *intern.Names {
	lower := make([]string, len(fieldNames))
	for i, n := range fieldNames {
		lower[i] = string(bytes.ToLower([]byte(n)))
	}
	return intern.NewNames(lower, true)
}()

// lookup finds a member name in any letter case: Azure's own docs spell
// resourceId both ways.
func lookup(key []byte) field {
	f, _ := names.Lookup(key)
	return field(f)
}

// isRecordKey tells the stream, resyncing after a damaged record in an
// array, which member names a flow log record has at its top level (not
// rule, mac or flowTuples, which nested objects start with).
func isRecordKey(name []byte) bool {
	f := lookup(name)
	return f >= fTime && f <= fFlowRecords
}

// stringField maps the top-level string members to their bit and field.
func (rec *Record) stringField(f field) (*string, uint32) {
	switch f {
	case fSystemID:
		return &rec.SystemID, seenSystemID
	case fMAC:
		return &rec.MACAddress, seenMAC
	case fCategory:
		return &rec.Category, seenCategory
	case fResourceID:
		return &rec.ResourceID, seenResourceID
	case fOperationName:
		return &rec.OperationName, seenOperation
	case fFlowLogGUID:
		return &rec.FlowLogGUID, seenGUID
	case fFlowLogResourceID:
		return &rec.FlowLogResourceID, seenFlowLogResourceID
	case fTargetResourceID:
		return &rec.TargetResourceID, seenTarget
	}
	return nil, 0
}

func (d *Decoder) parse(p *jsontok.Reader) bool {
	rec := &d.rec
	rec.reset()
	rec.setRaw(d.drv.Cur.Raw)
	if uint64(len(rec.raw)) >= ownBit {
		p.Fail(d.drv.Cur.Start, "record larger than 2 GiB", azlogs.ErrRecordTooLarge)
		return false
	}
	if !p.BeginObject() {
		return false
	}
	for {
		key, ok := p.Key()
		if !ok {
			break
		}
		f := lookup(key)
		switch f {
		case fTime:
			if rec.seen&seenTime == 0 && p.IsString() {
				start := p.Offset()
				s, ok := p.Str()
				if !ok {
					return false
				}
				if t, _, ok := aztime.Parse(s); ok {
					rec.Time = t.UTC()
					rec.seen |= seenTime
					continue
				}
				p.Rewind(start, p.Depth())
			}
			if !d.keep(p, &rec.Extra, key, "time is not a time") {
				return false
			}
		case fSystemID, fMAC, fCategory, fResourceID, fOperationName, fFlowLogGUID, fFlowLogResourceID, fTargetResourceID:
			dst, bit := rec.stringField(f)
			if rec.seen&bit == 0 && p.IsString() {
				s, ok := p.Str()
				if !ok {
					return false
				}
				*dst = d.in.Slot(&d.last[f], s)
				rec.seen |= bit
				continue
			}
			if !d.keep(p, &rec.Extra, key, fieldNames[f]+" is not a string") {
				return false
			}
		case fFlowLogVersion:
			if rec.seen&seenVersion == 0 && d.version(p) {
				continue
			}
			if p.Err() != nil || !d.keep(p, &rec.Extra, key, "flowLogVersion is not an integer") {
				return false
			}
		case fProperties, fFlowRecords:
			if rec.seen&(seenProperties|seenFlowRecords) == 0 && p.PeekByte() == '{' {
				if f == fProperties {
					rec.seen |= seenProperties
				} else {
					rec.seen |= seenFlowRecords
				}
				if !d.container(p, f == fFlowRecords) {
					return false
				}
				continue
			}
			if !d.keep(p, &rec.Extra, key, fieldNames[f]+" is not an object") {
				return false
			}
		default:
			if !d.keep(p, &rec.Extra, key, "") {
				return false
			}
		}
	}
	if p.Err() != nil {
		return false
	}
	switch {
	case rec.seen&seenFlowRecords != 0:
		rec.Kind = KindVNet
	case rec.seen&seenProperties != 0:
		rec.Kind = KindNSG
	case rec.Category == CategoryVNet:
		rec.Kind = KindVNet
	case rec.Category == CategoryNSG:
		rec.Kind = KindNSG
	}
	return true
}

// keep reads the next value raw into *dst under the name key. In strict
// mode a non-empty why makes it a type error instead.
func (d *Decoder) keep(p *jsontok.Reader, dst *[]azlogs.Member, key []byte, why string) bool {
	if p.PeekByte() < 0 {
		p.Skip() // records the error
		return false
	}
	start := p.Offset()
	if why != "" && d.drv.Cfg.Strict && p.Peek() != jsontok.Null {
		p.Fail(start, "member "+why, azlogs.ErrType)
		return false
	}
	if len(*dst) >= maxMembersPerRec {
		p.Fail(start, "too many members", azlogs.ErrRecordTooLarge)
		return false
	}
	name := d.in.Bytes(key)
	if !p.Skip() {
		return false
	}
	// Skip checks the value strictly even in tolerant mode, so a kept
	// value writes back as valid JSON.
	raw := d.raw(start, p.Offset())
	*dst = append(*dst, azlogs.Member{Name: name, Value: raw})
	return true
}

// raw returns the current record's bytes between two absolute offsets.
func (d *Decoder) raw(from, to int64) azlogs.RawJSON {
	base := d.drv.Cur.Start
	return azlogs.RawJSON(d.drv.Cur.Raw[from-base : to-base : to-base])
}

// version reads a version number, a JSON integer from 0 to 999999999. It
// consumes nothing and returns false otherwise (the caller keeps the
// member raw).
func (d *Decoder) version(p *jsontok.Reader) bool {
	start := p.Offset()
	var b []byte
	switch p.Peek() {
	case jsontok.Number:
		n, ok := p.ReadNumber()
		if !ok {
			return false
		}
		b = n
	default:
		return false
	}
	if v, ok := smallInt(b); ok {
		d.rec.Version = v
		d.rec.seen |= seenVersion
		return true
	}
	p.Rewind(start, p.Depth())
	return false
}

// smallInt parses a non-negative decimal integer below 10^9.
func smallInt(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// container reads properties (NSG) or flowRecords (VNet).
func (d *Decoder) container(p *jsontok.Reader, vnet bool) bool {
	rec := &d.rec
	if !p.BeginObject() {
		return false
	}
	for {
		key, ok := p.Key()
		if !ok {
			break
		}
		switch f := lookup(key); {
		case f == fVersion && !vnet:
			if rec.seen&seenVersion == 0 && d.version(p) {
				rec.seen |= seenPropsVersion
				continue
			}
			if p.Err() != nil || !d.keep(p, &rec.PropertiesExtra, key, "Version is not an integer") {
				return false
			}
		case f == fFlows && rec.seen&seenFlows == 0 && p.PeekByte() == '[':
			rec.seen |= seenFlows
			if !d.outers(p, vnet) {
				return false
			}
		default:
			if !d.keep(p, &rec.PropertiesExtra, key, "") {
				return false
			}
		}
	}
	return p.Err() == nil
}

// outers reads properties.flows or flowRecords.flows.
func (d *Decoder) outers(p *jsontok.Reader, vnet bool) bool {
	rec := &d.rec
	if !p.BeginArray() {
		return false
	}
	keyField, listField := fRule, fFlows
	if vnet {
		keyField, listField = fACLID, fFlowGroups
	}
	for p.NextElem() {
		if p.PeekByte() != '{' {
			p.Fail(p.Offset(), "flows element is not an object", azlogs.ErrType)
			return false
		}
		if len(rec.outers) >= maxGroupsPerRec {
			p.Fail(p.Offset(), "too many flows", azlogs.ErrRecordTooLarge)
			return false
		}
		oi := int32(len(rec.outers))
		rec.outers = append(rec.outers, outer{})
		o := outer{first: int32(len(rec.inners)), mfirst: int32(len(rec.omembers))}
		p.BeginObject()
		for {
			key, ok := p.Key()
			if !ok {
				break
			}
			f := lookup(key)
			switch {
			case f == keyField && !o.hasKey && p.IsString():
				s, ok := p.Str()
				if !ok {
					return false
				}
				o.key = d.in.Slot(&d.keyLast[keySlot(f)], s)
				o.hasKey = true
			case f == listField && !o.hasList && p.PeekByte() == '[':
				o.hasList = true
				// Inners may not interleave with another list's.
				if int(o.first) != len(rec.inners) {
					p.Fail(p.Offset(), "member "+fieldNames[f]+" repeated", azlogs.ErrSyntax)
					return false
				}
				if !d.inners(p, vnet, oi) {
					return false
				}
			default:
				if !d.keep(p, &rec.omembers, key, "") {
					return false
				}
			}
		}
		if p.Err() != nil {
			return false
		}
		o.end = int32(len(rec.inners))
		o.mend = int32(len(rec.omembers))
		rec.outers[oi] = o
	}
	return p.Err() == nil
}

func keySlot(f field) int {
	switch f {
	case fRule:
		return 0
	case fMac:
		return 1
	}
	return 2
}

// inners reads properties.flows[].flows or flowRecords.flows[].flowGroups.
func (d *Decoder) inners(p *jsontok.Reader, vnet bool, oi int32) bool {
	rec := &d.rec
	keyField := fMac
	if vnet {
		keyField = fRule
	}
	if !p.BeginArray() {
		return false
	}
	for p.NextElem() {
		if p.PeekByte() != '{' {
			p.Fail(p.Offset(), "flow group is not an object", azlogs.ErrType)
			return false
		}
		if len(rec.inners) >= maxGroupsPerRec {
			p.Fail(p.Offset(), "too many flow groups", azlogs.ErrRecordTooLarge)
			return false
		}
		in := inner{outer: oi, first: int32(len(rec.spans)), end: int32(len(rec.spans))}
		p.BeginObject()
		ownStart := len(rec.members)
		for {
			key, ok := p.Key()
			if !ok {
				break
			}
			f := lookup(key)
			switch {
			case f == keyField && !in.hasKey && p.IsString():
				s, ok := p.Str()
				if !ok {
					return false
				}
				in.key = d.in.Slot(&d.keyLast[keySlot(f)], s)
				in.hasKey = true
			case f == fFlowTuples && !in.hasTuples && p.PeekByte() == '[':
				in.hasTuples = true
				if int(in.first) != len(rec.spans) {
					p.Fail(p.Offset(), "member flowTuples repeated", azlogs.ErrSyntax)
					return false
				}
				if !d.tuples(p) {
					return false
				}
				in.end = int32(len(rec.spans))
			default:
				if !d.keep(p, &rec.members, key, "") {
					return false
				}
			}
		}
		if p.Err() != nil {
			return false
		}
		in.mfirst, in.mend = int32(ownStart), int32(len(rec.members))
		rec.inners = append(rec.inners, in)
	}
	return p.Err() == nil
}

// tuples reads a flowTuples array, adding a span for each string.
// Compact arrays of plain strings, which is what Azure writes, take a fast
// path over the record's bytes; anything else goes through the tokenizer.
func (d *Decoder) tuples(p *jsontok.Reader) bool {
	rec := &d.rec
	n0 := len(rec.spans)
	if !d.drv.Cfg.Strict {
		// The reader reads the record's bytes, which start at Cur.Start.
		if end, ok := d.fastTuples(int(p.Offset() - d.drv.Cur.Start)); ok {
			p.SkipTo(d.drv.Cur.Start+int64(end), 0) // strings: no members
			return d.checkSize(p)
		}
		rec.spans = rec.spans[:n0]
	}
	if !p.BeginArray() {
		return false
	}
	for p.NextElem() {
		if !p.IsString() {
			p.Fail(p.Offset(), "flow tuple is not a string", azlogs.ErrType)
			return false
		}
		s, ok := p.Str()
		if !ok {
			return false
		}
		if uint64(len(rec.own)+len(s)) >= ownBit {
			p.Fail(p.Offset(), "too many tuples", azlogs.ErrRecordTooLarge)
			return false
		}
		rec.spans = append(rec.spans, span{off: uint32(len(rec.own)) | ownBit, n: uint32(len(s))})
		rec.own = append(rec.own, s...)
		if !d.checkSize(p) {
			return false
		}
	}
	return p.Err() == nil
}

func (d *Decoder) checkSize(p *jsontok.Reader) bool {
	if len(d.rec.spans) > maxTuplesPerRec {
		p.Fail(p.Offset(), "too many tuples", azlogs.ErrRecordTooLarge)
		return false
	}
	return true
}

// fastTuples reads a flowTuples array of strings without escapes from
// the record's bytes at offset at (after optional white space). It returns
// the offset after the array, or false if the array is not of that simple
// kind (or malformed), leaving the general path to read it or to say what
// is wrong.
//
// The quotes that end the strings come from a quoteScanner, which finds
// them 64 bytes at a time, and with them the first backslash: a string
// that reaches it may hold an escape, and is left to the general path.
// The scan also fills the record's comma masks, which the tuple parser
// uses.
func (d *Decoder) fastTuples(at int) (int, bool) {
	rec := &d.rec
	b := rec.raw[:len(rec.raw):len(rec.raw)]
	i := skipSpace(b, at)
	if i >= len(b) || b[i] != '[' {
		return 0, false
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == ']' {
		return i + 1, true
	}
	if i >= len(b) || b[i] != '"' {
		return 0, false
	}
	q := &d.quotes
	q.reset(b, &rec.commas, i+1)
	for {
		// The usual case first, straight from the scanner's positions:
		// a string's closing quote, then ',' and the next one's opening
		// quote.
		for q.n-q.i >= 2 {
			end, next := int(q.pos[q.i]), int(q.pos[q.i+1])
			if next != end+2 || b[end+1] != ',' || end > q.backslash {
				break
			}
			rec.spans = append(rec.spans, span{off: uint32(i + 1), n: uint32(end - i - 1)})
			i = next
			q.i += 2
		}
		// b[i] is the string's opening quote. A raw control byte is let
		// through (the JSON reader would reject it): no tuple field admits
		// one, so the tuple is reported as malformed instead.
		end := q.pop()
		if end < 0 || end > q.backslash {
			return 0, false // the end, or an escape
		}
		rec.spans = append(rec.spans, span{off: uint32(i + 1), n: uint32(end - i - 1)})
		i = end + 1
		if i+1 < len(b) && b[i] == ',' && b[i+1] == '"' {
			// The next string's opening quote, the next the scanner has.
			i++
			q.pop()
			continue
		}
		i = skipSpace(b, i)
		if i < len(b) && b[i] == ']' {
			return i + 1, true
		}
		if i >= len(b) || b[i] != ',' {
			return 0, false
		}
		// Only white space and the comma between the strings: the next
		// quote is the opening one.
		if i = skipSpace(b, i+1); i >= len(b) || b[i] != '"' || q.pop() != i {
			return 0, false
		}
	}
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t') {
		i++
	}
	return i
}
