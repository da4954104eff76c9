package diagnostics

import (
	"bytes"
	"io"
	"iter"
	"net/netip"
	"strconv"
	"unsafe"

	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/internal/aztime"
	"github.com/azlogs/azlogs/internal/decoding"
	"github.com/azlogs/azlogs/internal/intern"
	"github.com/azlogs/azlogs/internal/jsontok"
	"github.com/azlogs/azlogs/internal/netaddr"
)

// Decoder reads resource log records of any mix of categories from a
// stream in any framing: JSON lines (PT1H.json since November 2018), a
// {"records":[…]} envelope (Event Hubs, older blobs), a bare array, or a
// single object.
//
// A Decoder is not safe for concurrent use; run one per goroutine.
type Decoder struct {
	drv     jsontok.Driver
	rec     Record
	in      intern.Table
	parseFn func(*jsontok.Reader) bool
	scratch decoding.Scratch

	cats     [catCacheSize]catEntry // categories resolved lately, by name
	catPairs [catCacheSize]catEntry // and by name and resource ID
	tmp      []byte
	val      value
	views    [numCategories]any    // each category's typed view, made on first use
	shapes   [numCategories]*shape // each category's member names by position
	// early is the category whose typed view properties filled while it
	// read them (the record named its category first); CategoryUnknown
	// when the view is to be filled once the record is read.
	early Category

	// The last value read at each place, tried before the intern table.
	fieldLast [numFields]intern.Recent
	claimLast [2 * maxClaimSlots]string
	propLast  [propSlots]intern.Recent
	nameLast  [maxNameSlots]string
	extra     [extraNames]extraEntry

	idNames intern.Recent // the names of identity's members

	// extraPlain has bit i set when the value of the record's Extra[i] is
	// a string without escapes (for the first 64 members), so that a
	// setter takes its contents without looking at its bytes again.
	extraPlain uint64

	// times remembers the last time's date, hour and minute.
	times aztime.Memo

	// claimsMemo maps the bytes of a claims object to its claims.
	claimsMemo intern.Memo[memoClaims]
}

// memoClaims is what claimsMemo remembers of a claims object.
type memoClaims struct {
	claims  []Claim
	members int // its object members (see jsontok.Reader.SkipTo)
}

// maxNameSlots is how many property names, by position, remember their
// last value: a category writes its members in the same order.
const maxNameSlots = 64

// propSlots is how many property names, by hash, remember their last
// value.
const propSlots = 256

// propSlot returns the slot that remembers the last value of members named
// name. Names are interned, so the same name is almost always the same
// string: its address picks the slot.
func (d *Decoder) propSlot(name string, top bool) *intern.Recent {
	h := uintptr(unsafe.Pointer(unsafe.StringData(name))) >> 3
	if top {
		h ^= propSlots / 2
	}
	return &d.propLast[h%propSlots]
}

// shape remembers, for one category, the names of the members of
// properties by position, and the setter of each, as the last record of the
// category wrote them: a category writes its members in the same order, so
// a member's name costs one comparison and finding its setter nothing.
type shape struct {
	names [maxNameSlots]string
	// setter is the index of the name's setter in the category's view,
	// plus one; 0 means none.
	setter [maxNameSlots]int16
	// plain says that the name can be matched with jsontok.KeyIs.
	plain [maxNameSlots]bool
	// The same for the record's top-level members outside the schema
	// (Extra), by position.
	top       [maxTopSlots]string
	topSetter [maxTopSlots]int16
}

// learnProp remembers that the member of properties at position i is
// named name, and returns the index of its setter in view w (-1: none).
func (sh *shape) learnProp(w viewer, i int, name string) int {
	k := w.lookup(false, name)
	sh.names[i], sh.setter[i] = name, int16(k+1)
	sh.plain[i] = name != "" && jsontok.PlainName(name)
	return k
}

// maxTopSlots is how many members of Extra, by position, a shape
// remembers.
const maxTopSlots = 32

// shape returns the decoder's shape of category c.
func (d *Decoder) shape(c Category) *shape {
	sh := d.shapes[c]
	if sh == nil {
		sh = new(shape)
		d.shapes[c] = sh
	}
	return sh
}

// catCacheSize is how many category names, and how many (category name,
// resource ID) pairs, the decoder remembers the category of.
const catCacheSize = 64

type catEntry struct {
	name, resourceID string
	cat              Category
	// list is named(name), when the category depends on the resource
	// ID's provider too (Audit is Data Lake Store's or Data Lake
	// Analytics'); nil otherwise.
	list []Category
}

// category returns ResolveCategory(name, resourceID), remembering it: the
// strings are interned, so the same name is almost always the same string,
// whose address picks the entry. Most names resolve whatever the resource
// ID; the few bound to a provider are remembered with the resource ID too.
func (d *Decoder) category(name, resourceID string) Category {
	e := &d.cats[uintptr(unsafe.Pointer(unsafe.StringData(name)))>>3%catCacheSize]
	if e.name != name || e.name == "" {
		list := named(name)
		*e = catEntry{name: name, cat: resolve(list, "")}
		if len(list) > 0 && categories[list[0]].provider != "" {
			e.list = list
		}
	}
	if e.list == nil {
		return e.cat
	}
	h := uintptr(unsafe.Pointer(unsafe.StringData(name)))>>3 ^ uintptr(unsafe.Pointer(unsafe.StringData(resourceID)))>>5
	p := &d.catPairs[h%catCacheSize]
	if p.name != name || p.resourceID != resourceID {
		*p = catEntry{name: name, resourceID: resourceID, cat: resolve(e.list, resourceID)}
	}
	return p.cat
}

// view returns the decoder's typed view of category c, emptied.
func (d *Decoder) view(c Category) any {
	w := categories[c].view
	v := d.views[c]
	if v == nil {
		v = w.newView()
		d.views[c] = v
	} else {
		w.reset(v)
	}
	return v
}

// maxClaimSlots is how many claims, by position, remember their last
// name and value.
const maxClaimSlots = 32

// NewDecoder returns a decoder reading from r.
func NewDecoder(r io.Reader, opts ...azlogs.Option) *Decoder {
	d := &Decoder{}
	d.drv.Cfg = azlogs.NewConfig(opts...)
	d.scratch.Configure(&d.drv.Cfg)
	d.drv.Stream.RecordKey = isRecordKey
	d.parseFn = d.parse
	d.val.d = d
	d.claimsMemo.Size = 1024
	d.claimsMemo.Prefix = 128
	d.drv.Reset(r)
	return d
}

// isRecordKey tells the stream, resyncing after a damaged record in an
// array, which member names a resource log record has at its top level.
func isRecordKey(name []byte) bool {
	if exactField(name) != fNone {
		return true
	}
	f, _ := foldField(name)
	return f != fNone
}

// Reset makes d read from r, keeping its buffers, its options and the
// strings it has seen.
func (d *Decoder) Reset(r io.Reader) {
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
	d.drv.ResetBytes(b)
	d.rec.reset()
}

// Next decodes the next record and reports whether there is one. It
// returns false at the end of the input or at the first error; Err tells
// which. With WithErrorHandler, bad records are reported there and skipped.
func (d *Decoder) Next() bool {
	return d.drv.Next(d.parseFn)
}

// Record returns the current record. It is owned by the decoder and valid
// until the next call to Next or Reset; its strings may be kept, its RawJSON
// values, members and typed view are borrowed. Use Record().Clone() to keep
// it.
func (d *Decoder) Record() *Record { return &d.rec }

// Err returns the error that stopped Next, or nil at the end of the input.
// It is a *azlogs.SyntaxError.
func (d *Decoder) Err() error { return d.drv.Err() }

// InputOffset returns how many bytes of input have been consumed.
func (d *Decoder) InputOffset() int64 { return d.drv.Stream.Offset() }

// Position returns where the current record begins in the input: its
// byte offset, line and column. Computing the line costs a scan of the
// buffered input, so call it when you need it, not for every record.
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

// field names a member of the common schema.
type field uint8

const (
	fNone field = iota
	fTime
	fResourceID
	fTenantID
	fOperationName
	fOperationVersion
	fCategory
	fResultType
	fResultSignature
	fResultDescription
	fDurationMs
	fCallerIPAddress
	fCorrelationID
	fIdentity
	fLevel
	fLocation
	fProperties
	numFields
)

// fieldNames are the members' names as the schema spells them.
var fieldNames = [numFields]string{
	fTime: "time", fResourceID: "resourceId", fTenantID: "tenantId", fOperationName: "operationName",
	fOperationVersion: "operationVersion", fCategory: "category", fResultType: "resultType",
	fResultSignature: "resultSignature", fResultDescription: "resultDescription", fDurationMs: "durationMs",
	fCallerIPAddress: "callerIpAddress", fCorrelationID: "correlationId", fIdentity: "identity",
	fLevel: "level", fLocation: "location", fProperties: "properties",
}

// renamed are the other names, in lower case, under which services write
// members of the common schema. A member under such a name is read only
// when the schema's own name is absent.
var renamed = map[string]field{
	"timestamp":       fTime, // Application Gateway v2 (timeStamp), others (timestamp)
	"eventtimestring": fTime, // Service Bus, Event Hubs OperationalLogs
	"eventtimestamp":  fTime, // Service Bus, Event Hubs runtime logs
	"timegenerated":   fTime, // Log Analytics data export
	"eventtime":       fTime, // App Service
	"starttime":       fTime, // Event Hubs ArchiveLogs
	"type":            fCategory,
	"eventproperties": fProperties, // Service Bus, Event Hubs OperationalLogs
	"region":          fLocation,
	"status":          fResultType,
	"outcome":         fResultType,
	"eventname":       fOperationName,
	"activityname":    fOperationName,
	"activityid":      fCorrelationID,
	"clientip":        fCallerIPAddress,
}

var (
	exactFields = map[string]field{}
	foldFields  = map[string]field{}
)

func init() {
	for f := fTime; f < numFields; f++ {
		exactFields[fieldNames[f]] = f
		foldFields[decoding.LowerASCII(fieldNames[f])] = f
	}
}

// exactField finds the field whose name is key, as the schema spells it.
// (A switch, which the compiler turns into a few comparisons, is quicker
// than a map for these sixteen names.)
func exactField(key []byte) field {
	switch string(key) {
	case "time":
		return fTime
	case "resourceId":
		return fResourceID
	case "tenantId":
		return fTenantID
	case "operationName":
		return fOperationName
	case "operationVersion":
		return fOperationVersion
	case "category":
		return fCategory
	case "resultType":
		return fResultType
	case "resultSignature":
		return fResultSignature
	case "resultDescription":
		return fResultDescription
	case "durationMs":
		return fDurationMs
	case "callerIpAddress":
		return fCallerIPAddress
	case "correlationId":
		return fCorrelationID
	case "identity":
		return fIdentity
	case "level":
		return fLevel
	case "location":
		return fLocation
	case "properties":
		return fProperties
	}
	return fNone
}

// foldField finds the field whose name equals key but for letter case, or
// that key renames; renamed reports the latter.
func foldField(key []byte) (f field, isRenamed bool) {
	var buf [32]byte
	if len(key) > len(buf) {
		return fNone, false
	}
	for i, c := range key {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	if f := foldFields[string(buf[:len(key)])]; f != fNone {
		return f, false
	}
	f = renamed[string(buf[:len(key)])]
	return f, f != fNone
}

func bit(f field) uint32 { return 1 << f }

func (d *Decoder) parse(p *jsontok.Reader) bool {
	rec := &d.rec
	rec.reset()
	d.early = CategoryUnknown
	d.extraPlain = 0
	d.scratch.Begin()
	if !p.BeginObject() {
		return false
	}
	repairs := p.Repairs
	for {
		key, ok := p.Key()
		if !ok {
			break
		}
		if f := exactField(key); f != fNone {
			if !d.field(p, f, false) {
				return false
			}
			continue
		}
		name, f, isRenamed := d.extraName(key)
		if f == fProperties && !d.drv.Cfg.Strict && quotedObjectAhead(p.Rest()) {
			// A bare single-quoted object is not JSON: keep the repaired
			// object in Extra under its own name.
			start := decoding.ValueStart(p)
			if !d.quotedProperties(p, start) {
				return false
			}
			d.noteRenamed(isRenamed)
			raw := d.scratch.LastChunk()
			rec.Extra = append(rec.Extra, azlogs.Member{Name: name, Value: raw})
			if (rec.has|rec.alt)&bit(f) == 0 {
				s := d.scratch.Reader()
				s.ResetBytes(raw, start)
				if d.properties(s) {
					rec.alt |= bit(f)
				}
				d.scratch.Release()
			}
			continue
		}
		start := decoding.ValueStart(p)
		if f != fNone {
			d.noteRenamed(isRenamed)
			if (rec.has|rec.alt)&bit(f) == 0 {
				// A member of the schema under another name: read into
				// its field as the record is read, and kept in Extra.
				ok := d.field(p, f, true)
				if p.Err() != nil {
					return false
				}
				if ok {
					rec.alt |= bit(f)
				}
				rec.Extra = append(rec.Extra, azlogs.Member{Name: name, Value: p.Bytes(start, p.Offset())})
				continue
			}
		}
		plain, ok := skip(p)
		if !ok {
			return false
		}
		raw := azlogs.RawJSON(p.Bytes(start, p.Offset()))
		rec.Extra = append(rec.Extra, azlogs.Member{Name: name, Value: raw})
		if n := len(rec.Extra) - 1; plain && n < 64 {
			d.extraPlain |= 1 << n
		}
	}
	if p.Err() != nil {
		return false
	}
	if p.Repairs != repairs {
		rec.Quirks |= QuirkMissingComma
	}
	d.finish()
	return true
}

// extraNames is how many top-level member names outside the common schema
// the decoder remembers, with what foldField made of them.
const extraNames = 256

type extraEntry struct {
	name      string
	f         field
	isRenamed bool
}

// extraName returns the interned name of a top-level member outside the
// common schema, and the field it stands for (see foldField). Records
// repeat these names, so the answer is remembered.
func (d *Decoder) extraName(key []byte) (string, field, bool) {
	n := len(key)
	if n == 0 {
		return "", fNone, false
	}
	// Two entries a hash: names that share it (EntityName and EntityType,
	// in Service Bus logs) do not evict each other record after record.
	i := (uint(n) + 7*uint(key[0]) + 3*uint(key[n-1]) + 5*uint(key[n/2])) % (extraNames / 2) * 2
	e := &d.extra[i]
	if e.name != string(key) {
		if e2 := &d.extra[i+1]; e2.name == string(key) {
			return e2.name, e2.f, e2.isRenamed
		}
		d.extra[i+1] = *e
		f, isRenamed := foldField(key)
		*e = extraEntry{name: d.in.Bytes(key), f: f, isRenamed: isRenamed}
	}
	return e.name, e.f, e.isRenamed
}

func (d *Decoder) noteRenamed(isRenamed bool) {
	if isRenamed {
		d.rec.Quirks |= QuirkRenamed
	} else {
		d.rec.Quirks |= QuirkKeyCase
	}
}

// keep stores a member whose value the schema does not allow as it was, in
// Extra, and leaves its field empty. In strict mode it is an error, except
// for null. consumed says whether the value has been read already.
func (d *Decoder) keep(p *jsontok.Reader, f field, start int64, depth int, alt, consumed bool, why string) bool {
	if consumed {
		if p.Err() != nil {
			// A syntax error inside the value: the record is bad, and the
			// error says why; a wrong shape is what is kept.
			return false
		}
		p.Rewind(start, depth)
	}
	isNull := p.Peek() == jsontok.Null
	if d.drv.Cfg.Strict && !isNull && !alt {
		p.Fail(start, "diagnostics: member "+fieldNames[f]+": "+why, azlogs.ErrType)
		return false
	}
	if !p.Skip() {
		return false
	}
	if alt {
		// The member is in Extra already; the field stays empty.
		return false
	}
	d.rec.Extra = append(d.rec.Extra, azlogs.Member{Name: fieldNames[f], Value: p.Bytes(start, p.Offset())})
	d.rec.alt |= bit(f)
	d.rec.has |= bit(f)
	if !isNull {
		d.rec.Quirks |= QuirkKeptRaw
	}
	return true
}

// field reads the value of member f into the record. alt says that the
// member was spelled differently and is kept in Extra already. It returns
// false on a syntax error (or, when alt, if the field was not set).
func (d *Decoder) field(p *jsontok.Reader, f field, alt bool) bool {
	rec := &d.rec
	start := decoding.ValueStart(p)
	depth := p.Depth()
	if !alt {
		rec.has |= bit(f)
		rec.alt &^= bit(f)
		rec.num &^= bit(f)
	}
	switch f {
	case fTime:
		b, ok := stringBytes(p)
		if !ok {
			return d.keep(p, f, start, depth, alt, false, "not a string")
		}
		t, layout, ok := d.times.Parse(b)
		if !ok || (layout != aztime.LayoutISO && d.drv.Cfg.Strict) {
			return d.keep(p, f, start, depth, alt, true, "not a time")
		}
		rec.Time = t
		rec.timeLayout = uint8(layout)
		if layout != aztime.LayoutISO {
			rec.Quirks |= QuirkTimeLayout
		}
	case fCallerIPAddress:
		b, ok := stringBytes(p)
		if !ok {
			return d.keep(p, f, start, depth, alt, false, "not a string")
		}
		ip, addr, port, brackets, hasPort := splitPort(b)
		rec.CallerIPAddress = d.in.Recent(&d.fieldLast[f], addr)
		rec.CallerIP, rec.CallerPort, rec.callerPort, rec.callerBrackets = ip, port, hasPort, brackets
	case fResourceID, fTenantID, fOperationName, fOperationVersion, fCategory, fResultDescription,
		fLocation:
		b, ok := stringBytes(p)
		if !ok {
			return d.keep(p, f, start, depth, alt, false, "not a string")
		}
		s := d.in.Recent(&d.fieldLast[f], b)
		switch f {
		case fResourceID:
			rec.ResourceID = s
		case fTenantID:
			rec.TenantID = s
		case fOperationName:
			rec.OperationName = s
		case fOperationVersion:
			rec.OperationVersion = s
		case fCategory:
			rec.CategoryName = s
		case fResultDescription:
			rec.ResultDescription = s
		case fLocation:
			rec.Location = s
		}
	case fResultType, fResultSignature:
		var b []byte
		switch p.Peek() {
		case jsontok.String:
			b, _ = p.ReadString()
		case jsontok.Number:
			if d.drv.Cfg.Strict && f == fResultType {
				return d.keep(p, f, start, depth, alt, false, "not a string")
			}
			b, _ = p.ReadNumber()
			if !alt {
				rec.num |= bit(f)
			}
			rec.Quirks |= QuirkResultNumber
		default:
			return d.keep(p, f, start, depth, alt, false, "not a string")
		}
		s := d.in.Recent(&d.fieldLast[f], b)
		if f == fResultType {
			rec.ResultType = s
		} else {
			rec.ResultSignature = s
		}
	case fCorrelationID:
		b, ok := stringBytes(p)
		if !ok {
			return d.keep(p, f, start, depth, alt, false, "not a string")
		}
		if id, ok := azlogs.ParseIDBytes(b); ok {
			rec.CorrelationID = id
		} else {
			rec.CorrelationID = azlogs.TextID(d.in.Recent(&d.fieldLast[f], b))
		}
	case fDurationMs:
		v, asString, ok, consumed := decoding.Int(p, d.drv.Cfg.Strict)
		if !ok {
			return d.keep(p, f, start, depth, alt, consumed, "not an integer")
		}
		rec.DurationMs = azlogs.NewOptInt(v)
		if asString {
			rec.Quirks |= QuirkDurationString
		}
	case fLevel:
		l, numeric, ok, consumed := decoding.Level(p, d.drv.Cfg.Strict)
		if !ok {
			return d.keep(p, f, start, depth, alt, consumed, "not a level")
		}
		rec.Level = l
		if numeric {
			rec.Quirks |= QuirkLevelNumber
		}
	case fIdentity:
		switch p.Peek() {
		case jsontok.Object:
			if !d.identity(p, &rec.Identity) {
				return d.keep(p, f, start, depth, alt, true, "not an identity")
			}
		case jsontok.String:
			b, _ := p.ReadString()
			if len(b) > 0 && b[0] == '{' && !d.drv.Cfg.Strict {
				s := d.scratch.Reader()
				s.ResetBytes(d.scratch.Chunk(b), start)
				ok := d.identity(s, &rec.Identity) && s.AtEOF()
				d.scratch.Release()
				if ok {
					rec.Quirks |= QuirkIdentityString
					break
				}
				rec.Identity = Identity{Claims: rec.Identity.Claims[:0], Members: rec.Identity.Members[:0]}
			}
			rec.Identity.Text = d.in.Bytes(b)
		default:
			return d.keep(p, f, start, depth, alt, false, "not an object or a string")
		}
	case fProperties:
		if !d.drv.Cfg.Strict && quotedObjectAhead(p.Rest()) {
			if !d.quotedProperties(p, start) {
				return false
			}
			s := d.scratch.Reader()
			s.ResetBytes(d.scratch.LastChunk(), start)
			ok := d.properties(s)
			d.scratch.Release()
			return ok
		}
		switch p.Peek() {
		case jsontok.Object:
			if !d.properties(p) {
				return d.keep(p, f, start, depth, alt, true, "not an object")
			}
		case jsontok.String:
			b, _ := p.ReadString()
			if d.drv.Cfg.Strict {
				return d.keep(p, f, start, depth, alt, true, "not an object")
			}
			if quotedObjectAhead(b) {
				var n int
				var ok bool
				d.tmp, n, ok = repairQuoted(d.tmp[:0], b)
				if !ok || !onlySpace(b[n:]) {
					return d.keep(p, f, start, depth, alt, true, "not an object")
				}
				b = d.tmp
				rec.Quirks |= QuirkSingleQuoted
			} else if len(b) == 0 || b[0] != '{' {
				return d.keep(p, f, start, depth, alt, true, "not an object")
			}
			s := d.scratch.Reader()
			s.ResetBytes(d.scratch.Chunk(b), start)
			ok := d.properties(s) && s.AtEOF()
			d.scratch.Release()
			if !ok {
				rec.Properties.Members = rec.Properties.Members[:0]
				d.early = CategoryUnknown
				return d.keep(p, f, start, depth, alt, true, "not an object")
			}
			rec.Quirks |= QuirkPropertiesString
		default:
			return d.keep(p, f, start, depth, alt, false, "not an object")
		}
	}
	return p.Err() == nil
}

// splitPort splits a caller address with a port (192.0.2.1:443,
// [2001:db8::1]:443) into the address, without brackets, and the port. It
// splits only what it can write back byte for byte: an IPv4 address or a
// bracketed IPv6 address, and a port in plain decimal. Anything else is
// returned whole, with hasPort false.
func splitPort(b []byte) (ip netip.Addr, addr []byte, port uint16, brackets, hasPort bool) {
	ip, port, ok := netaddr.ParseCallerIP(b)
	if !ok {
		return ip, b, 0, false, false
	}
	j := bytes.LastIndexByte(b, ':')
	if j < 0 || (b[0] != '[' && !ip.Is4()) || b[j-1] == ':' {
		return ip, b, 0, false, false
	}
	var digits [5]byte
	if d := strconv.AppendUint(digits[:0], uint64(port), 10); string(d) != string(b[j+1:]) {
		return ip, b, 0, false, false
	}
	if b[0] == '[' {
		if b[j-1] != ']' {
			return ip, b, 0, false, false
		}
		return ip, b[1 : j-1], port, true, true
	}
	if bytes.IndexByte(b[:j], '/') >= 0 {
		return ip, b, 0, false, false
	}
	return ip, b[:j], port, false, true
}

// quotedProperties repairs the bare single-quoted object at start into a
// chunk (the last one) and moves p past it.
func (d *Decoder) quotedProperties(p *jsontok.Reader, start int64) bool {
	rest := p.Rest()
	var n int
	var ok bool
	d.tmp, n, ok = repairQuoted(d.tmp[:0], rest)
	if !ok {
		p.Fail(start, "diagnostics: properties: unterminated single-quoted object", azlogs.ErrSyntax)
		return false
	}
	// The repair only changes quotes: what it gives must be JSON, or the
	// record is rejected.
	s := d.scratch.Reader()
	s.ResetBytes(d.tmp, start)
	ok = s.Skip() && s.AtEOF()
	d.scratch.Release()
	if !ok {
		p.Fail(start, "diagnostics: properties: single-quoted object is not an object once repaired", azlogs.ErrSyntax)
		return false
	}
	d.scratch.Chunk(d.tmp)
	p.Rewind(start+int64(n), p.Depth())
	d.rec.Quirks |= QuirkSingleQuoted
	return true
}

// stringBytes reads a string value; ok is false (nothing consumed) if the
// value is not a string. It writes out what Reader.IsString does, which
// is not inlined: calling IsString whenever Lead sees no quote measured
// 1.2% slower (A/B, 7 rounds), though strings are what these fields hold.
func stringBytes(p *jsontok.Reader) ([]byte, bool) {
	if c := p.Lead(); c != '"' && (c > ' ' || p.Peek() != jsontok.String) {
		return nil, false
	}
	return p.Str()
}

func (d *Decoder) identity(p *jsontok.Reader, id *Identity) bool {
	if !p.BeginObject() {
		return false
	}
	for {
		key, ok := p.Key()
		if !ok {
			break
		}
		name := d.in.Recent(&d.idNames, key)
		start := decoding.ValueStart(p)
		isClaims := p.PeekFast() == '{' && (name == "claim" || name == "claims")
		if isClaims {
			// A caller's claims come back record after record, byte for
			// byte: the memo turns them into one comparison, made
			// before the object is read (an object's bytes end where
			// they end, whatever follows).
			if v, n, ok := d.claimsMemo.Find(p.RestBytes()); ok && p.SkipTo(start+int64(n), v.members) {
				id.Members = append(id.Members, azlogs.Member{Name: name, Value: p.Bytes(start, p.Offset())})
				id.Claims = append(id.Claims, v.claims...)
				continue
			}
		}
		members, repairs := p.Members(), p.Repairs
		if !p.Skip() {
			return false
		}
		raw := azlogs.RawJSON(p.Bytes(start, p.Offset()))
		id.Members = append(id.Members, azlogs.Member{Name: name, Value: raw})
		if isClaims {
			first := len(id.Claims)
			d.readClaims(raw, id)
			if p.Repairs != repairs {
				continue // bytes that needed a repair are not remembered
			}
			if v := d.claimsMemo.Put(raw); v != nil {
				v.claims = append(v.claims[:0], id.Claims[first:]...)
				v.members = p.Members() - members
			}
		}
	}
	return p.Err() == nil
}

// readClaims reads the string members of a claims object.
func (d *Decoder) readClaims(raw azlogs.RawJSON, id *Identity) {
	s := d.scratch.Reader()
	defer d.scratch.Release()
	s.ResetBytes(raw, 0)
	if !s.BeginObject() {
		return
	}
	for {
		key, ok := s.Key()
		if !ok {
			return
		}
		if s.Peek() != jsontok.String {
			if !s.Skip() {
				return
			}
			continue
		}
		n := len(id.Claims)
		var c Claim
		if n < maxClaimSlots {
			c.Name = d.in.Slot(&d.claimLast[2*n], key)
		} else {
			c.Name = d.in.Bytes(key)
		}
		b, _ := s.ReadString()
		if n < maxClaimSlots {
			c.Value = d.in.Slot(&d.claimLast[2*n+1], b)
		} else {
			c.Value = d.in.Bytes(b)
		}
		id.Claims = append(id.Claims, c)
	}
}

// properties reads the members of properties. When the record has named a
// typed category already, it fills the category's view on the way, reading
// each value it has a setter for once; otherwise finish fills the view from
// the members.
func (d *Decoder) properties(p *jsontok.Reader) bool {
	props := &d.rec.Properties
	props.Members = props.Members[:0]
	d.early = CategoryUnknown
	cat := CategoryUnknown
	if d.rec.CategoryName != "" {
		cat = d.category(d.rec.CategoryName, d.rec.ResourceID)
	}
	if cat == CategoryUnknown {
		return d.rawProperties(p)
	}
	w, view := categories[cat].view, d.view(cat)
	if !p.BeginObject() {
		return false
	}
	var ok bool
	props.Members, ok = w.readProps(d, p, view, d.shape(cat), props.Members)
	if !ok || p.Err() != nil {
		return false
	}
	d.early = cat
	return true
}

// readProps reads the members of properties, after its '{', into ms and
// view v: the loop of Decoder.properties, a method of the view so that
// each setter is called directly. It returns false on a syntax error.
func (w *view[T]) readProps(d *Decoder, p *jsontok.Reader, a any, sh *shape, ms []azlogs.Member) ([]azlogs.Member, bool) {
	w.once.Do(w.build)
	view, sets := a.(*T), w.propSet
	v := &d.val
	for {
		n := len(ms)
		var name string
		i := -1
		if n < maxNameSlots && sh.plain[n] && p.KeyIs(sh.names[n]) {
			// The member the last record of the category had here.
			name = sh.names[n]
			i = int(sh.setter[n]) - 1
		} else {
			key, ok := p.Key()
			if !ok {
				break
			}
			switch {
			case n >= maxNameSlots:
				name = d.in.Bytes(key)
				i = w.lookup(false, name)
			case sh.names[n] == string(key):
				name = sh.names[n]
				i = int(sh.setter[n]) - 1
			default:
				name = d.in.Slot(&d.nameLast[n], key)
				i = sh.learnProp(w, n, name)
			}
		}
		c := p.Lead()
		if c <= ' ' {
			c = byte(p.PeekFast())
		}
		start := p.Offset()
		if i < 0 {
			if _, ok := skip(p); !ok {
				return ms, false
			}
			ms = addMember(ms, name, p.Bytes(start, p.Offset()))
			continue
		}
		v.name, v.top, v.kind, v.body = name, false, jsontok.Invalid, nil
		var ok bool
		switch {
		case c == '"':
			v.body, ok = p.Str()
			v.kind = jsontok.String
		case c == '-' || c >= '0' && c <= '9':
			v.body, ok = p.ReadNumber()
			v.kind = jsontok.Number
		default:
			ok = p.Skip()
		}
		if !ok {
			return ms, false
		}
		v.raw = p.Bytes(start, p.Offset())
		ms = addMember(ms, name, v.raw)
		sets[i](view, v)
		v.body = nil
	}
	return ms, true
}

// skip moves p past the next value, reading a string on the fast path;
// plain reports a string without escapes, whose contents are the bytes
// between its quotes.
func skip(p *jsontok.Reader) (plain, ok bool) {
	if p.Lead() == '"' {
		start := p.Offset()
		b, ok := p.Str()
		// Unescaping shortens a string: the same length means none.
		return ok && int64(len(b)) == p.Offset()-start-2, ok
	}
	return false, p.Skip()
}

// addMember appends a member to ms, writing its fields in place.
func addMember(ms []azlogs.Member, name string, raw []byte) []azlogs.Member {
	n := len(ms)
	if n == cap(ms) {
		ms = append(ms, azlogs.Member{})
	}
	ms = ms[:n+1]
	m := &ms[n]
	m.Name, m.Value = name, raw
	return ms
}

// rawProperties reads the members of properties, keeping their values as
// they are.
func (d *Decoder) rawProperties(p *jsontok.Reader) bool {
	props := &d.rec.Properties
	if !p.BeginObject() {
		return false
	}
	for {
		key, ok := p.Key()
		if !ok {
			break
		}
		var name string
		if n := len(props.Members); n < maxNameSlots {
			name = d.in.Slot(&d.nameLast[n], key)
		} else {
			name = d.in.Bytes(key)
		}
		start := decoding.ValueStart(p)
		if _, ok := skip(p); !ok {
			return false
		}
		props.Members = addMember(props.Members, name, p.Bytes(start, p.Offset()))
	}
	return p.Err() == nil
}

// finish resolves what depends on several members once all are read.
func (d *Decoder) finish() {
	rec := &d.rec
	rec.Category = d.category(rec.CategoryName, rec.ResourceID)
	if c := rec.Category; c != CategoryUnknown {
		w := categories[c].view
		var v any
		if d.early == c {
			// properties filled the view already: add the top-level
			// members.
			v = d.views[c]
			projectTop(w, v, rec, d, d.shape(c))
		} else {
			v = d.view(c)
			project(w, v, rec, d, d.shape(c))
		}
		rec.Properties.view = v
	}
	rec.resolve()
}

// project fills view v from the record's properties and top-level
// members. sh, when not nil, remembers the members' setters.
func project(w viewer, v any, rec *Record, d *Decoder, sh *shape) {
	w.projectProps(d, v, rec, sh)
	projectTop(w, v, rec, d, sh)
}

// projectProps is the loop of project over properties, a method of the
// view so that each setter is called directly (as readProps does).
func (w *view[T]) projectProps(d *Decoder, a any, rec *Record, sh *shape) {
	w.once.Do(w.build)
	view, sets := a.(*T), w.propSet
	for i := range rec.Properties.Members {
		m := &rec.Properties.Members[i]
		var k int
		switch {
		case sh == nil || i >= maxNameSlots:
			k = w.lookup(false, m.Name)
		case sh.names[i] == m.Name:
			k = int(sh.setter[i]) - 1
		default:
			k = sh.learnProp(w, i, m.Name)
		}
		if k >= 0 {
			d.val = value{raw: m.Value, d: d, name: m.Name}
			sets[k](view, &d.val)
		}
	}
}

// projectTop fills view v from the record's top-level members.
func projectTop(w viewer, v any, rec *Record, d *Decoder, sh *shape) {
	if w.hasTop() {
		w.projectTop(d, v, rec, sh)
	}
}

// projectTop is the loop of the function of that name, a method of the
// view so that each setter is called directly (as readProps does).
func (w *view[T]) projectTop(d *Decoder, a any, rec *Record, sh *shape) {
	w.once.Do(w.build)
	view, sets := a.(*T), w.topSet
	for i := range rec.Extra {
		m := &rec.Extra[i]
		var k int
		switch {
		case sh == nil || i >= maxTopSlots:
			k = w.lookup(true, m.Name)
		case sh.top[i] == m.Name:
			k = int(sh.topSetter[i]) - 1
		default:
			k = w.lookup(true, m.Name)
			sh.top[i], sh.topSetter[i] = m.Name, int16(k+1)
		}
		if k >= 0 {
			d.val = value{raw: m.Value, d: d, name: m.Name, top: true}
			if i < 64 && d.extraPlain>>i&1 != 0 {
				d.val.kind, d.val.body = jsontok.String, m.Value[1:len(m.Value)-1]
			}
			sets[k](view, &d.val)
		}
	}
}

// resolve computes the normalized outcome and caller IP.
func (rec *Record) resolve() {
	switch {
	case rec.ResultType != "":
		rec.result = azlogs.ParseResult([]byte(rec.ResultType))
	case rec.ResultSignature != "":
		rec.result = azlogs.ParseResult([]byte(rec.ResultSignature))
	}
	// CallerIP was read with callerIpAddress.
	if !rec.CallerIP.IsValid() {
		if v, ok := rec.Properties.view.(clientIPView); ok {
			rec.CallerIP = v.clientIP()
		}
	}
}

// callerClaims are the claims and identity members that name the caller,
// best first.
var callerClaims = [...]string{
	"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
	"upn",
	"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
	"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
	"unique_name",
	"appid",
	"http://schemas.microsoft.com/identity/claims/objectidentifier",
	"oid",
}

func (rec *Record) findCaller() string {
	for _, name := range callerClaims {
		if v, ok := rec.Identity.Claim(name); ok && v != "" {
			return v
		}
	}
	if rec.Identity.Text != "" {
		return rec.Identity.Text
	}
	if v, ok := rec.Properties.view.(callerView); ok {
		return v.caller()
	}
	return ""
}

// reset empties the record, keeping the capacity of its slices.
func (rec *Record) reset() {
	extra := rec.Extra[:0]
	claims := rec.Identity.Claims[:0]
	idMembers := rec.Identity.Members[:0]
	members := rec.Properties.Members[:0]
	*rec = Record{}
	rec.Extra = extra
	rec.Identity.Claims = claims
	rec.Identity.Members = idMembers
	rec.Properties.Members = members
}
