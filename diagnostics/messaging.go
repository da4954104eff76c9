package diagnostics

import (
	"net/netip"

	"github.com/azlogs/azlogs"
)

// MessagingProperties is the typed view of Service Bus and Event Hubs
// records: OperationalLogs, RuntimeAuditLogs, VNetAndIPFilteringLogs,
// DiagnosticErrorLogs, ApplicationMetricsLogs, ArchiveLogs and
// AutoScaleLogs. These services skip the common schema: their records are
// flat PascalCase objects with no time (EventTimeString or eventTimestamp
// instead), no operationName, and their details in a string of JSON
// (EventProperties, Properties). The decoder reads the time, the outcome
// and the properties from those; this view reads the rest, from the top
// level and from the decoded properties.
type MessagingProperties struct {
	// Where the event was processed.
	Environment string
	Region      string
	ScaleUnit   string
	TaskName    string
	ActivityID  azlogs.ID
	// EventName is the operation of OperationalLogs (Create Queue …);
	// ActivityName that of the runtime logs (SendMessage …).
	EventName      string
	ActivityName   string
	SubscriptionID string
	NamespaceName  string
	// EntityType is Queue, Topic, EventHub, …
	EntityType      string
	EntityName      string
	ChildEntityType string
	ChildEntityName string
	PartitionID     string
	// Status (OperationalLogs, RuntimeAuditLogs), Outcome (application
	// metrics) or OperationResult (diagnostic errors).
	Status          string
	Outcome         string
	OperationResult string
	// Caller is who called (OperationalLogs): Portal, Resource Provider …
	Caller      string
	Protocol    string
	AuthType    string
	AuthID      string
	NetworkType string
	ClientIP    netip.Addr
	// Count is how many events the record aggregates.
	Count      azlogs.OptInt
	ErrorCount azlogs.OptInt
	// ErrorMessage is the error's text, which carries the operation's
	// tracking ID and time. It is unique per request, so it is kept as its
	// JSON value (a string), borrowed until the decoder's next Next; Text
	// returns the string.
	ErrorMessage azlogs.RawJSON
	ErrorCode    string
	// VNet and IP filtering.
	IPAddress netip.Addr
	Action    string
	Reason    string
	// OperationalLogs' EventProperties members.
	Namespace string
	// Via is the URL the operation was called through, with its path and
	// query string. It is unique per request, so it is kept as its JSON
	// value (a string), borrowed until the decoder's next Next; Text returns
	// the string.
	Via azlogs.RawJSON
	// TrackingID identifies the operation. It is unique per request, so it
	// is kept as its JSON value (a string), borrowed until the decoder's
	// next Next; Text returns the string.
	TrackingID azlogs.RawJSON
	// ArchiveLogs and AutoScaleLogs.
	EventHub          string
	ArchiveStep       string
	Failures          azlogs.OptInt
	DurationInSeconds azlogs.OptInt
	// Message is the event's text. It is unique per request, so it is kept
	// as its JSON value (a string), borrowed until the decoder's next Next;
	// Text returns the string.
	Message azlogs.RawJSON
}

// Messaging returns the typed view of a Service Bus or Event Hubs record,
// or nil.
func (p *Properties) Messaging() *MessagingProperties {
	v, _ := p.view.(*MessagingProperties)
	return v
}

func (p *MessagingProperties) caller() string { return p.Caller }

func (p *MessagingProperties) clientIP() netip.Addr {
	if p.ClientIP.IsValid() {
		return p.ClientIP
	}
	return p.IPAddress
}

type msg = MessagingProperties

var messagingFields = fields[msg]{
	"Environment":       func(p *msg, v *value) { p.Environment = v.str() },
	"Region":            func(p *msg, v *value) { p.Region = v.str() },
	"ScaleUnit":         func(p *msg, v *value) { p.ScaleUnit = v.str() },
	"TaskName":          func(p *msg, v *value) { p.TaskName = v.str() },
	"ActivityId":        func(p *msg, v *value) { p.ActivityID = v.id() },
	"EventName":         func(p *msg, v *value) { p.EventName = v.str() },
	"ActivityName":      func(p *msg, v *value) { p.ActivityName = v.str() },
	"SubscriptionId":    func(p *msg, v *value) { p.SubscriptionID = v.str() },
	"NamespaceName":     func(p *msg, v *value) { p.NamespaceName = v.str() },
	"EntityType":        func(p *msg, v *value) { p.EntityType = v.str() },
	"EntityName":        func(p *msg, v *value) { p.EntityName = v.str() },
	"ChildEntityType":   func(p *msg, v *value) { p.ChildEntityType = v.str() },
	"ChildEntityName":   func(p *msg, v *value) { p.ChildEntityName = v.str() },
	"PartitionId":       func(p *msg, v *value) { p.PartitionID = v.str() },
	"Status":            func(p *msg, v *value) { p.Status = v.str() },
	"Outcome":           func(p *msg, v *value) { p.Outcome = v.str() },
	"OperationResult":   func(p *msg, v *value) { p.OperationResult = v.str() },
	"Caller":            func(p *msg, v *value) { p.Caller = v.str() },
	"Protocol":          func(p *msg, v *value) { p.Protocol = v.str() },
	"AuthType":          func(p *msg, v *value) { p.AuthType = v.str() },
	"AuthId":            func(p *msg, v *value) { p.AuthID = v.str() },
	"NetworkType":       func(p *msg, v *value) { p.NetworkType = v.str() },
	"ClientIp":          func(p *msg, v *value) { p.ClientIP = v.addr() },
	"Count":             func(p *msg, v *value) { p.Count = v.optInt() },
	"ErrorCount":        func(p *msg, v *value) { p.ErrorCount = v.optInt() },
	"ErrorMessage":      func(p *msg, v *value) { p.ErrorMessage = v.raw },
	"ErrorCode":         func(p *msg, v *value) { p.ErrorCode = v.str() },
	"ipAddress":         func(p *msg, v *value) { p.IPAddress = v.addr() },
	"action":            func(p *msg, v *value) { p.Action = v.str() },
	"reason":            func(p *msg, v *value) { p.Reason = v.str() },
	"Namespace":         func(p *msg, v *value) { p.Namespace = v.str() },
	"Via":               func(p *msg, v *value) { p.Via = v.raw },
	"TrackingId":        func(p *msg, v *value) { p.TrackingID = v.raw },
	"eventHub":          func(p *msg, v *value) { p.EventHub = v.str() },
	"archiveStep":       func(p *msg, v *value) { p.ArchiveStep = v.str() },
	"failures":          func(p *msg, v *value) { p.Failures = v.optInt() },
	"durationInSeconds": func(p *msg, v *value) { p.DurationInSeconds = v.optInt() },
	"Message":           func(p *msg, v *value) { p.Message = v.raw },
}.with("NamespaceName", "namespaceName", "Count", "count", "TrackingId", "trackingId", "PartitionId", "partitionId",
	"Message", "message", "SubscriptionId", "subscriptionId", "ActivityId", "activityId")

var messagingView = &view[msg]{props: messagingFields, top: messagingFields}
