package activity

import (
	"time"

	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/internal/intern"
)

// Properties is the record's properties member. Members holds every member
// as it was, in order, and is what AppendJSON writes. The typed views are
// filled from Members when the record is decoded, for the record's category
// only (the others stay zero): they are for reading, and editing them does
// not change what AppendJSON writes.
//
// In the export form some records nest the REST form's properties under
// eventProperties; the typed views read those members too.
type Properties struct {
	// Members is every member of properties, in input order. Values are
	// borrowed.
	Members []azlogs.Member
	// EventCategory is eventCategory (export form): the REST form's
	// category.
	EventCategory string

	Administrative AdministrativeProperties
	// PIM is filled for Administrative records written by Privileged
	// Identity Management, whose properties follow no published schema.
	PIM            PIMProperties
	ServiceHealth  ServiceHealthProperties
	ResourceHealth ResourceHealthProperties
	Alert          AlertProperties
	Autoscale      AutoscaleProperties
	Recommendation RecommendationProperties
	Security       SecurityProperties
	Policy         PolicyProperties
}

// Get returns the value of the member named name (the first, if there are
// several), looking inside eventProperties too. The value is borrowed.
func (p *Properties) Get(name string) (azlogs.RawJSON, bool) {
	for i := range p.Members {
		if p.Members[i].Name == name {
			return p.Members[i].Value, true
		}
	}
	return nil, false
}

// AdministrativeProperties are the properties of Administrative events.
type AdministrativeProperties struct {
	// StatusCode is the HTTP status text: OK, Created, Accepted, …
	StatusCode string
	// ServiceRequestID is the resource provider's request ID.
	ServiceRequestID azlogs.ID
	// StatusMessage is JSON text (an ARM error object) or plain text, in a
	// JSON string; RawJSON.Embedded decodes it.
	StatusMessage azlogs.RawJSON
	// RequestBody is requestbody (or requestBody): the request's JSON body,
	// usually held in a JSON string.
	RequestBody azlogs.RawJSON
	// ResponseBody is responseBody, likewise.
	ResponseBody azlogs.RawJSON
	// Entity is the resource the operation applies to.
	Entity string
	// Message is the operation, as text.
	Message string
	// Hierarchy is the management-group path: tenant/…/subscription.
	Hierarchy string
}

// PIMProperties are the properties of Administrative events written by
// Privileged Identity Management (role activations and expiries).
type PIMProperties struct {
	SubscriptionID          string
	ResourceGroupName       string
	ResourceProviderName    string
	ResourceType            string
	TenantID                string
	EventName               string
	EventID                 azlogs.ID
	ActionType              string
	OriginRoleAssignmentID  string
	RoleAssignmentRequestID azlogs.ID
	RoleDefinition          string
	RoleDefinitionOriginID  string
	// CallerInfo is a JSON array, in a JSON string, of
	// {CallerIdentityType, CallerIdentityValue} pairs.
	CallerInfo    azlogs.RawJSON
	Justification string
	SubjectID     azlogs.ID
	SubjectName   string
}

// ServiceHealthProperties are the properties of ServiceHealth events.
type ServiceHealthProperties struct {
	Title         string
	Service       string
	Region        string
	Communication string
	// IncidentType is ActionRequired, Informational, Incident,
	// Maintenance or Security.
	IncidentType         string
	TrackingID           string
	ImpactStartTime      time.Time
	ImpactMitigationTime time.Time
	// ImpactedServices is a JSON array, in a JSON string, of
	// {ServiceName, ImpactedRegions:[{RegionName}]}.
	ImpactedServices       azlogs.RawJSON
	DefaultLanguageTitle   string
	DefaultLanguageContent string
	// Stage is Active, Resolved, RCA, Planned, InProgress, …
	Stage           string
	CommunicationID string
	Version         string
}

// ResourceHealthProperties are the properties of ResourceHealth events.
// Microsoft's table and its REST sample name the members differently; both
// sets are read.
type ResourceHealthProperties struct {
	Title   string
	Details string
	// CurrentHealthStatus and PreviousHealthStatus are Available,
	// Unavailable, Degraded or Unknown (table names).
	CurrentHealthStatus  string
	PreviousHealthStatus string
	// Type is the kind of health event, e.g. Downtime.
	Type string
	// Cause is UserInitiated or PlatformInitiated.
	Cause string
	// The REST sample's names.
	Stage               string
	HealthStatus        string
	HealthEventType     string
	HealthEventCause    string
	HealthEventCategory string
}

// AlertProperties are the properties of classic Alert events: a metric
// alert's rule, or the copied fields of the event that fired an
// activity-log alert.
type AlertProperties struct {
	RuleURI             string
	RuleName            string
	RuleDescription     string
	Threshold           string
	WindowSizeInMinutes azlogs.OptInt
	Aggregation         string
	Operator            string
	MetricName          string
	MetricUnit          string
	WebHookURI          string
	// The fields an activity-log alert copies from its event.
	SubscriptionID string
	EventDataID    azlogs.ID
	ResourceGroup  string
	ResourceID     string
	EventTimestamp time.Time
	OperationName  string
	Status         string
}

// AutoscaleProperties are the properties of Autoscale events.
type AutoscaleProperties struct {
	Description string
	// ResourceName is the ARM ID of the scaled resource.
	ResourceName string
	// OldInstancesCount and NewInstancesCount arrive as strings.
	OldInstancesCount azlogs.OptInt
	NewInstancesCount azlogs.OptInt
	// LastScaleActionTime arrives in RFC 1123 form.
	LastScaleActionTime time.Time
}

// RecommendationProperties are the properties of Azure Advisor
// Recommendation events.
type RecommendationProperties struct {
	SchemaVersion string
	// Category is High Availability (or HighAvailability), Performance,
	// Security or Cost.
	Category string
	// Impact is High, Medium or Low.
	Impact string
	// Risk is Error, Warning or None.
	Risk         string
	Name         string
	ResourceLink string
	Type         string
}

// SecurityProperties are the properties common to Security (Defender for
// Cloud) events; the rest depend on the alert type and are in Members.
type SecurityProperties struct {
	// Severity is High, Medium or Low.
	Severity    string
	ActionTaken string
}

// PolicyProperties are the properties of Policy events.
type PolicyProperties struct {
	// IsComplianceCheck arrives as the string "True" or "False".
	IsComplianceCheck azlogs.OptBool
	ResourceLocation  string
	// Ancestors is the comma-separated management groups, nearest first.
	Ancestors string
	// Policies is a JSON array, in a JSON string, of the evaluated
	// assignments.
	Policies azlogs.RawJSON
}

// propSetter sets one typed property from a member's value.
type propSetter func(p *Properties, v *value)

// propTables maps each category's member names to their setters. One table
// per category drives decoding; encoding writes Members, and validation
// reads the typed fields.
var propTables = [...]map[string]propSetter{
	Administrative: {
		"statusCode":       func(p *Properties, v *value) { p.Administrative.StatusCode = v.str() },
		"serviceRequestId": func(p *Properties, v *value) { p.Administrative.ServiceRequestID = v.id() },
		"statusMessage":    func(p *Properties, v *value) { p.Administrative.StatusMessage = v.raw },
		"requestbody":      func(p *Properties, v *value) { p.Administrative.RequestBody = v.raw },
		"requestBody":      func(p *Properties, v *value) { p.Administrative.RequestBody = v.raw },
		"responseBody":     func(p *Properties, v *value) { p.Administrative.ResponseBody = v.raw },
		"entity":           func(p *Properties, v *value) { p.Administrative.Entity = v.str() },
		"message":          func(p *Properties, v *value) { p.Administrative.Message = v.str() },
		"hierarchy":        func(p *Properties, v *value) { p.Administrative.Hierarchy = v.str() },
		// PIM.
		"SubscriptionID":          func(p *Properties, v *value) { p.PIM.SubscriptionID = v.str() },
		"ResourceGroupName":       func(p *Properties, v *value) { p.PIM.ResourceGroupName = v.str() },
		"ResourceProviderName":    func(p *Properties, v *value) { p.PIM.ResourceProviderName = v.str() },
		"ResourceType":            func(p *Properties, v *value) { p.PIM.ResourceType = v.str() },
		"TenantID":                func(p *Properties, v *value) { p.PIM.TenantID = v.str() },
		"EventName":               func(p *Properties, v *value) { p.PIM.EventName = v.str() },
		"EventID":                 func(p *Properties, v *value) { p.PIM.EventID = v.id() },
		"ActionType":              func(p *Properties, v *value) { p.PIM.ActionType = v.str() },
		"OriginRoleAssignmentId":  func(p *Properties, v *value) { p.PIM.OriginRoleAssignmentID = v.str() },
		"RoleAssignmentRequestId": func(p *Properties, v *value) { p.PIM.RoleAssignmentRequestID = v.id() },
		"RoleDefinition":          func(p *Properties, v *value) { p.PIM.RoleDefinition = v.str() },
		"RoleDefinitionOriginId":  func(p *Properties, v *value) { p.PIM.RoleDefinitionOriginID = v.str() },
		"CallerInfo":              func(p *Properties, v *value) { p.PIM.CallerInfo = v.raw },
		"Justification":           func(p *Properties, v *value) { p.PIM.Justification = v.str() },
		"SubjectID":               func(p *Properties, v *value) { p.PIM.SubjectID = v.id() },
		"SubjectName":             func(p *Properties, v *value) { p.PIM.SubjectName = v.str() },
	},
	ServiceHealth: {
		"title":                  func(p *Properties, v *value) { p.ServiceHealth.Title = v.str() },
		"service":                func(p *Properties, v *value) { p.ServiceHealth.Service = v.str() },
		"region":                 func(p *Properties, v *value) { p.ServiceHealth.Region = v.str() },
		"communication":          func(p *Properties, v *value) { p.ServiceHealth.Communication = v.str() },
		"incidentType":           func(p *Properties, v *value) { p.ServiceHealth.IncidentType = v.str() },
		"trackingId":             func(p *Properties, v *value) { p.ServiceHealth.TrackingID = v.str() },
		"impactStartTime":        func(p *Properties, v *value) { p.ServiceHealth.ImpactStartTime = v.time() },
		"impactMitigationTime":   func(p *Properties, v *value) { p.ServiceHealth.ImpactMitigationTime = v.time() },
		"impactedServices":       func(p *Properties, v *value) { p.ServiceHealth.ImpactedServices = v.raw },
		"defaultLanguageTitle":   func(p *Properties, v *value) { p.ServiceHealth.DefaultLanguageTitle = v.str() },
		"defaultLanguageContent": func(p *Properties, v *value) { p.ServiceHealth.DefaultLanguageContent = v.str() },
		"stage":                  func(p *Properties, v *value) { p.ServiceHealth.Stage = v.str() },
		"communicationId":        func(p *Properties, v *value) { p.ServiceHealth.CommunicationID = v.str() },
		"version":                func(p *Properties, v *value) { p.ServiceHealth.Version = v.str() },
	},
	ResourceHealth: {
		"title":                func(p *Properties, v *value) { p.ResourceHealth.Title = v.str() },
		"details":              func(p *Properties, v *value) { p.ResourceHealth.Details = v.str() },
		"currentHealthStatus":  func(p *Properties, v *value) { p.ResourceHealth.CurrentHealthStatus = v.str() },
		"previousHealthStatus": func(p *Properties, v *value) { p.ResourceHealth.PreviousHealthStatus = v.str() },
		"type":                 func(p *Properties, v *value) { p.ResourceHealth.Type = v.str() },
		"cause":                func(p *Properties, v *value) { p.ResourceHealth.Cause = v.str() },
		"stage":                func(p *Properties, v *value) { p.ResourceHealth.Stage = v.str() },
		"healthStatus":         func(p *Properties, v *value) { p.ResourceHealth.HealthStatus = v.str() },
		"healthEventType":      func(p *Properties, v *value) { p.ResourceHealth.HealthEventType = v.str() },
		"healthEventCause":     func(p *Properties, v *value) { p.ResourceHealth.HealthEventCause = v.str() },
		"healthEventCategory":  func(p *Properties, v *value) { p.ResourceHealth.HealthEventCategory = v.str() },
	},
	Alert: {
		"RuleUri":             func(p *Properties, v *value) { p.Alert.RuleURI = v.str() },
		"RuleName":            func(p *Properties, v *value) { p.Alert.RuleName = v.str() },
		"RuleDescription":     func(p *Properties, v *value) { p.Alert.RuleDescription = v.str() },
		"Threshold":           func(p *Properties, v *value) { p.Alert.Threshold = v.str() },
		"WindowSizeInMinutes": func(p *Properties, v *value) { p.Alert.WindowSizeInMinutes = v.optInt() },
		"Aggregation":         func(p *Properties, v *value) { p.Alert.Aggregation = v.str() },
		"Operator":            func(p *Properties, v *value) { p.Alert.Operator = v.str() },
		"MetricName":          func(p *Properties, v *value) { p.Alert.MetricName = v.str() },
		"MetricUnit":          func(p *Properties, v *value) { p.Alert.MetricUnit = v.str() },
		"webHookUri":          func(p *Properties, v *value) { p.Alert.WebHookURI = v.str() },
		"subscriptionId":      func(p *Properties, v *value) { p.Alert.SubscriptionID = v.str() },
		"eventDataId":         func(p *Properties, v *value) { p.Alert.EventDataID = v.id() },
		"resourceGroup":       func(p *Properties, v *value) { p.Alert.ResourceGroup = v.str() },
		"resourceId":          func(p *Properties, v *value) { p.Alert.ResourceID = v.str() },
		"eventTimestamp":      func(p *Properties, v *value) { p.Alert.EventTimestamp = v.time() },
		"operationName":       func(p *Properties, v *value) { p.Alert.OperationName = v.str() },
		"status":              func(p *Properties, v *value) { p.Alert.Status = v.str() },
	},
	Autoscale: {
		"Description":         func(p *Properties, v *value) { p.Autoscale.Description = v.str() },
		"ResourceName":        func(p *Properties, v *value) { p.Autoscale.ResourceName = v.str() },
		"OldInstancesCount":   func(p *Properties, v *value) { p.Autoscale.OldInstancesCount = v.optInt() },
		"NewInstancesCount":   func(p *Properties, v *value) { p.Autoscale.NewInstancesCount = v.optInt() },
		"LastScaleActionTime": func(p *Properties, v *value) { p.Autoscale.LastScaleActionTime = v.time() },
	},
	Recommendation: {
		"recommendationSchemaVersion": func(p *Properties, v *value) { p.Recommendation.SchemaVersion = v.str() },
		"recommendationCategory":      func(p *Properties, v *value) { p.Recommendation.Category = v.str() },
		"recommendationImpact":        func(p *Properties, v *value) { p.Recommendation.Impact = v.str() },
		"recommendationRisk":          func(p *Properties, v *value) { p.Recommendation.Risk = v.str() },
		"recommendationName":          func(p *Properties, v *value) { p.Recommendation.Name = v.str() },
		"recommendationResourceLink":  func(p *Properties, v *value) { p.Recommendation.ResourceLink = v.str() },
		"recommendationType":          func(p *Properties, v *value) { p.Recommendation.Type = v.str() },
	},
	Security: {
		"Severity":    func(p *Properties, v *value) { p.Security.Severity = v.str() },
		"ActionTaken": func(p *Properties, v *value) { p.Security.ActionTaken = v.str() },
	},
	Policy: {
		"isComplianceCheck": func(p *Properties, v *value) { p.Policy.IsComplianceCheck = v.optBool() },
		"resourceLocation":  func(p *Properties, v *value) { p.Policy.ResourceLocation = v.str() },
		"ancestors":         func(p *Properties, v *value) { p.Policy.Ancestors = v.str() },
		"policies":          func(p *Properties, v *value) { p.Policy.Policies = v.raw },
	},
}

// propTable is a category's table made fast to look up.
type propTable struct {
	names   *intern.Names
	setters []propSetter
}

func (t *propTable) lookup(name []byte) propSetter {
	if t.names == nil {
		return nil
	}
	if i, ok := t.names.Lookup(name); ok {
		return t.setters[i]
	}
	return nil
}

// propLookup holds propTables made fast, by category.
var propLookup = func() (out [len(propTables)]propTable) {
	for c, m := range propTables {
		if m == nil {
			continue
		}
		var names []string
		var setters []propSetter
		for name, set := range m {
			names = append(names, name)
			setters = append(setters, set)
		}
		out[c] = propTable{names: intern.NewNames(names, false), setters: setters}
	}
	return out
}()
