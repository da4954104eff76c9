package azlogs

import (
	"net/netip"
	"time"
)

// Event is what every record of every family has in common. Each family's
// Record type implements it with pointer receivers, so converting a record
// to an Event costs nothing:
//
//	for dec.Next() {
//		var e azlogs.Event = dec.Record()
//		fmt.Println(e.EventFamily(), e.EventOperation())
//	}
//
// The methods carry the Event prefix so that they never collide with schema
// fields such as Time or Level. Like the record itself, the values returned
// are valid until the decoder moves on, except strings, which are always
// safe to keep.
type Event interface {
	// EventTime is when the event happened, in UTC; the zero Time if the
	// record does not say.
	EventTime() time.Time
	// EventFamily is the log family the record belongs to.
	EventFamily() Family
	// EventCategory is Azure's own category or type name, such as
	// "Administrative", "AuditEvent" or "NetworkSecurityGroupFlowEvent".
	EventCategory() string
	// EventOperation is the operation or activity name.
	EventOperation() string
	// EventResourceID is the ARM ID of the resource concerned, "" if none.
	EventResourceID() string
	// EventLevel is the normalized severity.
	EventLevel() Level
	// EventResult is the normalized outcome.
	EventResult() Result
	// EventCaller is who acted: a UPN, an object or application ID, or a
	// caller name; "" if unknown.
	EventCaller() string
	// EventCallerIP is the caller's IP address, the invalid Addr if unknown.
	EventCallerIP() netip.Addr
	// EventCorrelationID ties the record to the other records of the same
	// operation; "" if none.
	EventCorrelationID() string
}

// Family names a log family, one per package of this module.
type Family uint8

// The log families. The zero Family is unknown.
const (
	FamilyUnknown Family = iota
	Activity
	Diagnostics
	AADAudit
	StorageAnalytics
	NSGFlow
	AppInsights
	Alerts
)

var familyNames = [...]string{"Unknown", "Activity", "Diagnostics", "AADAudit", "StorageAnalytics", "NSGFlow", "AppInsights", "Alerts"}

// String returns the family's name, such as "Activity".
func (f Family) String() string {
	if int(f) < len(familyNames) {
		return familyNames[f]
	}
	return "Family(" + itoa(int(f)) + ")"
}

// Level is a normalized severity. Larger values are more severe, so levels
// can be compared: lvl >= azlogs.LevelWarning.
type Level uint8

// The severities, from least to most severe. The zero Level means the record
// does not state one.
const (
	LevelUnknown Level = iota
	LevelVerbose
	LevelInformational
	LevelWarning
	LevelError
	LevelCritical
)

var levelNames = [...]string{"Unknown", "Verbose", "Informational", "Warning", "Error", "Critical"}

// String returns the level's canonical Azure word, such as "Informational",
// or "Unknown".
func (l Level) String() string {
	if int(l) < len(levelNames) {
		return levelNames[l]
	}
	return "Level(" + itoa(int(l)) + ")"
}

// ParseLevel reads a severity the way Azure writes it: one of the words
// Critical, Error, Warning, Informational (also Information and Info),
// Verbose (also Debug and Trace), in any letter case, or the numbers 1
// (Critical) to 5 (Verbose) that some exports use. It reports false for
// anything else. It does not allocate.
func ParseLevel(b []byte) (Level, bool) {
	switch len(b) {
	case 1:
		switch b[0] {
		case '1':
			return LevelCritical, true
		case '2':
			return LevelError, true
		case '3':
			return LevelWarning, true
		case '4':
			return LevelInformational, true
		case '5':
			return LevelVerbose, true
		}
		return LevelUnknown, false
	}
	for _, c := range [...]struct {
		w string
		l Level
	}{
		{"informational", LevelInformational}, {"information", LevelInformational}, {"info", LevelInformational},
		{"warning", LevelWarning}, {"warn", LevelWarning}, {"error", LevelError}, {"critical", LevelCritical},
		{"verbose", LevelVerbose}, {"debug", LevelVerbose}, {"trace", LevelVerbose},
	} {
		if equalFoldASCII(b, c.w) {
			return c.l, true
		}
	}
	return LevelUnknown, false
}

// LevelFromNumber maps Azure's numeric severity scale (1 Critical, 2 Error,
// 3 Warning, 4 Informational, 5 Verbose) to a Level.
func LevelFromNumber(n int64) (Level, bool) {
	if n < 1 || n > 5 {
		return LevelUnknown, false
	}
	return LevelCritical - Level(n-1), true
}

// Result is a normalized outcome.
type Result uint8

// The outcomes. The zero Result means the record does not state one, or
// states something that is not an outcome (such as "Active" or "Updated").
const (
	ResultUnknown Result = iota
	ResultSuccess
	ResultFailure
	ResultStarted
)

var resultNames = [...]string{"Unknown", "Success", "Failure", "Started"}

// String returns the result's name, such as "Success".
func (r Result) String() string {
	if int(r) < len(resultNames) {
		return resultNames[r]
	}
	return "Result(" + itoa(int(r)) + ")"
}

// ParseResult maps the words Azure uses for outcomes to a Result, in any
// letter case: Success, Succeeded, Succeed, OK → ResultSuccess; Failure,
// Failed, Fail, Error → ResultFailure; Start, Started, In Progress,
// InProgress, Accepted, Running → ResultStarted. HTTP status codes and
// "Succeeded.Created"-style signatures are read by their first part. Anything
// else is ResultUnknown.
func ParseResult(b []byte) Result {
	if len(b) == 3 && b[0] >= '1' && b[0] <= '5' && isDigit(b[1]) && isDigit(b[2]) {
		switch b[0] {
		case '1':
			return ResultStarted
		case '2', '3':
			return ResultSuccess
		default:
			return ResultFailure
		}
	}
	for i, c := range b {
		if c == '.' {
			b = b[:i]
			break
		}
	}
	for _, c := range [...]struct {
		w string
		r Result
	}{
		{"success", ResultSuccess}, {"succeeded", ResultSuccess}, {"succeed", ResultSuccess}, {"ok", ResultSuccess},
		{"failure", ResultFailure}, {"failed", ResultFailure}, {"fail", ResultFailure}, {"error", ResultFailure},
		{"start", ResultStarted}, {"started", ResultStarted}, {"in progress", ResultStarted}, {"inprogress", ResultStarted},
		{"accepted", ResultStarted}, {"running", ResultStarted},
	} {
		if equalFoldASCII(b, c.w) {
			return c.r
		}
	}
	return ResultUnknown
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// equalFoldASCII reports whether b equals the lower-case ASCII word w,
// ignoring ASCII letter case.
func equalFoldASCII(b []byte, w string) bool {
	if len(b) != len(w) {
		return false
	}
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// MarshalText returns the family's name.
func (f Family) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// MarshalText returns the level's word.
func (l Level) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// MarshalText returns the result's name.
func (r Result) MarshalText() ([]byte, error) { return []byte(r.String()), nil }
