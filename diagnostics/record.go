package diagnostics

import (
	"net/netip"
	"time"

	"github.com/azlogs/azlogs"
)

// Quirk is a set of the departures from the documented common schema that
// the decoder corrected in one record. The zero Quirk means none.
type Quirk uint32

// The quirks the decoder corrects and records.
const (
	// QuirkKeyCase: a member's name differed from the schema only in
	// letter case (ResourceId, Level, Properties, Time …). The member is
	// kept in Extra as it was and read into its field.
	QuirkKeyCase Quirk = 1 << iota
	// QuirkRenamed: a member of the common schema arrived under another
	// name (timeStamp, EventTimeString, eventTimestamp, TimeGenerated,
	// EventProperties, Region, Status …). Kept in Extra, read into its
	// field when the schema's own name is absent.
	QuirkRenamed
	// QuirkTimeLayout: the time was not ISO 8601 (the US layout
	// 9/7/2022 2:41:35 PM +00:00, an HTTP date, year/month/day slashes).
	QuirkTimeLayout
	// QuirkDurationString: durationMs was a string ("78").
	QuirkDurationString
	// QuirkLevelNumber: level was a number (1 Critical … 5 Verbose) or a
	// digit string.
	QuirkLevelNumber
	// QuirkResultNumber: resultType or resultSignature was a number.
	QuirkResultNumber
	// QuirkIdentityString: identity was a string holding a JSON object.
	QuirkIdentityString
	// QuirkPropertiesString: properties was a string holding a JSON
	// object.
	QuirkPropertiesString
	// QuirkSingleQuoted: properties was a single-quoted pseudo-object
	// ({'appName':'x','levelId':2}), bare or inside a string, and was
	// repaired into JSON.
	QuirkSingleQuoted
	// QuirkMissingComma: a comma between two members was missing.
	QuirkMissingComma
	// QuirkKeptRaw: a member had a type or value the schema does not allow
	// (an unparsable time, "-" for a duration); it is kept in Extra as it
	// was and its field left empty.
	QuirkKeptRaw
)

var quirkNames = [...]string{"key-case", "renamed", "time-layout", "duration-string", "level-number",
	"result-number", "identity-string", "properties-string", "single-quoted", "missing-comma", "kept-raw"}

// String lists the quirks, separated by '|'.
func (q Quirk) String() string {
	var b []byte
	for i, n := range quirkNames {
		if q&(1<<i) != 0 {
			if len(b) > 0 {
				b = append(b, '|')
			}
			b = append(b, n...)
		}
	}
	return string(b)
}

// MarshalText returns the quirks' names, separated by '|'.
func (q Quirk) MarshalText() ([]byte, error) { return []byte(q.String()), nil }

// Record is one resource log record: the common envelope as typed fields,
// the category's properties as raw members with a typed view, and every
// other member in Extra.
//
// Strings are safe to keep; RawJSON values, Extra and Properties.Members are
// borrowed until the decoder's next Next or Reset (use Clone to keep a
// record). Every member of the input is kept, so AppendJSON writes the
// record back whole.
type Record struct {
	// Category is the typed category the record was matched to, from its
	// category name and the resource provider in its resource ID;
	// CategoryUnknown when none matched (CategoryName says what it was).
	Category Category

	// Time is when the event happened, UTC: time, or (see QuirkRenamed)
	// timeStamp, timestamp, EventTimeString, eventTimestamp,
	// TimeGenerated, EventTime or startTime.
	Time time.Time
	// ResourceID is resourceId: the ARM ID of the emitting resource, or
	// /tenants/<id>/providers/<provider> for tenant-level services.
	ResourceID string
	// TenantID is tenantId (tenant-level logs).
	TenantID string
	// OperationName is operationName.
	OperationName string
	// OperationVersion is operationVersion: an API version.
	OperationVersion string
	// CategoryName is category (or type) as written.
	CategoryName string
	// ResultType is resultType: Started, Succeeded, Failed, Success, …
	// A number is kept as its text (see QuirkResultNumber).
	ResultType string
	// ResultSignature is resultSignature: a sub-status, often an HTTP
	// status; a number is kept as its text.
	ResultSignature string
	// ResultDescription is resultDescription.
	ResultDescription string
	// DurationMs is durationMs, a number or a numeric string; unknown when
	// absent or a placeholder.
	DurationMs azlogs.OptInt
	// CallerIPAddress is callerIpAddress as written, but for a port:
	// when the text is an IPv4 address and a port (192.0.2.1:52311, as
	// Storage writes it) or an IPv6 address in brackets and a port
	// ([2001:db8::1]:443), CallerIPAddress is the address (without the
	// brackets) and CallerPort the port. Client ports change with every
	// connection: kept in the string, each would be a new string to
	// allocate. AppendJSON writes the text back as it was.
	//
	// CallerIP is the address CallerIPAddress holds, when it holds one (a
	// CIDR length is dropped; masked addresses such as 111.222.xxx.xxx
	// give the invalid Addr).
	CallerIPAddress string
	CallerPort      uint16
	CallerIP        netip.Addr
	// CorrelationID is correlationId.
	CorrelationID azlogs.ID
	// Identity is identity: an object, a plain string, or a string holding
	// a JSON object.
	Identity Identity
	// Level is level (a word or a number), normalized.
	Level azlogs.Level
	// Location is location: the region of the emitting resource.
	Location string
	// Properties holds properties: every member as it was, and the typed
	// view of the record's category.
	Properties Properties

	// Extra holds the top-level members the common schema does not define
	// (systemId, EventStampName, listenerName, …), and members kept as they
	// were (see QuirkKeyCase, QuirkRenamed, QuirkKeptRaw), in input order.
	Extra []azlogs.Member
	// Quirks says what the decoder corrected in this record.
	Quirks Quirk

	has, alt, num uint32 // by field: member present; value taken from Extra; written as a number
	// callerPort says that callerIpAddress had a port (CallerPort, which
	// may be 0); callerBrackets that its address was in brackets.
	callerPort, callerBrackets bool
	timeLayout                 uint8
	result                     azlogs.Result
}

// Identity is the caller's identity, whose shape each service chooses:
// Key Vault writes {"claim":{…}}, the activity-log style
// {"authorization":{…},"claims":{…}}, Storage {"type","tokenHash",
// "authorization":[…],"requester":{…}}, some services a plain string.
type Identity struct {
	// Text is identity when it was a plain string (not JSON).
	Text string
	// Claims are the string members of identity.claim or identity.claims,
	// in input order.
	Claims []Claim
	// Members is every member of the identity object, in input order
	// (claim and claims included). Values are borrowed.
	Members []azlogs.Member
}

// Claim returns the value of the claim named name, and whether it is there.
func (id *Identity) Claim(name string) (string, bool) {
	for i := range id.Claims {
		if id.Claims[i].Name == name {
			return id.Claims[i].Value, true
		}
	}
	return "", false
}

// Get returns the raw value of the identity member named name.
func (id *Identity) Get(name string) (azlogs.RawJSON, bool) { return get(id.Members, name) }

// IsZero reports whether the identity holds nothing.
func (id *Identity) IsZero() bool { return id.Text == "" && len(id.Members) == 0 }

// Claim is one token claim. Names are often URLs
// (http://schemas.microsoft.com/identity/claims/objectidentifier).
type Claim struct {
	Name  string
	Value string
}

// Properties is the record's properties member. Members holds every member
// as it was, in order, and is what AppendJSON writes. The typed view of the
// record's category (see View and the accessor of each category, such as
// KeyVault) is filled from Members, and for some categories from top-level
// members, when the record is decoded: it is for reading, and editing it
// does not change what AppendJSON writes.
type Properties struct {
	// Members is every member of properties, in input order. Values are
	// borrowed.
	Members []azlogs.Member

	view any // the category's typed view, a pointer owned by the decoder (or the clone)
}

// Get returns the raw value of the member named name (the first, if there
// are several). The value is borrowed.
func (p *Properties) Get(name string) (azlogs.RawJSON, bool) { return get(p.Members, name) }

// View returns the typed view of the record's category, a pointer such as
// *KeyVaultProperties, or nil for a category decoded generically. It is
// valid until the decoder's next Next or Reset.
func (p *Properties) View() any { return p.view }

// Decode returns the properties as Go values, the way encoding/json
// decodes an object into an any: a map[string]any (nil when there are no
// properties). It allocates.
func (p *Properties) Decode() (map[string]any, error) {
	if len(p.Members) == 0 {
		return nil, nil
	}
	m := make(map[string]any, len(p.Members))
	for _, mem := range p.Members {
		v, err := mem.Value.Decode()
		if err != nil {
			return nil, err
		}
		m[mem.Name] = v
	}
	return m, nil
}

func get(ms []azlogs.Member, name string) (azlogs.RawJSON, bool) {
	for i := range ms {
		if ms[i].Name == name {
			return ms[i].Value, true
		}
	}
	return nil, false
}

// OptFloat is a decimal number that a record may leave unknown: Azure
// writes them as numbers or as strings ("0.034"), and "-", "" or "N/A" for
// none. Those decode to the invalid OptFloat, never to a silent zero.
type OptFloat struct {
	Value float64
	Valid bool
}

// Float returns the value and whether it is known.
func (o OptFloat) Float() (float64, bool) { return o.Value, o.Valid }
