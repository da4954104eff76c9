package activity

import (
	"net/netip"
	"time"

	"github.com/azlogs/azlogs"
)

var _ azlogs.Event = (*Record)(nil)

// EventTime returns Time.
func (rec *Record) EventTime() time.Time { return rec.Time }

// EventFamily returns azlogs.Activity.
func (rec *Record) EventFamily() azlogs.Family { return azlogs.Activity }

// EventCategory returns the category's name, or the category member as
// written when it is none of the eight.
func (rec *Record) EventCategory() string {
	if rec.Category != CategoryUnknown {
		return rec.Category.String()
	}
	return rec.CategoryName.Value
}

// EventOperation returns OperationName.Value.
func (rec *Record) EventOperation() string { return rec.OperationName.Value }

// EventResourceID returns ResourceID.
func (rec *Record) EventResourceID() string { return rec.ResourceID }

// EventLevel returns Level.
func (rec *Record) EventLevel() azlogs.Level { return rec.Level }

// EventResult returns the outcome read from ResultType (export) or Status
// (REST).
func (rec *Record) EventResult() azlogs.Result { return rec.result }

// EventCaller returns Caller (REST), else the caller the token names: its
// e-mail, UPN, name, SPN or application ID claim, else a plain-text
// identity, else the principal ID of the role assignment.
func (rec *Record) EventCaller() string { return rec.caller }

// EventCallerIP returns CallerIP.
func (rec *Record) EventCallerIP() netip.Addr { return rec.CallerIP }

// EventCorrelationID returns CorrelationID as text. It allocates for a GUID.
func (rec *Record) EventCorrelationID() string { return rec.CorrelationID.String() }
