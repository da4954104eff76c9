package diagnostics

import (
	"net/netip"

	"github.com/azlogs/azlogs"
)

// AppServiceHTTPProperties is the typed view of AppServiceHTTPLogs records:
// the web server's access log. Most numbers arrive as strings; TimeTaken is
// a number, in milliseconds. Through Event Hubs the whole properties
// member may be a string of JSON.
type AppServiceHTTPProperties struct {
	CsHost string
	CIP    netip.Addr
	SPort  azlogs.OptInt
	// CsURIStem is the request's path. It is unique per request, so it is
	// kept as its JSON value (a string), borrowed until the decoder's next
	// Next; Text returns the string.
	CsURIStem azlogs.RawJSON
	// CsURIQuery is the request's query string. It is unique per request, so
	// it is kept as its JSON value (a string), borrowed until the decoder's
	// next Next; Text returns the string.
	CsURIQuery azlogs.RawJSON
	CsMethod   string
	// TimeTaken is in milliseconds.
	TimeTaken azlogs.OptInt
	ScStatus  azlogs.OptInt
	Result    string
	CsBytes   azlogs.OptInt
	ScBytes   azlogs.OptInt
	UserAgent string
	// Cookie is the request's Cookie header. It is unique per request, so it
	// is kept as its JSON value (a string), borrowed until the decoder's
	// next Next; Text returns the string.
	Cookie     azlogs.RawJSON
	CsUsername string
	// Referer is the request's Referer header. It is unique per request, so
	// it is kept as its JSON value (a string), borrowed until the decoder's
	// next Next; Text returns the string.
	Referer      azlogs.RawJSON
	ComputerName string
	Protocol     string
}

// AppServiceHTTP returns the typed view of an AppServiceHTTPLogs record, or
// nil.
func (p *Properties) AppServiceHTTP() *AppServiceHTTPProperties {
	v, _ := p.view.(*AppServiceHTTPProperties)
	return v
}

func (p *AppServiceHTTPProperties) clientIP() netip.Addr { return p.CIP }

func (p *AppServiceHTTPProperties) check() (ps problems) {
	v := &ps
	checkHTTPStatus(v, "/properties/ScStatus", p.ScStatus)
	checkPort(v, "/properties/SPort", p.SPort)
	return ps
}

type asHTTP = AppServiceHTTPProperties

var appServiceHTTPView = &view[asHTTP]{props: fields[asHTTP]{
	"CsHost":       func(p *asHTTP, v *value) { p.CsHost = v.str() },
	"CIp":          func(p *asHTTP, v *value) { p.CIP = v.addr() },
	"SPort":        func(p *asHTTP, v *value) { p.SPort = v.optInt() },
	"CsUriStem":    func(p *asHTTP, v *value) { p.CsURIStem = v.raw },
	"CsUriQuery":   func(p *asHTTP, v *value) { p.CsURIQuery = v.raw },
	"CsMethod":     func(p *asHTTP, v *value) { p.CsMethod = v.str() },
	"TimeTaken":    func(p *asHTTP, v *value) { p.TimeTaken = v.optInt() },
	"ScStatus":     func(p *asHTTP, v *value) { p.ScStatus = v.optInt() },
	"Result":       func(p *asHTTP, v *value) { p.Result = v.str() },
	"CsBytes":      func(p *asHTTP, v *value) { p.CsBytes = v.optInt() },
	"ScBytes":      func(p *asHTTP, v *value) { p.ScBytes = v.optInt() },
	"UserAgent":    func(p *asHTTP, v *value) { p.UserAgent = v.str() },
	"Cookie":       func(p *asHTTP, v *value) { p.Cookie = v.raw },
	"CsUsername":   func(p *asHTTP, v *value) { p.CsUsername = v.str() },
	"Referer":      func(p *asHTTP, v *value) { p.Referer = v.raw },
	"ComputerName": func(p *asHTTP, v *value) { p.ComputerName = v.str() },
	"Protocol":     func(p *asHTTP, v *value) { p.Protocol = v.str() },
}}

// AppServiceAppProperties is the typed view of AppServiceAppLogs and
// AppServiceConsoleLogs records: what the application wrote.
type AppServiceAppProperties struct {
	ContainerID string
	Host        string
	Level       string
	CustomLevel string
	// ResultDescription is the log line as the platform formats it. It is
	// unique per request, so it is kept as its JSON value (a string),
	// borrowed until the decoder's next Next; Text returns the string.
	ResultDescription azlogs.RawJSON
	// Message is what the application wrote. It is unique per request, so it
	// is kept as its JSON value (a string), borrowed until the decoder's
	// next Next; Text returns the string.
	Message        azlogs.RawJSON
	Logger         string
	Method         string
	Source         string
	ExceptionClass string
	// Stacktrace is the exception's stack trace. It is unique per request,
	// so it is kept as its JSON value (a string), borrowed until the
	// decoder's next Next; Text returns the string.
	Stacktrace        azlogs.RawJSON
	WebSiteInstanceID string
}

// AppServiceApp returns the typed view of an AppServiceAppLogs or
// AppServiceConsoleLogs record, or nil.
func (p *Properties) AppServiceApp() *AppServiceAppProperties {
	v, _ := p.view.(*AppServiceAppProperties)
	return v
}

type asApp = AppServiceAppProperties

var appServiceAppView = &view[asApp]{props: fields[asApp]{
	"ContainerId":       func(p *asApp, v *value) { p.ContainerID = v.str() },
	"Host":              func(p *asApp, v *value) { p.Host = v.str() },
	"Level":             func(p *asApp, v *value) { p.Level = v.str() },
	"CustomLevel":       func(p *asApp, v *value) { p.CustomLevel = v.str() },
	"ResultDescription": func(p *asApp, v *value) { p.ResultDescription = v.raw },
	"Message":           func(p *asApp, v *value) { p.Message = v.raw },
	"Logger":            func(p *asApp, v *value) { p.Logger = v.str() },
	"Method":            func(p *asApp, v *value) { p.Method = v.str() },
	"Source":            func(p *asApp, v *value) { p.Source = v.str() },
	"ExceptionClass":    func(p *asApp, v *value) { p.ExceptionClass = v.str() },
	"Stacktrace":        func(p *asApp, v *value) { p.Stacktrace = v.raw },
	"WebSiteInstanceId": func(p *asApp, v *value) { p.WebSiteInstanceID = v.str() },
}}

// AppServiceAuditProperties is the typed view of AppServiceAuditLogs
// records: publishing (FTP, Web Deploy) sign-ins.
type AppServiceAuditProperties struct {
	User            string
	UserDisplayName string
	UserAddress     netip.Addr
	Protocol        string
}

// AppServiceAudit returns the typed view of an AppServiceAuditLogs record,
// or nil.
func (p *Properties) AppServiceAudit() *AppServiceAuditProperties {
	v, _ := p.view.(*AppServiceAuditProperties)
	return v
}

func (p *AppServiceAuditProperties) caller() string       { return p.User }
func (p *AppServiceAuditProperties) clientIP() netip.Addr { return p.UserAddress }

var appServiceAuditView = &view[AppServiceAuditProperties]{props: fields[AppServiceAuditProperties]{
	"User":            func(p *AppServiceAuditProperties, v *value) { p.User = v.str() },
	"UserDisplayName": func(p *AppServiceAuditProperties, v *value) { p.UserDisplayName = v.str() },
	"UserAddress":     func(p *AppServiceAuditProperties, v *value) { p.UserAddress = v.addr() },
	"Protocol":        func(p *AppServiceAuditProperties, v *value) { p.Protocol = v.str() },
}}

// AppServiceFileAuditProperties is the typed view of
// AppServiceFileAuditLogs records: changes to the site's files.
type AppServiceFileAuditProperties struct {
	// Path is the file changed. It is unique per request, so it is kept as
	// its JSON value (a string), borrowed until the decoder's next Next;
	// Text returns the string.
	Path    azlogs.RawJSON
	Process string
}

// AppServiceFileAudit returns the typed view of an AppServiceFileAuditLogs
// record, or nil.
func (p *Properties) AppServiceFileAudit() *AppServiceFileAuditProperties {
	v, _ := p.view.(*AppServiceFileAuditProperties)
	return v
}

var appServiceFileAuditView = &view[AppServiceFileAuditProperties]{props: fields[AppServiceFileAuditProperties]{
	"Path":    func(p *AppServiceFileAuditProperties, v *value) { p.Path = v.raw },
	"Process": func(p *AppServiceFileAuditProperties, v *value) { p.Process = v.str() },
}}

// AppServiceIPSecAuditProperties is the typed view of
// AppServiceIPSecAuditLogs records: access-restriction decisions.
type AppServiceIPSecAuditProperties struct {
	// Result is Allowed or Denied.
	Result string
	CsHost string
	// ServiceEndpoint arrives as the string "True" or "False".
	ServiceEndpoint azlogs.OptBool
	// CIP is the client, written with a port (42.42.42.42:12345).
	CIP netip.Addr
	// XForwardedFor is the X-Forwarded-For header: the client addresses,
	// often with their ports, so that it is unique per connection. It is
	// unique per request, so it is kept as its JSON value (a string),
	// borrowed until the decoder's next Next; Text returns the string.
	XForwardedFor  azlogs.RawJSON
	XForwardedHost string
	XAzureFDID     string
	XFDHealthProbe string
	// Details describe the decision for this request. It is unique per
	// request, so it is kept as its JSON value (a string), borrowed until
	// the decoder's next Next; Text returns the string.
	Details azlogs.RawJSON
}

// AppServiceIPSecAudit returns the typed view of an
// AppServiceIPSecAuditLogs record, or nil.
func (p *Properties) AppServiceIPSecAudit() *AppServiceIPSecAuditProperties {
	v, _ := p.view.(*AppServiceIPSecAuditProperties)
	return v
}

func (p *AppServiceIPSecAuditProperties) clientIP() netip.Addr { return p.CIP }

type asIPSec = AppServiceIPSecAuditProperties

var appServiceIPSecAuditView = &view[asIPSec]{props: fields[asIPSec]{
	"Result":          func(p *asIPSec, v *value) { p.Result = v.str() },
	"CsHost":          func(p *asIPSec, v *value) { p.CsHost = v.str() },
	"ServiceEndpoint": func(p *asIPSec, v *value) { p.ServiceEndpoint = v.optBool() },
	"CIp":             func(p *asIPSec, v *value) { p.CIP = v.addr() },
	"XForwardedFor":   func(p *asIPSec, v *value) { p.XForwardedFor = v.raw },
	"XForwardedHost":  func(p *asIPSec, v *value) { p.XForwardedHost = v.str() },
	"XAzureFDID":      func(p *asIPSec, v *value) { p.XAzureFDID = v.str() },
	"XFDHealthProbe":  func(p *asIPSec, v *value) { p.XFDHealthProbe = v.str() },
	"Details":         func(p *asIPSec, v *value) { p.Details = v.raw },
}}

// AppServicePlatformProperties is the typed view of AppServicePlatformLogs
// records: container lifecycle events. The stamp members that App Service
// adds at the top level (EventStampName, Host, EventIpAddress …) are read
// too.
type AppServicePlatformProperties struct {
	// Message is the event's text, with the container's name, image and
	// times. It is unique per request, so it is kept as its JSON value (a
	// string), borrowed until the decoder's next Next; Text returns the
	// string.
	Message     azlogs.RawJSON
	ContainerID string
	// Stamp members, at the top level of the record.
	EventStampType        string
	EventPrimaryStampName string
	EventStampName        string
	Host                  string
	EventIPAddress        netip.Addr
}

// AppServicePlatform returns the typed view of an AppServicePlatformLogs
// record, or nil.
func (p *Properties) AppServicePlatform() *AppServicePlatformProperties {
	v, _ := p.view.(*AppServicePlatformProperties)
	return v
}

type asPlat = AppServicePlatformProperties

var appServicePlatformView = &view[asPlat]{
	props: fields[asPlat]{
		"message":     func(p *asPlat, v *value) { p.Message = v.raw },
		"containerId": func(p *asPlat, v *value) { p.ContainerID = v.str() },
	}.with("message", "Message", "containerId", "ContainerId"),
	top: fields[asPlat]{
		"EventStampType":        func(p *asPlat, v *value) { p.EventStampType = v.str() },
		"EventPrimaryStampName": func(p *asPlat, v *value) { p.EventPrimaryStampName = v.str() },
		"EventStampName":        func(p *asPlat, v *value) { p.EventStampName = v.str() },
		"Host":                  func(p *asPlat, v *value) { p.Host = v.str() },
		"EventIpAddress":        func(p *asPlat, v *value) { p.EventIPAddress = v.addr() },
	},
}

// AppServiceAuthenticationProperties is the typed view of
// AppServiceAuthenticationLogs records (Easy Auth).
type AppServiceAuthenticationProperties struct {
	// Message is the event's text. It is unique per request, so it is kept
	// as its JSON value (a string), borrowed until the decoder's next Next;
	// Text returns the string.
	Message              azlogs.RawJSON
	ModuleRuntimeVersion string
	SiteName             string
	TaskName             string
	StatusCode           azlogs.OptInt
	SubStatusCode        azlogs.OptInt
	// Details are the event's details (tokens' claims, redirect URIs). It is
	// unique per request, so it is kept as its JSON value (a string),
	// borrowed until the decoder's next Next; Text returns the string.
	Details azlogs.RawJSON
}

// AppServiceAuthentication returns the typed view of an
// AppServiceAuthenticationLogs record, or nil.
func (p *Properties) AppServiceAuthentication() *AppServiceAuthenticationProperties {
	v, _ := p.view.(*AppServiceAuthenticationProperties)
	return v
}

type asAuth = AppServiceAuthenticationProperties

var appServiceAuthenticationView = &view[asAuth]{props: fields[asAuth]{
	"message":              func(p *asAuth, v *value) { p.Message = v.raw },
	"moduleRuntimeVersion": func(p *asAuth, v *value) { p.ModuleRuntimeVersion = v.str() },
	"siteName":             func(p *asAuth, v *value) { p.SiteName = v.str() },
	"taskName":             func(p *asAuth, v *value) { p.TaskName = v.str() },
	"statusCode":           func(p *asAuth, v *value) { p.StatusCode = v.optInt() },
	"subStatusCode":        func(p *asAuth, v *value) { p.SubStatusCode = v.optInt() },
	"details":              func(p *asAuth, v *value) { p.Details = v.raw },
}}

// FunctionAppProperties is the typed view of FunctionAppLogs records.
// Depending on plan, OS and SKU, properties arrives as an object, as a
// string of JSON, or as a single-quoted pseudo-object (bare or in a
// string), which the decoder repairs (QuirkSingleQuoted).
type FunctionAppProperties struct {
	AppName      string
	RoleInstance string
	// Message is what the host or the function wrote, with the invocation's
	// ID. It is unique per request, so it is kept as its JSON value (a
	// string), borrowed until the decoder's next Next; Text returns the
	// string.
	Message              azlogs.RawJSON
	Category             string
	HostVersion          string
	FunctionInvocationID azlogs.ID
	FunctionName         string
	HostInstanceID       azlogs.ID
	// Level is the host's word (Information, Error …); LevelID its number
	// (0 Trace … 5 Critical).
	Level     string
	LevelID   azlogs.OptInt
	ProcessID azlogs.OptInt
	EventID   azlogs.OptInt
	EventName string
	// ExceptionDetails and ExceptionMessage are the exception's text,
	// often many kilobytes, as JSON strings (RawJSON.Text decodes them).
	// Borrowed.
	ExceptionDetails azlogs.RawJSON
	ExceptionMessage azlogs.RawJSON
	ExceptionType    string
	// ActivityID is the invocation's trace ID. It is unique per request, so
	// it is kept as its JSON value (a string), borrowed until the decoder's
	// next Next; Text returns the string.
	ActivityID azlogs.RawJSON
}

// FunctionApp returns the typed view of a FunctionAppLogs record, or nil.
func (p *Properties) FunctionApp() *FunctionAppProperties {
	v, _ := p.view.(*FunctionAppProperties)
	return v
}

type fnApp = FunctionAppProperties

var functionAppView = &view[fnApp]{props: fields[fnApp]{
	"appName":              func(p *fnApp, v *value) { p.AppName = v.str() },
	"roleInstance":         func(p *fnApp, v *value) { p.RoleInstance = v.str() },
	"message":              func(p *fnApp, v *value) { p.Message = v.raw },
	"category":             func(p *fnApp, v *value) { p.Category = v.str() },
	"hostVersion":          func(p *fnApp, v *value) { p.HostVersion = v.str() },
	"functionInvocationId": func(p *fnApp, v *value) { p.FunctionInvocationID = v.id() },
	"functionName":         func(p *fnApp, v *value) { p.FunctionName = v.str() },
	"hostInstanceId":       func(p *fnApp, v *value) { p.HostInstanceID = v.id() },
	"level":                func(p *fnApp, v *value) { p.Level = v.str() },
	"levelId":              func(p *fnApp, v *value) { p.LevelID = v.optInt() },
	"processId":            func(p *fnApp, v *value) { p.ProcessID = v.optInt() },
	"eventId":              func(p *fnApp, v *value) { p.EventID = v.optInt() },
	"eventName":            func(p *fnApp, v *value) { p.EventName = v.str() },
	"exceptionDetails":     func(p *fnApp, v *value) { p.ExceptionDetails = v.raw },
	"exceptionMessage":     func(p *fnApp, v *value) { p.ExceptionMessage = v.raw },
	"exceptionType":        func(p *fnApp, v *value) { p.ExceptionType = v.str() },
	"activityId":           func(p *fnApp, v *value) { p.ActivityID = v.raw },
}}
