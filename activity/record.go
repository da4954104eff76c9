package activity

import (
	"net/netip"
	"time"

	"github.com/azlogs/azlogs"
)

// Form says which of the activity log's two JSON shapes a record arrived in.
type Form uint8

const (
	// FormExport is the diagnostic-setting export (storage blobs in
	// insights-activity-logs, Event Hubs): flat strings, the caller's token
	// under identity, the event's details under properties.
	FormExport Form = iota
	// FormREST is the Activity Log REST API's EventData, also the portal's
	// JSON view: names as {"value","localizedValue"} pairs,
	// eventTimestamp, submissionTimestamp, httpRequest, claims.
	FormREST
)

// String returns "export" or "rest".
func (f Form) String() string {
	if f == FormREST {
		return "rest"
	}
	return "export"
}

// Category is one of the activity log's eight categories.
type Category uint8

// The categories. CategoryUnknown is a record whose category is none of
// the eight; its Record.CategoryName says what it was.
const (
	CategoryUnknown Category = iota
	Administrative
	ServiceHealth
	ResourceHealth
	Alert
	Autoscale
	Recommendation
	Security
	Policy
)

var categoryNames = [...]string{"", "Administrative", "ServiceHealth", "ResourceHealth", "Alert", "Autoscale", "Recommendation", "Security", "Policy"}

// String returns the category's name as Azure writes it, such as
// "ServiceHealth", or "" for CategoryUnknown.
func (c Category) String() string {
	if int(c) < len(categoryNames) {
		return categoryNames[c]
	}
	return ""
}

// ParseCategory maps a category name in any letter case (also the
// localized forms with a space, "Service Health") to a Category.
func ParseCategory(s string) Category {
	var buf [32]byte
	n := 0
	for i := 0; i < len(s) && n < len(buf); i++ {
		c := s[i]
		if c == ' ' {
			continue
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	switch string(buf[:n]) {
	case "administrative":
		return Administrative
	case "servicehealth":
		return ServiceHealth
	case "resourcehealth":
		return ResourceHealth
	case "alert":
		return Alert
	case "autoscale":
		return Autoscale
	case "recommendation":
		return Recommendation
	case "security":
		return Security
	case "policy":
		return Policy
	}
	return CategoryUnknown
}

// LocalizableString is the REST form's name pair. In the export form only
// Value is set.
type LocalizableString struct {
	// Value is the invariant name ("" when null or absent).
	Value string
	// LocalizedValue is the display name.
	LocalizedValue string
	// Null reports that value was JSON null, as Azure writes for an
	// unnamed event.
	Null bool
	// HasLocalized reports that localizedValue was present.
	HasLocalized bool
}

// IsZero reports whether s holds nothing at all.
func (s LocalizableString) IsZero() bool { return s == LocalizableString{} }

// Quirk is a set of the departures from the documented schema that the
// decoder corrected in one record. The zero Quirk means none.
type Quirk uint32

// The quirks the decoder corrects and records.
const (
	// QuirkDurationString: durationMs was a string ("0").
	QuirkDurationString Quirk = 1 << iota
	// QuirkLevelNumber: level was a number (1 Critical … 5 Verbose) or a
	// digit string.
	QuirkLevelNumber
	// QuirkPropertiesString: properties was a string holding a JSON object.
	QuirkPropertiesString
	// QuirkIdentityString: identity was a string holding a JSON object.
	QuirkIdentityString
	// QuirkKeyCase: a member's name differed in letter case from the schema
	// (Level, ResourceId, Time …); the member is kept in Extra as it was.
	QuirkKeyCase
	// QuirkMissingComma: a comma between two members was missing, as in
	// some published samples.
	QuirkMissingComma
	// QuirkKeptRaw: a member had a type or value the schema does not allow
	// (an unparsable time, a number where a string belongs); it is kept in
	// Extra as it was and its field left empty.
	QuirkKeptRaw
)

var quirkNames = [...]string{"duration-string", "level-number", "properties-string", "identity-string", "key-case", "missing-comma", "kept-raw"}

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

// Record is one activity log event, in either form. Its fields are the
// union of both forms' members; the doc of each says where it comes from.
//
// Strings are safe to keep; RawJSON values and Extra are borrowed until the
// decoder's next Next or Reset (use Clone to keep a record). Every member of
// the input is kept: the known ones in fields, the others in Extra and in
// Properties.Members, so AppendJSON writes the record back whole.
type Record struct {
	// Form is the shape the record arrived in; AppendJSON writes it back
	// in the same shape.
	Form Form
	// Category is the event's category, resolved from category (REST
	// form) or properties.eventCategory, category (export form). It is
	// CategoryUnknown when neither names one of the eight.
	Category Category

	// Time is when the event happened, UTC: time (export) or
	// eventTimestamp (REST).
	Time time.Time
	// SubmissionTime is when the event became queryable:
	// submissionTimestamp (REST).
	SubmissionTime time.Time
	// ResourceID is the ARM ID of the resource concerned: resourceId.
	ResourceID string
	// OperationName is operationName: a plain string in the export form, a
	// pair in the REST form.
	OperationName LocalizableString
	// CategoryName is the category member as written. In the export form
	// it is free text (Administrative, but also Write, Action, …).
	CategoryName LocalizableString
	// ResultType is resultType (export), e.g. Start, Success, Failure.
	ResultType string
	// ResultSignature is resultSignature (export), e.g. Started.,
	// Succeeded.Created.
	ResultSignature string
	// Description is resultDescription (export) or description (REST).
	Description string
	// DurationMs is durationMs (export), a number or a numeric string.
	DurationMs azlogs.OptInt
	// CallerIPAddress is callerIpAddress (export) as written; CallerIP is
	// its address when it holds one (also from httpRequest.clientIpAddress
	// in the REST form).
	CallerIPAddress string
	CallerIP        netip.Addr
	// CorrelationID is correlationId.
	CorrelationID azlogs.ID
	// Identity is who acted: identity (export) or claims and
	// authorization (REST).
	Identity Identity
	// Level is level, normalized.
	Level azlogs.Level
	// Location is location (export): where the event was processed.
	Location string
	// TenantID is tenantId.
	TenantID string
	// OperationVersion is operationVersion (export).
	OperationVersion string
	// EventDataID is eventDataId: the event's unique ID.
	EventDataID azlogs.ID
	// Caller is caller (REST): an e-mail, UPN, SPN or GUID.
	Caller string
	// Channels is channels (REST): Admin, Operation or "Admin, Operation".
	Channels string
	// EventName is eventName (REST), e.g. BeginRequest, EndRequest.
	EventName LocalizableString
	// ID is id (REST): the event's ARM path, with its ticks.
	ID string
	// OperationID is operationId (REST).
	OperationID azlogs.ID
	// ResourceGroupName is resourceGroupName (REST).
	ResourceGroupName string
	// ResourceProviderName is resourceProviderName (REST).
	ResourceProviderName LocalizableString
	// ResourceType is resourceType (REST).
	ResourceType LocalizableString
	// Status is status (REST): Started, Succeeded, Failed, Active, …
	Status LocalizableString
	// SubStatus is subStatus (REST), usually an HTTP status text.
	SubStatus LocalizableString
	// SubscriptionID is subscriptionId (REST).
	SubscriptionID string
	// HTTPRequest is httpRequest (REST).
	HTTPRequest HTTPRequest
	// RelatedEvents is relatedEvents (REST), always [] in practice.
	RelatedEvents azlogs.RawJSON
	// Properties holds properties: every member as it was, and typed views
	// of the members each category defines.
	Properties Properties

	// Extra holds the top-level members the schema does not define
	// (RoleLocation, Stamp, ReleaseVersion …), and members kept as they
	// were (see QuirkKeyCase, QuirkKeptRaw), in input order.
	Extra []azlogs.Member
	// Quirks says what the decoder corrected in this record.
	Quirks Quirk

	has, alt uint64 // by field: member present; value taken from a member kept in Extra
	result   azlogs.Result
	caller   string
	// claimsCaller is the caller the claims name, found when they are read.
	claimsCaller string
}

// Identity is the caller's identity: the authorization that allowed the
// call and the claims of the caller's token.
type Identity struct {
	// Authorization is the RBAC decision.
	Authorization Authorization
	// Claims are the token's claims, in input order.
	Claims []Claim
	// Text is identity when Azure sent a plain string instead of an object.
	Text string
	// Extra holds identity members the schema does not define.
	Extra []azlogs.Member
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

// Claim is one token claim. Names are often URLs
// (http://schemas.microsoft.com/identity/claims/objectidentifier).
type Claim struct {
	Name  string
	Value string
	// JSON reports that the claim's value was not a string: Value then
	// holds its JSON text.
	JSON bool
}

// Authorization is identity.authorization (export) or authorization (REST).
type Authorization struct {
	Action   string
	Role     string
	Scope    string
	Evidence Evidence
	// Extra holds members the schema does not define.
	Extra []azlogs.Member
}

// Evidence is authorization.evidence: the role assignment that granted the
// call.
type Evidence struct {
	Role                string
	RoleAssignmentScope string
	RoleAssignmentID    string
	RoleDefinitionID    string
	PrincipalID         string
	PrincipalType       string
	// Extra holds members the schema does not define.
	Extra []azlogs.Member
}

// HTTPRequest is httpRequest (REST).
type HTTPRequest struct {
	ClientRequestID azlogs.ID
	ClientIPAddress string
	Method          string
	URI             string
	// Extra holds members the schema does not define.
	Extra []azlogs.Member
}

// IsZero reports whether h holds nothing.
func (h *HTTPRequest) IsZero() bool {
	return h.ClientRequestID.IsZero() && h.ClientIPAddress == "" && h.Method == "" && h.URI == "" && len(h.Extra) == 0
}

// MarshalText returns the form's name.
func (f Form) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// MarshalText returns the category's name ("" when unknown).
func (c Category) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// MarshalText returns the quirks' names, separated by '|'.
func (q Quirk) MarshalText() ([]byte, error) { return []byte(q.String()), nil }
