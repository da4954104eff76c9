package nsgflow

import (
	"iter"
	"net/netip"
	"sort"
	"time"

	"github.com/azlogs/azlogs"
)

// Kind says which of the two flow-log schemas a record follows.
type Kind uint8

const (
	// KindUnknown is a record with neither properties.flows nor flowRecords
	// and no category that names a kind.
	KindUnknown Kind = iota
	// KindNSG is an NSG flow log record (category
	// NetworkSecurityGroupFlowEvent, versions 1 and 2): tuples under
	// properties.flows[].flows[].flowTuples, grouped by rule, then by MAC.
	KindNSG
	// KindVNet is a VNet flow log record (category FlowLogFlowEvent,
	// version 4): tuples under flowRecords.flows[].flowGroups[].flowTuples,
	// grouped by ACL, then by rule.
	KindVNet
)

// String returns "nsg", "vnet" or "unknown".
func (k Kind) String() string {
	switch k {
	case KindNSG:
		return "nsg"
	case KindVNet:
		return "vnet"
	}
	return "unknown"
}

// The categories and operation names Azure writes.
const (
	// CategoryNSG is the category of NSG flow log records.
	CategoryNSG = "NetworkSecurityGroupFlowEvent"
	// CategoryVNet is the category of VNet flow log records.
	CategoryVNet = "FlowLogFlowEvent"
	// OperationNSG is the operationName of NSG flow log records.
	OperationNSG = "NetworkSecurityGroupFlowEvents"
	// OperationVNet is the operationName of VNet flow log records.
	OperationVNet = "FlowLogFlowEvent"
)

// Limits on one record, beyond which it is an error wrapping
// azlogs.ErrRecordTooLarge rather than a runaway allocation.
const (
	maxGroupsPerRec  = 1 << 20
	maxTuplesPerRec  = 1 << 26
	maxMembersPerRec = 1 << 16
)

// Record is one flow-log record: one resource (an NSG, or the target of a
// VNet flow log) over about one minute, with its tuples grouped by rule
// and NIC (NSG) or by ACL and rule (VNet).
//
// A Record returned by a Decoder is owned by it and valid until the next
// call to Next or Reset. Its string fields are safe to keep (they are
// interned, never overwritten). Extra values are borrowed. Use Clone to
// keep a whole record.
type Record struct {
	// Kind is the schema the record follows, from where its tuples are
	// (properties or flowRecords), else from its category.
	Kind Kind
	// Time is when the record was written (the member time), UTC. Its
	// tuples are up to about a minute older.
	Time time.Time
	// SystemID is the NSG's system GUID (NSG records), as written.
	SystemID string
	// MACAddress is the record-level macAddress: the NIC of a VNet record;
	// NSG records carry it in some blobs. Twelve hex digits, as written.
	MACAddress string
	// Category is NetworkSecurityGroupFlowEvent or FlowLogFlowEvent.
	Category string
	// ResourceID is the member resourceId: the NSG's ARM ID in upper case
	// (NSG); some VNet records repeat the target there.
	ResourceID string
	// OperationName is NetworkSecurityGroupFlowEvents or FlowLogFlowEvent.
	OperationName string
	// Version is properties.Version (NSG: 1 or 2) or flowLogVersion (VNet:
	// 4); 0 when absent. It sets the layout the tuples are read in.
	Version int
	// FlowLogGUID is the GUID of the FlowLog resource (VNet).
	FlowLogGUID string
	// FlowLogResourceID is the ARM ID of the FlowLog resource (VNet), in
	// upper case.
	FlowLogResourceID string
	// TargetResourceID is the ARM ID of the VNet, subnet or NIC that the
	// flow log watches (VNet), in mixed case.
	TargetResourceID string
	// Extra holds the top-level members that have no field, in order
	// (also a time that could not be parsed). Values are borrowed.
	Extra []azlogs.Member
	// PropertiesExtra holds the members of properties (NSG) or flowRecords
	// (VNet) other than Version and flows. Values are borrowed.
	PropertiesExtra []azlogs.Member

	seen     uint32          // fields present, by bit
	outers   []outer         // properties.flows[] or flowRecords.flows[]
	inners   []inner         // the groups, in order; each belongs to one outer
	members  []azlogs.Member // unknown members of inner objects
	omembers []azlogs.Member // unknown members of outer objects
	raw      []byte          // the record's bytes (borrowed from the decoder)
	own      []byte          // tuples that had escapes, unescaped
	spans    []span          // where each tuple's text is
	// commas holds the comma masks of raw by block of 64 bytes (bit k of
	// commas[i] is raw[64*i+k]), filled by the scan that finds the
	// tuples: valid over the bytes of every tuple in raw, not elsewhere.
	// It has two words past the last block scanned, for commaMask.
	commas []uint64
	addrs  *addrCache // the decoder's, for the tuple iterators; nil in clones
}

// span locates a tuple's text: raw[off:off+n], or own[off&^ownBit:…] when
// off has ownBit set. Keeping spans into the record's bytes, not copies,
// is what makes a tuple cost nothing until it is parsed.
type span struct {
	off, n uint32
}

const ownBit = 1 << 31

// outer is one element of properties.flows (keyed by rule) or of
// flowRecords.flows (keyed by aclID).
type outer struct {
	key        string
	hasKey     bool
	hasList    bool  // the inner list (flows, flowGroups) was present
	first, end int32 // its inners
	mfirst     int32 // its unknown members: members[mfirst:mend]
	mend       int32
}

// inner is one group of tuples: an element of properties.flows[].flows
// (keyed by mac) or of flowRecords.flows[].flowGroups (keyed by rule).
type inner struct {
	key        string
	hasKey     bool
	hasTuples  bool
	outer      int32
	first, end int32 // its tuples
	mfirst     int32
	mend       int32
}

// Bits of Record.seen.
const (
	seenTime = 1 << iota
	seenSystemID
	seenMAC
	seenCategory
	seenResourceID
	seenOperation
	seenVersion
	seenGUID
	seenFlowLogResourceID
	seenTarget
	seenProperties
	seenFlowRecords
	seenFlows
	seenPropsVersion // the version was properties.Version, not flowLogVersion
)

func (rec *Record) reset() {
	*rec = Record{
		Extra:           rec.Extra[:0],
		PropertiesExtra: rec.PropertiesExtra[:0],
		outers:          rec.outers[:0],
		inners:          rec.inners[:0],
		members:         rec.members[:0],
		omembers:        rec.omembers[:0],
		own:             rec.own[:0],
		spans:           rec.spans[:0],
		commas:          rec.commas,
		addrs:           rec.addrs,
	}
}

// setRaw makes b the record's bytes. b may run past the record's end
// (to the end of the decoder's buffer or input): the comma masks grow as
// the tuples are scanned, not with b.
func (rec *Record) setRaw(b []byte) {
	rec.raw = b
	rec.commas = rec.commas[:0]
}

// commaMask returns the commas of the first 64 bytes of the tuple at s
// (bit k for byte k of its text, none past its end), or 0 for a tuple
// that is not in raw.
func (rec *Record) commaMask(s span) uint64 {
	if s.off&ownBit != 0 {
		return 0
	}
	w, sh := s.off>>6, s.off&63
	m := rec.commas[w]>>sh | rec.commas[w+1]<<(64-sh) // a shift by 64 gives 0
	if s.n < 64 {
		m &= 1<<s.n - 1
	}
	return m
}

// tupleVersion is the layout to read tuples in: the record's version when
// it is one this package knows, else 0 (inferred per tuple).
func (rec *Record) tupleVersion() int {
	switch rec.Version {
	case 1, 2, 4:
		return rec.Version
	}
	return 0
}

// NumTuples returns how many tuples the record holds.
func (rec *Record) NumTuples() int { return len(rec.spans) }

// NumGroups returns how many groups the record holds.
func (rec *Record) NumGroups() int { return len(rec.inners) }

// TupleText returns the text of tuple i (0 ≤ i < NumTuples), borrowed:
// valid until the next Next or Reset of the decoder.
func (rec *Record) TupleText(i int) []byte {
	return rec.text(rec.spans[i])
}

func (rec *Record) text(s span) []byte {
	if s.off&ownBit != 0 {
		off := s.off &^ ownBit
		return rec.own[off : off+s.n : off+s.n]
	}
	return rec.raw[s.off : s.off+s.n : s.off+s.n]
}

// Tuple parses tuple i (0 ≤ i < NumTuples) in the layout of the record's
// version. It does not allocate unless the tuple is malformed; the error
// is then a *TupleError.
func (rec *Record) Tuple(i int) (Tuple, error) {
	t, err := ParseTupleBytes(rec.TupleText(i), rec.tupleVersion())
	if err != nil {
		return Tuple{}, rec.tupleError(i, err)
	}
	return t, nil
}

// Tuples returns the record's tuples in order, each with a nil error, or,
// for a malformed one, the zero Tuple and a *TupleError that locates it.
// Nothing is dropped: a record with n tuples yields n pairs. Iterating
// does not allocate for well-formed tuples.
func (rec *Record) Tuples() iter.Seq2[Tuple, error] {
	return func(yield func(Tuple, error) bool) {
		v := rec.tupleVersion()
		c := rec.addrs.claim()
		defer c.release() // also if the loop's body panics
		raw, commas := rec.raw, rec.commas
		for i, s := range rec.spans {
			// text and commaMask written out for the tuples in raw,
			// nearly all, and parseFast called first, as parseInto
			// would: the calls were a few percent of a tuple's time.
			var b []byte
			var m uint64
			if s.off&ownBit == 0 {
				b = raw[s.off : s.off+s.n : s.off+s.n]
				w, sh := s.off>>6, s.off&63
				m = commas[w]>>sh | commas[w+1]<<(64-sh) // a shift by 64 gives 0
				if s.n < 64 {
					m &= 1<<s.n - 1
				}
			} else {
				b = rec.text(s)
			}
			var t Tuple // parsed in place: see parseInto
			if !t.parseFast(b, m, v, c) {
				t = Tuple{}
				if err := t.parseInto(b, 0, v, nil); err != nil {
					if !yield(Tuple{}, rec.tupleError(i, err)) {
						return
					}
					continue
				}
			}
			if !yield(t, nil) {
				return
			}
		}
	}
}

// Groups returns the record's groups in order: for NSG records one per
// rule and MAC, for VNet records one per ACL and rule. A rule or ACL with
// an empty list of groups yields nothing.
func (rec *Record) Groups() iter.Seq[Group] {
	return func(yield func(Group) bool) {
		for i := range rec.inners {
			if !yield(rec.Group(i)) {
				return
			}
		}
	}
}

// Group returns group i (0 ≤ i < NumGroups).
func (rec *Record) Group(i int) Group {
	in := &rec.inners[i]
	g := Group{rec: rec, index: int32(i)}
	o := &rec.outers[in.outer]
	if rec.Kind == KindVNet {
		g.ACLID, g.Rule, g.MAC = o.key, in.key, rec.MACAddress
	} else {
		g.Rule, g.MAC = o.key, in.key
	}
	return g
}

// Group is one list of tuples with what the record says about all of
// them. It refers to its record and is valid as long as the record is.
type Group struct {
	// Rule is the rule that matched the tuples: for NSG records
	// properties.flows[].rule, for VNet records flowGroups[].rule
	// ("unspecified" for encryption drops).
	Rule string
	// MAC is the NIC's MAC address: for NSG records
	// properties.flows[].flows[].mac, for VNet records the record's
	// macAddress.
	MAC string
	// ACLID is flowRecords.flows[].aclID (VNet): the NSG or admin-rule
	// collection that evaluated the traffic; "" for NSG records.
	ACLID string

	rec   *Record
	index int32
}

// Index returns the group's index in its record.
func (g Group) Index() int { return int(g.index) }

// Len returns how many tuples the group holds.
func (g Group) Len() int {
	if g.rec == nil {
		return 0
	}
	in := &g.rec.inners[g.index]
	return int(in.end - in.first)
}

// Tuple parses the group's tuple i (0 ≤ i < Len), as Record.Tuple does.
func (g Group) Tuple(i int) (Tuple, error) {
	if g.rec == nil {
		return Tuple{}, &TupleError{Index: i, Err: azlogs.ErrMissing}
	}
	return g.rec.Tuple(int(g.rec.inners[g.index].first) + i)
}

// Tuples returns the group's tuples as Record.Tuples does.
func (g Group) Tuples() iter.Seq2[Tuple, error] {
	return func(yield func(Tuple, error) bool) {
		if g.rec == nil {
			return
		}
		rec := g.rec
		in := &rec.inners[g.index]
		v := rec.tupleVersion()
		c := rec.addrs.claim()
		defer c.release() // also if the loop's body panics
		for i := int(in.first); i < int(in.end); i++ {
			var t Tuple // parsed in place: see parseInto
			s := rec.spans[i]
			if err := t.parseInto(rec.text(s), rec.commaMask(s), v, c); err != nil {
				if !yield(Tuple{}, rec.tupleError(i, err)) {
					return
				}
				continue
			}
			if !yield(t, nil) {
				return
			}
		}
	}
}

// TupleError reports a malformed tuple inside a record that is otherwise
// well formed. The decoder does not parse tuples; Record.Tuples, Tuple,
// Group.Tuples and Validate do, and report each malformed tuple with one.
type TupleError struct {
	// Pointer is the JSON pointer of the tuple within its record, such as
	// "/properties/flows/1/flows/0/flowTuples/3".
	Pointer string
	// Index is the tuple's index in the record (as for Record.Tuple).
	Index int
	// Err is the *ParseError.
	Err error
}

// Error returns the pointer and the cause.
func (e *TupleError) Error() string {
	return "nsgflow: " + e.Pointer + ": " + trimPrefix(e.Err.Error())
}

// Unwrap returns Err.
func (e *TupleError) Unwrap() error { return e.Err }

func trimPrefix(s string) string {
	const p = "nsgflow: "
	if len(s) >= len(p) && s[:len(p)] == p {
		return s[len(p):]
	}
	return s
}

func (rec *Record) tupleError(i int, err error) error {
	return &TupleError{Pointer: rec.tuplePointer(i), Index: i, Err: err}
}

// tuplePointer returns the JSON pointer of tuple i. It allocates.
func (rec *Record) tuplePointer(i int) string {
	// The first group that ends after i holds it (groups may be empty).
	g := sort.Search(len(rec.inners), func(g int) bool { return int(rec.inners[g].end) > i })
	if g == len(rec.inners) {
		return ""
	}
	return rec.groupTuplePointer(g, i)
}

func (rec *Record) groupTuplePointer(g, i int) string {
	return rec.groupPointer(g) + "/flowTuples/" + itoa(i-int(rec.inners[g].first))
}

// groupPointer returns the JSON pointer of group g.
func (rec *Record) groupPointer(g int) string {
	in := &rec.inners[g]
	o := &rec.outers[in.outer]
	j := g - int(o.first)
	if rec.Kind == KindVNet {
		return "/flowRecords/flows/" + itoa(int(in.outer)) + "/flowGroups/" + itoa(j)
	}
	return "/properties/flows/" + itoa(int(in.outer)) + "/flows/" + itoa(j)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// Clone returns a deep copy of the record that shares nothing with the
// decoder.
func (rec *Record) Clone() *Record {
	c := *rec
	c.Extra = azlogs.CloneMembers(rec.Extra)
	c.PropertiesExtra = azlogs.CloneMembers(rec.PropertiesExtra)
	c.members = azlogs.CloneMembers(rec.members)
	c.omembers = azlogs.CloneMembers(rec.omembers)
	c.outers = append([]outer(nil), rec.outers...)
	c.inners = append([]inner(nil), rec.inners...)
	// raw may run past the record (see setRaw): only the bytes up to the
	// last tuple in it, and their comma masks, are copied.
	end := 0
	for _, s := range rec.spans {
		if s.off&ownBit == 0 {
			end = max(end, int(s.off+s.n))
		}
	}
	c.raw = append([]byte(nil), rec.raw[:end]...)
	c.commas = nil
	if end > 0 {
		c.commas = append([]uint64(nil), rec.commas[:min(len(rec.commas), end/64+2)]...)
	}
	c.own = append([]byte(nil), rec.own...)
	c.spans = append([]span(nil), rec.spans...)
	c.addrs = nil
	return &c
}

// GroupExtra returns the members of group i's own object (the mac object
// of an NSG record, the flowGroups element of a VNet record) and of its
// outer object (the rule object, the aclID object) that have no field, in
// order. Values are borrowed.
func (rec *Record) GroupExtra(i int) (own, outer []azlogs.Member) {
	in := &rec.inners[i]
	o := &rec.outers[in.outer]
	return rec.members[in.mfirst:in.mend], rec.omembers[o.mfirst:o.mend]
}

var _ azlogs.Event = (*Record)(nil)

// EventTime returns Time.
func (rec *Record) EventTime() time.Time { return rec.Time }

// EventFamily returns azlogs.NSGFlow.
func (rec *Record) EventFamily() azlogs.Family { return azlogs.NSGFlow }

// EventCategory returns Category.
func (rec *Record) EventCategory() string { return rec.Category }

// EventOperation returns OperationName.
func (rec *Record) EventOperation() string { return rec.OperationName }

// EventResourceID returns ResourceID, or TargetResourceID when the record
// has no resourceId (VNet records).
func (rec *Record) EventResourceID() string {
	if rec.ResourceID != "" {
		return rec.ResourceID
	}
	return rec.TargetResourceID
}

// EventLevel returns azlogs.LevelInformational: flow logs state no level.
func (rec *Record) EventLevel() azlogs.Level { return azlogs.LevelInformational }

// EventResult returns azlogs.ResultUnknown: a record holds allowed and
// denied flows alike.
func (rec *Record) EventResult() azlogs.Result { return azlogs.ResultUnknown }

// EventCaller returns "".
func (rec *Record) EventCaller() string { return "" }

// EventCallerIP returns the invalid Addr.
func (rec *Record) EventCallerIP() netip.Addr { return netip.Addr{} }

// EventCorrelationID returns "".
func (rec *Record) EventCorrelationID() string { return "" }
