package diagnostics

import (
	"net/netip"
	"time"

	"github.com/azlogs/azlogs"
)

var _ azlogs.Event = (*Record)(nil)

// EventTime returns Time.
func (rec *Record) EventTime() time.Time { return rec.Time }

// EventFamily returns azlogs.Diagnostics.
func (rec *Record) EventFamily() azlogs.Family { return azlogs.Diagnostics }

// EventCategory returns CategoryName, the category as written.
func (rec *Record) EventCategory() string { return rec.CategoryName }

// EventOperation returns OperationName.
func (rec *Record) EventOperation() string { return rec.OperationName }

// EventResourceID returns ResourceID.
func (rec *Record) EventResourceID() string { return rec.ResourceID }

// EventLevel returns Level.
func (rec *Record) EventLevel() azlogs.Level { return rec.Level }

// EventResult returns the outcome read from ResultType, else from
// ResultSignature.
func (rec *Record) EventResult() azlogs.Result { return rec.result }

// EventCaller returns the caller the identity names (its UPN, e-mail, name,
// application or object ID claim, or a plain-text identity), else the one
// the category's properties name (a Graph user or service principal, an
// App Service user, a Service Bus caller), else "". It looks for it at
// each call (a few comparisons), so that records whose caller nobody asks
// for cost nothing.
func (rec *Record) EventCaller() string { return rec.findCaller() }

// EventCallerIP returns CallerIP, else the client address the category's
// properties give (clientIP, CIp, SourceIp …).
func (rec *Record) EventCallerIP() netip.Addr { return rec.CallerIP }

// EventCorrelationID returns CorrelationID as text. It allocates for a GUID.
func (rec *Record) EventCorrelationID() string { return rec.CorrelationID.String() }
