package activity

import (
	"bytes"
	"io"
	"iter"
	"net/netip"
	"time"

	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/internal/aztime"
	"github.com/azlogs/azlogs/internal/decoding"
	"github.com/azlogs/azlogs/internal/intern"
	"github.com/azlogs/azlogs/internal/jsontok"
	"github.com/azlogs/azlogs/internal/netaddr"
)

// Decoder reads activity log records from a stream in any framing: JSON
// lines (PT1H.json), a {"records":[…]} envelope (Event Hubs), a bare array,
// or a REST page ({"value":[…],"nextLink":…}). Each record may be in
// either form; the decoder tells them apart per record.
//
// A Decoder is not safe for concurrent use; run one per goroutine. Reuse
// one with Reset rather than making one per message: it keeps the strings
// and the callers' tokens it has seen, in caches that grow with the variety
// of the input up to a bound (about 10 MiB for the busiest streams).
type Decoder struct {
	drv     jsontok.Driver
	rec     Record
	in      intern.Table
	parseFn func(*jsontok.Reader) bool
	scratch decoding.Scratch
	val     value // the property value being projected; kept here so it does not escape per call

	// claimsMemo maps the bytes of a claims object to its claims: a
	// token's claims repeat in every record its holder writes.
	claimsMemo intern.Memo[memoClaims]
	// evidenceMemo maps the bytes of an evidence object to its value: it
	// names the caller's role assignment, the same across resources.
	evidenceMemo intern.Memo[memoEvidence]

	lastResultWord, lastIPText string // the last result word and caller IP text parsed
	lastResult                 azlogs.Result
	lastIP                     netip.Addr

	// The last value read at each place, tried before the intern table.
	fieldLast [numFields]string
	claimLast [2 * maxClaimSlots]string
	nameLast  [32]string // names of kept members, by position
}

// memoClaims is what the decoder remembers of a claims object.
type memoClaims struct {
	claims  []Claim
	caller  string // the caller the claims name
	members int    // the object members in the claims (see jsontok.Reader.SkipTo)
}

// memoEvidence is what evidenceMemo remembers of an evidence object.
type memoEvidence struct {
	ev      Evidence
	members int
}

// maxClaimSlots is how many claims, by position, remember their last
// name and value.
const maxClaimSlots = 64

// NewDecoder returns a decoder reading from r.
func NewDecoder(r io.Reader, opts ...azlogs.Option) *Decoder {
	d := &Decoder{}
	d.evidenceMemo.Size = 4096
	d.evidenceMemo.Prefix = 192
	d.claimsMemo.Size = 2048
	d.claimsMemo.Prefix = 256
	d.drv.Cfg = azlogs.NewConfig(opts...)
	d.scratch.Configure(&d.drv.Cfg)
	d.drv.Stream.RecordKey = func(name []byte) bool { return exactField(name) != fNone || foldField(name) != fNone }
	d.parseFn = d.parse
	d.drv.Reset(r)
	return d
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
// values are borrowed. Use Record().Clone() to keep it.
func (d *Decoder) Record() *Record { return &d.rec }

// Err returns the error that stopped Next, or nil at the end of the input.
// It is a *azlogs.SyntaxError.
func (d *Decoder) Err() error { return d.drv.Err() }

// InputOffset returns how many bytes of input have been consumed.
func (d *Decoder) InputOffset() int64 { return d.drv.Stream.Offset() }

// Position returns where the current record begins in the input: its
// byte offset, line and column. Computing the line costs a scan of the
// buffered input, so call it when you need it (to report a problem), not
// for every record.
func (d *Decoder) Position() azlogs.Position { return d.drv.Stream.Position(d.drv.Cur.Start) }

// NextLink returns the nextLink of a REST page once the decoder has read
// past it, or "". Microsoft's API writes it after the records.
func (d *Decoder) NextLink() string { return string(d.drv.Stream.NextLink()) }

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

// field names a top-level member (or, for claims and authorization, a REST
// member that the export form nests under identity).
type field uint8

const (
	fNone field = iota
	fTime
	fEventTimestamp
	fSubmissionTimestamp
	fResourceID
	fOperationName
	fCategory
	fResultType
	fResultSignature
	fResultDescription
	fDescription
	fDurationMs
	fCallerIPAddress
	fCorrelationID
	fIdentity
	fLevel
	fLocation
	fProperties
	fTenantID
	fOperationVersion
	fEventDataID
	fCaller
	fChannels
	fClaims
	fAuthorization
	fEventName
	fID
	fOperationID
	fResourceGroupName
	fResourceProviderName
	fResourceType
	fStatus
	fSubStatus
	fSubscriptionID
	fHTTPRequest
	fRelatedEvents
	numFields
)

// fieldNames are the members' names as the schema spells them.
var fieldNames = [numFields]string{
	fTime: "time", fEventTimestamp: "eventTimestamp", fSubmissionTimestamp: "submissionTimestamp",
	fResourceID: "resourceId", fOperationName: "operationName", fCategory: "category",
	fResultType: "resultType", fResultSignature: "resultSignature", fResultDescription: "resultDescription",
	fDescription: "description", fDurationMs: "durationMs", fCallerIPAddress: "callerIpAddress",
	fCorrelationID: "correlationId", fIdentity: "identity", fLevel: "level", fLocation: "location",
	fProperties: "properties", fTenantID: "tenantId", fOperationVersion: "operationVersion",
	fEventDataID: "eventDataId", fCaller: "caller", fChannels: "channels", fClaims: "claims",
	fAuthorization: "authorization", fEventName: "eventName", fID: "id", fOperationID: "operationId",
	fResourceGroupName: "resourceGroupName", fResourceProviderName: "resourceProviderName",
	fResourceType: "resourceType", fStatus: "status", fSubStatus: "subStatus",
	fSubscriptionID: "subscriptionId", fHTTPRequest: "httpRequest", fRelatedEvents: "relatedEvents",
}

// restOnly marks the members whose presence means the REST form.
const restOnly = 1<<fEventTimestamp | 1<<fSubmissionTimestamp | 1<<fCaller | 1<<fChannels | 1<<fClaims |
	1<<fAuthorization | 1<<fEventName | 1<<fStatus | 1<<fSubStatus | 1<<fResourceProviderName |
	1<<fResourceType | 1<<fHTTPRequest

var (
	exactNames = intern.NewNames(fieldNames[:], false)
	foldNames  = intern.NewNames(lowerNames(fieldNames[:]), true)
)

func lowerNames(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = decoding.LowerASCII(n)
	}
	return out
}

// exactField finds the field named key as the schema spells it.
func exactField(key []byte) field {
	f, _ := exactNames.Lookup(key)
	return field(f)
}

// foldField finds the field whose name equals key but for letter case.
func foldField(key []byte) field {
	f, _ := foldNames.Lookup(key)
	return field(f)
}

func bit(f field) uint64 { return 1 << f }

func (d *Decoder) parse(p *jsontok.Reader) bool {
	rec := &d.rec
	rec.reset()
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
		name := d.in.Bytes(key)
		start := decoding.ValueStart(p)
		if !p.Skip() {
			return false
		}
		raw := azlogs.RawJSON(p.Bytes(start, p.Offset()))
		rec.Extra = append(rec.Extra, azlogs.Member{Name: name, Value: raw})
		if f := foldField(key); f != fNone {
			// The same member under another spelling (Level, ResourceId):
			// kept as it was, and read if the schema's spelling is absent.
			rec.Quirks |= QuirkKeyCase
			if rec.has&bit(f) == 0 {
				s := d.scratch.Reader()
				s.ResetBytes(raw, start)
				if d.field(s, f, true) {
					rec.alt |= bit(f)
				} else if s.Err() != nil && d.drv.Cfg.Strict {
					p.Fail(s.Err().Offset, s.Err().Msg, s.Err().Err)
					d.scratch.Release()
					return false
				}
				d.scratch.Release()
			}
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
		p.Fail(start, "member "+fieldNames[f]+": "+why, azlogs.ErrType)
		return false
	}
	if !p.Skip() {
		return false
	}
	if alt {
		// The member is in Extra already; the field stays empty.
		return false
	}
	raw := bytes.TrimLeft(p.Bytes(start, p.Offset()), " \t\r\n")
	d.rec.Extra = append(d.rec.Extra, azlogs.Member{Name: fieldNames[f], Value: raw})
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
	start := p.Offset() // may be before white space; keep trims it
	depth := p.Depth()
	if !alt {
		rec.has |= bit(f)
		rec.alt &^= bit(f)
		if restOnly&bit(f) != 0 {
			rec.Form = FormREST
		}
	}
	switch f {
	case fTime, fEventTimestamp, fSubmissionTimestamp:
		b, ok := d.stringBytes(p)
		if !ok {
			return d.keep(p, f, start, depth, alt, false, "not a string")
		}
		t, _, ok := aztime.Parse(b)
		if !ok {
			return d.keep(p, f, start, depth, alt, true, "not a time")
		}
		if f == fSubmissionTimestamp {
			rec.SubmissionTime = t
		} else {
			rec.Time = t
		}
	case fResourceID, fResultType, fResultSignature, fResultDescription, fDescription, fCallerIPAddress,
		fLocation, fTenantID, fOperationVersion, fCaller, fChannels, fID, fResourceGroupName, fSubscriptionID:
		b, ok := d.stringBytes(p)
		s := d.in.Slot(&d.fieldLast[f], b)
		if !ok {
			return d.keep(p, f, start, depth, alt, false, "not a string")
		}
		switch f {
		case fResourceID:
			rec.ResourceID = s
		case fResultType:
			rec.ResultType = s
		case fResultSignature:
			rec.ResultSignature = s
		case fResultDescription, fDescription:
			rec.Description = s
		case fCallerIPAddress:
			rec.CallerIPAddress = s
		case fLocation:
			rec.Location = s
		case fTenantID:
			rec.TenantID = s
		case fOperationVersion:
			rec.OperationVersion = s
		case fCaller:
			rec.Caller = s
		case fChannels:
			rec.Channels = s
		case fID:
			rec.ID = s
		case fResourceGroupName:
			rec.ResourceGroupName = s
		case fSubscriptionID:
			rec.SubscriptionID = s
		}
	case fCorrelationID, fEventDataID, fOperationID:
		id, ok := d.id(p)
		if !ok {
			return d.keep(p, f, start, depth, alt, false, "not a string")
		}
		switch f {
		case fCorrelationID:
			rec.CorrelationID = id
		case fEventDataID:
			rec.EventDataID = id
		default:
			rec.OperationID = id
		}
	case fOperationName, fCategory, fEventName, fResourceProviderName, fResourceType, fStatus, fSubStatus:
		var ls LocalizableString
		switch p.Peek() {
		case jsontok.String:
			b, _ := p.ReadString()
			ls.Value = d.in.Slot(&d.fieldLast[f], b)
		case jsontok.Object:
			var ok bool
			if ls, ok = d.localizable(p); !ok {
				return d.keep(p, f, start, depth, alt, true, "not a name pair")
			}
			if !alt {
				rec.Form = FormREST
			}
		default:
			return d.keep(p, f, start, depth, alt, false, "not a string or a name pair")
		}
		switch f {
		case fOperationName:
			rec.OperationName = ls
		case fCategory:
			rec.CategoryName = ls
		case fEventName:
			rec.EventName = ls
		case fResourceProviderName:
			rec.ResourceProviderName = ls
		case fResourceType:
			rec.ResourceType = ls
		case fStatus:
			rec.Status = ls
		case fSubStatus:
			rec.SubStatus = ls
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
			if !d.drv.Cfg.Strict && len(b) > 0 && b[0] == '{' {
				s := d.scratch.Reader()
				s.ResetBytes(d.scratch.Chunk(b), start)
				ok := d.identity(s, &rec.Identity) && s.AtEOF()
				d.scratch.Release()
				if ok {
					rec.Quirks |= QuirkIdentityString
					break
				}
				rec.Identity = Identity{Claims: rec.Identity.Claims[:0], Extra: rec.Identity.Extra[:0]}
			}
			rec.Identity.Text = d.in.Bytes(b)
		default:
			return d.keep(p, f, start, depth, alt, false, "not an object or a string")
		}
	case fClaims:
		if !d.claims(p, &rec.Identity) {
			return d.keep(p, f, start, depth, alt, true, "not an object")
		}
	case fAuthorization:
		if !d.authorization(p, &rec.Identity.Authorization) {
			return d.keep(p, f, start, depth, alt, true, "not an object")
		}
	case fProperties:
		switch p.Peek() {
		case jsontok.Object:
			if !d.properties(p) {
				return d.keep(p, f, start, depth, alt, true, "not an object")
			}
		case jsontok.String:
			b, _ := p.ReadString()
			if d.drv.Cfg.Strict || len(b) == 0 || b[0] != '{' {
				return d.keep(p, f, start, depth, alt, true, "not an object")
			}
			s := d.scratch.Reader()
			s.ResetBytes(d.scratch.Chunk(b), start)
			ok := d.properties(s) && s.AtEOF()
			d.scratch.Release()
			if !ok {
				rec.Properties.Members = rec.Properties.Members[:0]
				return d.keep(p, f, start, depth, alt, true, "not an object")
			}
			rec.Quirks |= QuirkPropertiesString
		default:
			return d.keep(p, f, start, depth, alt, false, "not an object")
		}
	case fHTTPRequest:
		if !d.httpRequest(p, &rec.HTTPRequest) {
			return d.keep(p, f, start, depth, alt, true, "not an object")
		}
	case fRelatedEvents:
		start = decoding.ValueStart(p)
		if !p.Skip() {
			return false
		}
		rec.RelatedEvents = p.Bytes(start, p.Offset())
	}
	return p.Err() == nil
}

// stringBytes reads a string value; ok is false (nothing consumed) if the
// value is not a string.
func (d *Decoder) stringBytes(p *jsontok.Reader) ([]byte, bool) {
	return p.Str()
}

// str reads a string value as an interned string.
func (d *Decoder) str(p *jsontok.Reader) (string, bool) {
	b, ok := d.stringBytes(p)
	if !ok {
		return "", false
	}
	return d.in.Bytes(b), true
}

// id reads a string value as an ID.
func (d *Decoder) id(p *jsontok.Reader) (azlogs.ID, bool) {
	b, ok := d.stringBytes(p)
	if !ok {
		return azlogs.ID{}, false
	}
	if id, ok := azlogs.ParseIDBytes(b); ok {
		return id, true
	}
	return azlogs.TextID(d.in.Bytes(b)), true
}

// localizable reads a {"value","localizedValue"} pair. It returns false,
// with the value partly read, if the object has other members or types.
func (d *Decoder) localizable(p *jsontok.Reader) (LocalizableString, bool) {
	var ls LocalizableString
	if !p.BeginObject() {
		return ls, false
	}
	for {
		key, ok := p.Key()
		if !ok {
			break
		}
		switch string(key) {
		case "value":
			switch p.Peek() {
			case jsontok.Null:
				p.ReadNull()
				ls.Null = true
			case jsontok.String:
				ls.Value, _ = d.str(p)
			default:
				return ls, false
			}
		case "localizedValue":
			if p.Peek() != jsontok.String {
				return ls, false
			}
			ls.LocalizedValue, _ = d.str(p)
			ls.HasLocalized = true
		default:
			return ls, false
		}
	}
	return ls, p.Err() == nil
}

// member reads one member that is kept as it is, name and raw value, at
// the end of *extra.
func (d *Decoder) member(p *jsontok.Reader, key []byte, extra *[]azlogs.Member) bool {
	var name string
	if n := len(*extra); n < len(d.nameLast) {
		name = d.in.Slot(&d.nameLast[n], key)
	} else {
		name = d.in.Bytes(key)
	}
	start := decoding.ValueStart(p)
	if !p.Skip() {
		return false
	}
	*extra = append(*extra, azlogs.Member{Name: name, Value: p.Bytes(start, p.Offset())})
	return true
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
		switch {
		case string(key) == "claims" && p.Peek() == jsontok.Object:
			if !d.claims(p, id) {
				return false
			}
		case string(key) == "authorization" && p.Peek() == jsontok.Object:
			if !d.authorization(p, &id.Authorization) {
				return false
			}
		default:
			if !d.member(p, key, &id.Extra) {
				return false
			}
		}
	}
	return p.Err() == nil
}

func (d *Decoder) claims(p *jsontok.Reader, id *Identity) bool {
	if len(id.Claims) == 0 && p.IsObjectStart() {
		rest := p.RestBytes()
		if cached, n, ok := d.claimsMemo.Find(rest); ok && p.SkipTo(p.Offset()+int64(n), cached.members) {
			// Copied, not shared: a caller may edit the record's claims
			// (to redact them, say) without touching the memo.
			id.Claims = append(id.Claims, cached.claims...)
			d.rec.claimsCaller = cached.caller
			return true
		}
		start, members, repairs := p.Offset(), p.Members(), p.Repairs
		if !d.parseClaims(p, id) {
			return false
		}
		d.rec.claimsCaller = claimsCaller(id.Claims)
		if p.Repairs != repairs {
			return true // bytes that needed a repair are not remembered
		}
		if saved := d.claimsMemo.Put(p.Bytes(start, p.Offset())); saved != nil {
			saved.claims = append(saved.claims[:0], id.Claims...)
			saved.caller = d.rec.claimsCaller
			saved.members = p.Members() - members
		}
		return true
	}
	if !d.parseClaims(p, id) {
		return false
	}
	d.rec.claimsCaller = claimsCaller(id.Claims)
	return true
}

func (d *Decoder) parseClaims(p *jsontok.Reader, id *Identity) bool {
	if !p.BeginObject() {
		return false
	}
	for {
		key, ok := p.Key()
		if !ok {
			break
		}
		n := len(id.Claims)
		var c Claim
		if n < maxClaimSlots {
			c.Name = d.in.Slot(&d.claimLast[2*n], key)
		} else {
			c.Name = d.in.Bytes(key)
		}
		if b, ok := p.Str(); ok {
			if n < maxClaimSlots {
				c.Value = d.in.Slot(&d.claimLast[2*n+1], b)
			} else {
				c.Value = d.in.Bytes(b)
			}
		} else {
			start := decoding.ValueStart(p)
			if !p.Skip() {
				return false
			}
			c.Value = d.in.Bytes(p.Bytes(start, p.Offset()))
			c.JSON = true
		}
		id.Claims = append(id.Claims, c)
	}
	return p.Err() == nil
}

func (d *Decoder) authorization(p *jsontok.Reader, a *Authorization) bool {
	if !p.BeginObject() {
		return false
	}
	for {
		key, ok := p.Key()
		if !ok {
			break
		}
		var dst *string
		switch string(key) {
		case "action":
			dst = &a.Action
		case "role":
			dst = &a.Role
		case "scope":
			dst = &a.Scope
		case "evidence":
			if p.Peek() == jsontok.Object {
				if !d.evidence(p, &a.Evidence) {
					return false
				}
				continue
			}
		}
		if dst != nil && p.IsString() {
			*dst, _ = d.str(p)
			continue
		}
		if !d.member(p, key, &a.Extra) {
			return false
		}
	}
	return p.Err() == nil
}

func (d *Decoder) evidence(p *jsontok.Reader, e *Evidence) bool {
	if len(e.Extra) > 0 || !p.IsObjectStart() {
		return d.parseEvidence(p, e)
	}
	if cached, n, ok := d.evidenceMemo.Find(p.RestBytes()); ok && p.SkipTo(p.Offset()+int64(n), cached.members) {
		*e = cached.ev
		e.Extra = e.Extra[:0]
		return true
	}
	start, members, repairs := p.Offset(), p.Members(), p.Repairs
	if !d.parseEvidence(p, e) {
		return false
	}
	if len(e.Extra) == 0 && p.Repairs == repairs {
		// Only an evidence without kept members, whose values borrow the
		// record's bytes, and whose bytes needed no repair (which a hit
		// would not count), can be remembered.
		if saved := d.evidenceMemo.Put(p.Bytes(start, p.Offset())); saved != nil {
			saved.ev = *e
			saved.ev.Extra = nil
			saved.members = p.Members() - members
		}
	}
	return true
}

func (d *Decoder) parseEvidence(p *jsontok.Reader, e *Evidence) bool {
	if !p.BeginObject() {
		return false
	}
	for {
		key, ok := p.Key()
		if !ok {
			break
		}
		var dst *string
		switch string(key) {
		case "role":
			dst = &e.Role
		case "roleAssignmentScope":
			dst = &e.RoleAssignmentScope
		case "roleAssignmentId":
			dst = &e.RoleAssignmentID
		case "roleDefinitionId":
			dst = &e.RoleDefinitionID
		case "principalId":
			dst = &e.PrincipalID
		case "principalType":
			dst = &e.PrincipalType
		}
		if dst != nil && p.IsString() {
			*dst, _ = d.str(p)
			continue
		}
		if !d.member(p, key, &e.Extra) {
			return false
		}
	}
	return p.Err() == nil
}

func (d *Decoder) httpRequest(p *jsontok.Reader, h *HTTPRequest) bool {
	if !p.BeginObject() {
		return false
	}
	for {
		key, ok := p.Key()
		if !ok {
			break
		}
		if p.IsString() {
			switch string(key) {
			case "clientRequestId":
				h.ClientRequestID, _ = d.id(p)
				continue
			case "clientIpAddress":
				h.ClientIPAddress, _ = d.str(p)
				continue
			case "method":
				h.Method, _ = d.str(p)
				continue
			case "uri":
				h.URI, _ = d.str(p)
				continue
			}
		}
		if !d.member(p, key, &h.Extra) {
			return false
		}
	}
	return p.Err() == nil
}

func (d *Decoder) properties(p *jsontok.Reader) bool {
	props := &d.rec.Properties
	if !p.BeginObject() {
		return false
	}
	for {
		key, ok := p.Key()
		if !ok {
			break
		}
		if !d.member(p, key, &props.Members) {
			return false
		}
	}
	return p.Err() == nil
}

// finish resolves what depends on several members once all are read.
func (d *Decoder) finish() {
	rec := &d.rec
	props := &rec.Properties
	for i := range props.Members {
		if props.Members[i].Name == "eventCategory" {
			d.val = value{raw: props.Members[i].Value, d: d}
			props.EventCategory = d.val.str()
		}
	}
	rec.Category = rec.resolveCategory()
	if rec.Category != CategoryUnknown {
		d.project(&propLookup[rec.Category], props.Members)
	}
	// The result word and the caller's address repeat from record to
	// record; their strings are interned, so the last answer is found by
	// one comparison.
	word := rec.ResultType
	if word == "" {
		word = rec.Status.Value
	}
	if word != d.lastResultWord {
		d.lastResultWord, d.lastResult = word, azlogs.ParseResult([]byte(word))
	}
	rec.result = d.lastResult
	ip := rec.CallerIPAddress
	if ip == "" {
		ip = rec.HTTPRequest.ClientIPAddress
	}
	if ip != "" {
		if ip != d.lastIPText {
			d.lastIPText = ip
			d.lastIP, _, _ = netaddr.ParseCallerIP([]byte(ip))
		}
		rec.CallerIP = d.lastIP
	}
	rec.caller = rec.findCaller()
}

// project fills the category's typed properties from members, and from the
// members of a nested eventProperties object.
func (d *Decoder) project(table *propTable, members []azlogs.Member) {
	props := &d.rec.Properties
	for i := range members {
		m := &members[i]
		if set := table.lookup([]byte(m.Name)); set != nil {
			d.val = value{raw: m.Value, d: d}
			set(props, &d.val)
			continue
		}
		if m.Name == "eventProperties" && m.Value.IsObject() {
			s := d.scratch.Reader()
			s.ResetBytes(m.Value, 0)
			if s.BeginObject() {
				for {
					key, ok := s.NextKey()
					if !ok {
						break
					}
					set := table.lookup(key)
					start := decoding.ValueStart(s)
					if !s.Skip() {
						break
					}
					if set != nil {
						d.val = value{raw: s.Bytes(start, s.Offset()), d: d}
						set(props, &d.val)
					}
				}
			}
			d.scratch.Release()
		}
	}
}

func (rec *Record) resolveCategory() Category {
	if rec.Properties.EventCategory != "" {
		if c := ParseCategory(rec.Properties.EventCategory); c != CategoryUnknown {
			return c
		}
	}
	if c := ParseCategory(rec.CategoryName.Value); c != CategoryUnknown {
		return c
	}
	if rec.Form == FormExport {
		// Older exports wrote the operation's kind as the category.
		switch rec.CategoryName.Value {
		case "Write", "Delete", "Action":
			return Administrative
		}
	}
	return CategoryUnknown
}

// callerClaims are the claims that name the caller, best first, as Azure
// picks the caller of REST events: e-mail, UPN, name, SPN, application.
var callerClaims = [...]string{
	"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
	"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
	"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
	"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/spn",
	"appid",
}

func (rec *Record) findCaller() string {
	if rec.Caller != "" {
		return rec.Caller
	}
	if rec.claimsCaller != "" {
		return rec.claimsCaller
	}
	if rec.Identity.Text != "" {
		return rec.Identity.Text
	}
	return rec.Identity.Authorization.Evidence.PrincipalID
}

// claimsCaller returns the value of the best claim naming the caller.
func claimsCaller(claims []Claim) string {
	best, rank := "", len(callerClaims)
	for i := range claims {
		c := &claims[i]
		if c.Value == "" || len(c.Name) < 5 {
			continue
		}
		for r := 0; r < rank; r++ {
			if c.Name == callerClaims[r] {
				best, rank = c.Value, r
				break
			}
		}
	}
	return best
}

// value is a property's raw value with the decoder's means to read it.
type value struct {
	raw azlogs.RawJSON
	d   *Decoder
}

func (v *value) str() string {
	s := v.d.scratch.Reader()
	defer v.d.scratch.Release()
	s.ResetBytes(v.raw, 0)
	switch s.Peek() {
	case jsontok.String:
		b, _ := s.ReadString()
		return v.d.in.Bytes(b)
	case jsontok.Null:
		return ""
	}
	return v.d.in.Bytes(v.raw)
}

func (v *value) id() azlogs.ID {
	s := v.d.scratch.Reader()
	defer v.d.scratch.Release()
	s.ResetBytes(v.raw, 0)
	id, _ := v.d.id(s)
	return id
}

func (v *value) time() time.Time {
	s := v.d.scratch.Reader()
	defer v.d.scratch.Release()
	s.ResetBytes(v.raw, 0)
	b, ok := v.d.stringBytes(s)
	if !ok {
		return time.Time{}
	}
	t, _, _ := aztime.Parse(b)
	return t
}

func (v *value) optInt() azlogs.OptInt {
	s := v.d.scratch.Reader()
	defer v.d.scratch.Release()
	s.ResetBytes(v.raw, 0)
	var b []byte
	switch s.Peek() {
	case jsontok.String:
		b, _ = s.ReadString()
	case jsontok.Number:
		b, _ = s.ReadNumber()
	}
	if n, ok := decoding.ParseInt(b); ok {
		return azlogs.NewOptInt(n)
	}
	return azlogs.OptInt{}
}

func (v *value) optBool() azlogs.OptBool {
	s := v.d.scratch.Reader()
	defer v.d.scratch.Release()
	s.ResetBytes(v.raw, 0)
	switch s.Peek() {
	case jsontok.True:
		return azlogs.OptBool{Value: true, Valid: true}
	case jsontok.False:
		return azlogs.OptBool{Valid: true}
	case jsontok.String:
		b, _ := s.ReadString()
		switch string(b) {
		case "true", "True", "TRUE":
			return azlogs.OptBool{Value: true, Valid: true}
		case "false", "False", "FALSE":
			return azlogs.OptBool{Valid: true}
		}
	}
	return azlogs.OptBool{}
}

// reset empties the record, keeping the capacity of its slices.
func (rec *Record) reset() {
	extra := rec.Extra[:0]
	claims := rec.Identity.Claims[:0]
	idExtra := rec.Identity.Extra[:0]
	aExtra := rec.Identity.Authorization.Extra[:0]
	eExtra := rec.Identity.Authorization.Evidence.Extra[:0]
	hExtra := rec.HTTPRequest.Extra[:0]
	members := rec.Properties.Members[:0]
	*rec = Record{}
	rec.Extra = extra
	rec.Identity.Claims = claims
	rec.Identity.Extra = idExtra
	rec.Identity.Authorization.Extra = aExtra
	rec.Identity.Authorization.Evidence.Extra = eExtra
	rec.HTTPRequest.Extra = hExtra
	rec.Properties.Members = members
}
