package diagnostics

import (
	"net/netip"

	"github.com/azlogs/azlogs"
)

// AppGatewayAccessProperties is the typed view of
// ApplicationGatewayAccessLog records, v1 and v2 SKU. The v2 SKU writes
// timeStamp instead of time and adds listenerName, ruleName,
// backendPoolName and backendSettingName at the top level; they are read
// too.
type AppGatewayAccessProperties struct {
	InstanceID string
	ClientIP   netip.Addr
	ClientPort azlogs.OptInt
	HTTPMethod string
	// RequestURI is the URI of the request. It is unique per request, so it
	// is kept as its JSON value (a string), borrowed until the decoder's
	// next Next; Text returns the string.
	RequestURI azlogs.RawJSON
	// RequestQuery is the query string; v1 puts SERVER-ROUTED, SERVER-STATUS
	// and X-AzureApplicationGateway-LOG-ID pairs in it. It is unique per
	// request, so it is kept as its JSON value (a string), borrowed until
	// the decoder's next Next; Text returns the string.
	RequestQuery azlogs.RawJSON
	// UserAgent is "-" when there was none (v1).
	UserAgent   string
	HTTPStatus  azlogs.OptInt
	HTTPVersion string
	// ReceivedBytes and SentBytes count the request and response.
	ReceivedBytes azlogs.OptInt
	SentBytes     azlogs.OptInt
	// ClientResponseTime is in seconds (v2).
	ClientResponseTime OptFloat
	// TimeTaken is in milliseconds on v1 and in seconds on v2.
	TimeTaken         OptFloat
	WAFEvaluationTime OptFloat
	WAFMode           string
	// TransactionID is unique per request, so kept as JSON (a string).
	// Borrowed.
	TransactionID azlogs.RawJSON
	// SSLEnabled is on or off.
	SSLEnabled                      string
	SSLCipher                       string
	SSLProtocol                     string
	SSLClientVerify                 string
	SSLClientCertificateFingerprint string
	SSLClientCertificateIssuerName  string
	// ServerRouted is the back end, ip:port.
	ServerRouted string
	// ServerStatus is the back end's status ("" when none).
	ServerStatus azlogs.OptInt
	// ServerResponseLatency is in seconds.
	ServerResponseLatency OptFloat
	Host                  string
	OriginalHost          string
	// OriginalRequestURIWithArgs is the request's path and query string as
	// the client sent them, before any rewrite. It is unique per request, so
	// it is kept as its JSON value (a string), borrowed until the decoder's
	// next Next; Text returns the string.
	OriginalRequestURIWithArgs azlogs.RawJSON
	UpstreamSourcePort         azlogs.OptInt
	// ErrorInfo is error_info: ERRORINFO_NO_ERROR or the reason of a
	// 4xx/5xx.
	ErrorInfo   string
	ContentType string
	// Top-level members of the v2 SKU.
	ListenerName       string
	RuleName           string
	BackendPoolName    string
	BackendSettingName string
}

// AppGatewayAccess returns the typed view of an Application Gateway access
// log record, or nil.
func (p *Properties) AppGatewayAccess() *AppGatewayAccessProperties {
	v, _ := p.view.(*AppGatewayAccessProperties)
	return v
}

func (p *AppGatewayAccessProperties) clientIP() netip.Addr { return p.ClientIP }

func (p *AppGatewayAccessProperties) check() (ps problems) {
	v := &ps
	checkHTTPStatus(v, "/properties/httpStatus", p.HTTPStatus)
	checkHTTPStatus(v, "/properties/serverStatus", p.ServerStatus)
	checkPort(v, "/properties/clientPort", p.ClientPort)
	checkPort(v, "/properties/upstreamSourcePort", p.UpstreamSourcePort)
	return ps
}

type agwAccess = AppGatewayAccessProperties

var appGatewayAccessView = &view[agwAccess]{
	props: fields[agwAccess]{
		"instanceId":                      func(p *agwAccess, v *value) { p.InstanceID = v.str() },
		"clientIP":                        func(p *agwAccess, v *value) { p.ClientIP = v.addr() },
		"clientPort":                      func(p *agwAccess, v *value) { p.ClientPort = v.optInt() },
		"httpMethod":                      func(p *agwAccess, v *value) { p.HTTPMethod = v.str() },
		"requestUri":                      func(p *agwAccess, v *value) { p.RequestURI = v.raw },
		"requestQuery":                    func(p *agwAccess, v *value) { p.RequestQuery = v.raw },
		"userAgent":                       func(p *agwAccess, v *value) { p.UserAgent = v.str() },
		"httpStatus":                      func(p *agwAccess, v *value) { p.HTTPStatus = v.optInt() },
		"httpVersion":                     func(p *agwAccess, v *value) { p.HTTPVersion = v.str() },
		"receivedBytes":                   func(p *agwAccess, v *value) { p.ReceivedBytes = v.optInt() },
		"sentBytes":                       func(p *agwAccess, v *value) { p.SentBytes = v.optInt() },
		"clientResponseTime":              func(p *agwAccess, v *value) { p.ClientResponseTime = v.optFloat() },
		"timeTaken":                       func(p *agwAccess, v *value) { p.TimeTaken = v.optFloat() },
		"WAFEvaluationTime":               func(p *agwAccess, v *value) { p.WAFEvaluationTime = v.optFloat() },
		"WAFMode":                         func(p *agwAccess, v *value) { p.WAFMode = v.str() },
		"transactionId":                   func(p *agwAccess, v *value) { p.TransactionID = v.raw },
		"sslEnabled":                      func(p *agwAccess, v *value) { p.SSLEnabled = v.str() },
		"sslCipher":                       func(p *agwAccess, v *value) { p.SSLCipher = v.str() },
		"sslProtocol":                     func(p *agwAccess, v *value) { p.SSLProtocol = v.str() },
		"sslClientVerify":                 func(p *agwAccess, v *value) { p.SSLClientVerify = v.str() },
		"sslClientCertificateFingerprint": func(p *agwAccess, v *value) { p.SSLClientCertificateFingerprint = v.str() },
		"sslClientCertificateIssuerName":  func(p *agwAccess, v *value) { p.SSLClientCertificateIssuerName = v.str() },
		"serverRouted":                    func(p *agwAccess, v *value) { p.ServerRouted = v.str() },
		"serverStatus":                    func(p *agwAccess, v *value) { p.ServerStatus = v.optInt() },
		"serverResponseLatency":           func(p *agwAccess, v *value) { p.ServerResponseLatency = v.optFloat() },
		"host":                            func(p *agwAccess, v *value) { p.Host = v.str() },
		"originalHost":                    func(p *agwAccess, v *value) { p.OriginalHost = v.str() },
		"originalRequestUriWithArgs":      func(p *agwAccess, v *value) { p.OriginalRequestURIWithArgs = v.raw },
		"upstreamSourcePort":              func(p *agwAccess, v *value) { p.UpstreamSourcePort = v.optInt() },
		"error_info":                      func(p *agwAccess, v *value) { p.ErrorInfo = v.str() },
		"contentType":                     func(p *agwAccess, v *value) { p.ContentType = v.str() },
	}.with("clientIP", "clientIp", "userAgent", "UserAgent", "requestQuery", "RequestQuery"),
	top: fields[agwAccess]{
		"listenerName":       func(p *agwAccess, v *value) { p.ListenerName = v.str() },
		"ruleName":           func(p *agwAccess, v *value) { p.RuleName = v.str() },
		"backendPoolName":    func(p *agwAccess, v *value) { p.BackendPoolName = v.str() },
		"backendSettingName": func(p *agwAccess, v *value) { p.BackendSettingName = v.str() },
	},
}

// AppGatewayPerformanceProperties is the typed view of
// ApplicationGatewayPerformanceLog records (v1 SKU only). Every number
// arrives as a string.
type AppGatewayPerformanceProperties struct {
	InstanceID         string
	HealthyHostCount   azlogs.OptInt
	UnhealthyHostCount azlogs.OptInt
	RequestCount       azlogs.OptInt
	// Latency is the mean latency to the back end, ms.
	Latency            OptFloat
	FailedRequestCount azlogs.OptInt
	// Throughput is bytes per second since the previous record.
	Throughput OptFloat
}

// AppGatewayPerformance returns the typed view of an Application Gateway
// performance log record, or nil.
func (p *Properties) AppGatewayPerformance() *AppGatewayPerformanceProperties {
	v, _ := p.view.(*AppGatewayPerformanceProperties)
	return v
}

type agwPerf = AppGatewayPerformanceProperties

var appGatewayPerformanceView = &view[agwPerf]{props: fields[agwPerf]{
	"instanceId":         func(p *agwPerf, v *value) { p.InstanceID = v.str() },
	"healthyHostCount":   func(p *agwPerf, v *value) { p.HealthyHostCount = v.optInt() },
	"unHealthyHostCount": func(p *agwPerf, v *value) { p.UnhealthyHostCount = v.optInt() },
	"requestCount":       func(p *agwPerf, v *value) { p.RequestCount = v.optInt() },
	"latency":            func(p *agwPerf, v *value) { p.Latency = v.optFloat() },
	"failedRequestCount": func(p *agwPerf, v *value) { p.FailedRequestCount = v.optInt() },
	"throughput":         func(p *agwPerf, v *value) { p.Throughput = v.optFloat() },
}}

// AppGatewayFirewallProperties is the typed view of
// ApplicationGatewayFirewallLog records: one WAF rule hit.
type AppGatewayFirewallProperties struct {
	InstanceID string
	// ClientIP is clientIp (lower-case p, unlike the access log).
	ClientIP   netip.Addr
	ClientPort azlogs.OptInt
	// RequestURI is the request's path and query string. It is unique per
	// request, so it is kept as its JSON value (a string), borrowed until
	// the decoder's next Next; Text returns the string.
	RequestURI azlogs.RawJSON
	// RuleSetType is OWASP, OWASP_CRS, Microsoft_DefaultRuleSet, …
	RuleSetType    string
	RuleSetVersion string
	RuleID         string
	RuleGroup      string
	// Message is the rule's description, a fixed text per rule.
	Message string
	// Action is Matched, Detected, Blocked, Allowed.
	Action string
	Site   string
	// Details are the rule's text, the matched data, the rule file and line.
	Details  WAFDetails
	Hostname string
	// TransactionID identifies the request, as in the access log. It is
	// unique per request, so it is kept as its JSON value (a string),
	// borrowed until the decoder's next Next; Text returns the string.
	TransactionID   azlogs.RawJSON
	PolicyID        string
	PolicyScope     string
	PolicyScopeName string
}

// WAFDetails are the details of an Application Gateway WAF rule hit.
type WAFDetails struct {
	// Message is the rule's text and the variable it matched in (Pattern
	// match … at ARGS:id), bounded by the rules and the application's
	// parameters.
	Message string
	// Data is the matched data, taken from the request (Matched Data: …
	// found within ARGS:id: …). It is unique per request, so it is kept as
	// its JSON value (a string), borrowed until the decoder's next Next;
	// Text returns the string.
	Data azlogs.RawJSON
	File string
	Line azlogs.OptInt
}

// AppGatewayFirewall returns the typed view of an Application Gateway
// firewall log record, or nil.
func (p *Properties) AppGatewayFirewall() *AppGatewayFirewallProperties {
	v, _ := p.view.(*AppGatewayFirewallProperties)
	return v
}

func (p *AppGatewayFirewallProperties) clientIP() netip.Addr { return p.ClientIP }

type agwFW = AppGatewayFirewallProperties

var appGatewayFirewallView = &view[agwFW]{props: fields[agwFW]{
	"instanceId":      func(p *agwFW, v *value) { p.InstanceID = v.str() },
	"clientIp":        func(p *agwFW, v *value) { p.ClientIP = v.addr() },
	"clientPort":      func(p *agwFW, v *value) { p.ClientPort = v.optInt() },
	"requestUri":      func(p *agwFW, v *value) { p.RequestURI = v.raw },
	"ruleSetType":     func(p *agwFW, v *value) { p.RuleSetType = v.str() },
	"ruleSetVersion":  func(p *agwFW, v *value) { p.RuleSetVersion = v.str() },
	"ruleId":          func(p *agwFW, v *value) { p.RuleID = v.str() },
	"ruleGroup":       func(p *agwFW, v *value) { p.RuleGroup = v.str() },
	"message":         func(p *agwFW, v *value) { p.Message = v.str() },
	"action":          func(p *agwFW, v *value) { p.Action = v.str() },
	"site":            func(p *agwFW, v *value) { p.Site = v.str() },
	"hostname":        func(p *agwFW, v *value) { p.Hostname = v.str() },
	"transactionId":   func(p *agwFW, v *value) { p.TransactionID = v.raw },
	"policyId":        func(p *agwFW, v *value) { p.PolicyID = v.str() },
	"policyScope":     func(p *agwFW, v *value) { p.PolicyScope = v.str() },
	"policyScopeName": func(p *agwFW, v *value) { p.PolicyScopeName = v.str() },
	"details": func(p *agwFW, v *value) {
		v.each(func(key []byte, m value) {
			switch string(key) {
			case "message":
				p.Details.Message = m.str()
			case "data":
				p.Details.Data = m.raw
			case "file":
				p.Details.File = m.str()
			case "line":
				p.Details.Line = m.optInt()
			}
		})
	},
}.with("clientIp", "clientIP")}
