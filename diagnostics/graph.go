package diagnostics

import (
	"net/netip"
	"time"

	"github.com/azlogs/azlogs"
)

// GraphProperties is the typed view of MicrosoftGraphActivityLogs records:
// one Microsoft Graph API request to a tenant. The resource ID is the
// tenant's (/TENANTS/<id>/PROVIDERS/MICROSOFT.AADIAM).
type GraphProperties struct {
	APIVersion       string
	AppID            string
	ATContent        string
	ClientAuthMethod azlogs.OptInt
	ClientRequestID  azlogs.ID
	DurationMs       azlogs.OptInt
	IdentityProvider string
	IPAddress        netip.Addr
	Location         string
	OperationID      azlogs.ID
	RequestID        azlogs.ID
	RequestMethod    string
	// RequestURI is the request's URL, with its path and query string. It is
	// unique per request, so it is kept as its JSON value (a string),
	// borrowed until the decoder's next Next; Text returns the string.
	RequestURI         azlogs.RawJSON
	ResponseSizeBytes  azlogs.OptInt
	ResponseStatusCode azlogs.OptInt
	// Roles and Scopes are space-separated lists, kept as JSON (a string
	// or null) since they can run to kilobytes; RawJSON.Text decodes them.
	// Borrowed.
	Roles  azlogs.RawJSON
	Scopes azlogs.RawJSON
	// Wids is a space-separated list of role template IDs.
	Wids               string
	ServicePrincipalID string
	SignInActivityID   string
	TenantID           string
	TimeGenerated      time.Time
	TokenIssuedAt      time.Time
	UserAgent          string
	UserID             string
	DeviceID           string
	SessionID          string
}

// Graph returns the typed view of a MicrosoftGraphActivityLogs record, or
// nil.
func (p *Properties) Graph() *GraphProperties {
	v, _ := p.view.(*GraphProperties)
	return v
}

func (p *GraphProperties) caller() string {
	switch {
	case p.UserID != "":
		return p.UserID
	case p.ServicePrincipalID != "":
		return p.ServicePrincipalID
	}
	return p.AppID
}

func (p *GraphProperties) clientIP() netip.Addr { return p.IPAddress }

func (p *GraphProperties) check() (ps problems) {
	v := &ps
	checkHTTPStatus(v, "/properties/responseStatusCode", p.ResponseStatusCode)
	return ps
}

type graph = GraphProperties

var graphView = &view[graph]{props: fields[graph]{
	"apiVersion":         func(p *graph, v *value) { p.APIVersion = v.str() },
	"appId":              func(p *graph, v *value) { p.AppID = v.str() },
	"atContent":          func(p *graph, v *value) { p.ATContent = v.str() },
	"clientAuthMethod":   func(p *graph, v *value) { p.ClientAuthMethod = v.optInt() },
	"clientRequestId":    func(p *graph, v *value) { p.ClientRequestID = v.id() },
	"durationMs":         func(p *graph, v *value) { p.DurationMs = v.optInt() },
	"identityProvider":   func(p *graph, v *value) { p.IdentityProvider = v.str() },
	"ipAddress":          func(p *graph, v *value) { p.IPAddress = v.addr() },
	"location":           func(p *graph, v *value) { p.Location = v.str() },
	"operationId":        func(p *graph, v *value) { p.OperationID = v.id() },
	"requestId":          func(p *graph, v *value) { p.RequestID = v.id() },
	"requestMethod":      func(p *graph, v *value) { p.RequestMethod = v.str() },
	"requestUri":         func(p *graph, v *value) { p.RequestURI = v.raw },
	"responseSizeBytes":  func(p *graph, v *value) { p.ResponseSizeBytes = v.optInt() },
	"responseStatusCode": func(p *graph, v *value) { p.ResponseStatusCode = v.optInt() },
	"roles":              func(p *graph, v *value) { p.Roles = v.raw },
	"scopes":             func(p *graph, v *value) { p.Scopes = v.raw },
	"wids":               func(p *graph, v *value) { p.Wids = v.str() },
	"servicePrincipalId": func(p *graph, v *value) { p.ServicePrincipalID = v.str() },
	"signInActivityId":   func(p *graph, v *value) { p.SignInActivityID = v.str() },
	"tenantId":           func(p *graph, v *value) { p.TenantID = v.str() },
	"timeGenerated":      func(p *graph, v *value) { p.TimeGenerated = v.time() },
	"tokenIssuedAt":      func(p *graph, v *value) { p.TokenIssuedAt = v.time() },
	"userAgent":          func(p *graph, v *value) { p.UserAgent = v.str() },
	"userId":             func(p *graph, v *value) { p.UserID = v.str() },
	"C_DeviceId":         func(p *graph, v *value) { p.DeviceID = v.str() },
	"c_Sid":              func(p *graph, v *value) { p.SessionID = v.str() },
}}

// AttestationProperties is the typed view of Microsoft Azure Attestation
// Operational records. Attestation writes Time (capital T), region, uri and
// traceContext (a string of JSON with a trailing comma) at the top level,
// and identity as a string of JSON.
type AttestationProperties struct {
	FailureResourceID string
	FailureCategory   string
	// FailureDetails is the failure's text, which describes this request's
	// evidence. It is unique per request, so it is kept as its JSON value (a
	// string), borrowed until the decoder's next Next; Text returns the
	// string.
	FailureDetails azlogs.RawJSON
	// InfoDataReceived describes the request: headers, sizes. Borrowed.
	InfoDataReceived azlogs.RawJSON
	// Top-level members.
	// URI is the request's URI, with its path and query string. It is unique
	// per request, so it is kept as its JSON value (a string), borrowed
	// until the decoder's next Next; Text returns the string.
	URI          azlogs.RawJSON
	TraceContext azlogs.RawJSON
}

// Attestation returns the typed view of an Attestation record, or nil.
func (p *Properties) Attestation() *AttestationProperties {
	v, _ := p.view.(*AttestationProperties)
	return v
}

type attest = AttestationProperties

var attestationView = &view[attest]{
	props: fields[attest]{
		"failureResourceId": func(p *attest, v *value) { p.FailureResourceID = v.str() },
		"failureCategory":   func(p *attest, v *value) { p.FailureCategory = v.str() },
		"failureDetails":    func(p *attest, v *value) { p.FailureDetails = v.raw },
		"infoDataReceived":  func(p *attest, v *value) { p.InfoDataReceived = v.raw },
	},
	top: fields[attest]{
		"uri":          func(p *attest, v *value) { p.URI = v.raw },
		"traceContext": func(p *attest, v *value) { p.TraceContext = v.raw },
	},
}
