package diagnostics

import (
	"net/netip"

	"github.com/azlogs/azlogs"
)

// FrontDoorAccessProperties is the typed view of FrontDoorAccessLog (Front
// Door Standard/Premium), FrontdoorAccessLog (classic Front Door) and
// AzureCdnAccessLog records. Numbers arrive as strings; records carry both
// errorInfo and ErrorInfo.
type FrontDoorAccessProperties struct {
	// TrackingReference is unique per request, so kept as JSON (a
	// string). Borrowed.
	TrackingReference azlogs.RawJSON
	HTTPMethod        string
	HTTPVersion       string
	// RequestURI is the request's URL, with its path and query string. It is
	// unique per request, so it is kept as its JSON value (a string),
	// borrowed until the decoder's next Next; Text returns the string.
	RequestURI    azlogs.RawJSON
	SNI           string
	RequestBytes  azlogs.OptInt
	ResponseBytes azlogs.OptInt
	UserAgent     string
	ClientIP      netip.Addr
	ClientPort    azlogs.OptInt
	SocketIP      netip.Addr
	// TimeToFirstByte and TimeTaken are in seconds.
	TimeToFirstByte   OptFloat
	TimeTaken         OptFloat
	RequestProtocol   string
	SecurityProtocol  string
	HTTPStatusCode    azlogs.OptInt
	HTTPStatusDetails string
	POP               string
	CacheStatus       string
	ErrorInfo         string
	Result            string
	Endpoint          string
	RoutingRuleName   string
	HostName          string
	BackendHostname   string
	// OriginURL is the origin's base URL, one per origin.
	OriginURL  string
	OriginIP   string
	OriginName string
	// Referer is the request's Referer header. It is unique per request, so
	// it is kept as its JSON value (a string), borrowed until the decoder's
	// next Next; Text returns the string.
	Referer               azlogs.RawJSON
	ClientCountry         string
	Domain                string
	SecurityCipher        string
	SecurityCurves        string
	IsReceivedFromClient  azlogs.OptBool
	RulesEngineMatchNames azlogs.RawJSON
}

// FrontDoorAccess returns the typed view of a Front Door or CDN access log
// record, or nil.
func (p *Properties) FrontDoorAccess() *FrontDoorAccessProperties {
	v, _ := p.view.(*FrontDoorAccessProperties)
	return v
}

func (p *FrontDoorAccessProperties) clientIP() netip.Addr { return p.ClientIP }

func (p *FrontDoorAccessProperties) check() (ps problems) {
	v := &ps
	checkHTTPStatus(v, "/properties/httpStatusCode", p.HTTPStatusCode)
	checkPort(v, "/properties/clientPort", p.ClientPort)
	return ps
}

type fdAccess = FrontDoorAccessProperties

var frontDoorAccessView = &view[fdAccess]{props: fields[fdAccess]{
	"trackingReference":     func(p *fdAccess, v *value) { p.TrackingReference = v.raw },
	"httpMethod":            func(p *fdAccess, v *value) { p.HTTPMethod = v.str() },
	"httpVersion":           func(p *fdAccess, v *value) { p.HTTPVersion = v.str() },
	"requestUri":            func(p *fdAccess, v *value) { p.RequestURI = v.raw },
	"sni":                   func(p *fdAccess, v *value) { p.SNI = v.str() },
	"requestBytes":          func(p *fdAccess, v *value) { p.RequestBytes = v.optInt() },
	"responseBytes":         func(p *fdAccess, v *value) { p.ResponseBytes = v.optInt() },
	"userAgent":             func(p *fdAccess, v *value) { p.UserAgent = v.str() },
	"clientIp":              func(p *fdAccess, v *value) { p.ClientIP = v.addr() },
	"clientPort":            func(p *fdAccess, v *value) { p.ClientPort = v.optInt() },
	"socketIp":              func(p *fdAccess, v *value) { p.SocketIP = v.addr() },
	"timeToFirstByte":       func(p *fdAccess, v *value) { p.TimeToFirstByte = v.optFloat() },
	"timeTaken":             func(p *fdAccess, v *value) { p.TimeTaken = v.optFloat() },
	"requestProtocol":       func(p *fdAccess, v *value) { p.RequestProtocol = v.str() },
	"securityProtocol":      func(p *fdAccess, v *value) { p.SecurityProtocol = v.str() },
	"httpStatusCode":        func(p *fdAccess, v *value) { p.HTTPStatusCode = v.optInt() },
	"httpStatusDetails":     func(p *fdAccess, v *value) { p.HTTPStatusDetails = v.str() },
	"pop":                   func(p *fdAccess, v *value) { p.POP = v.str() },
	"cacheStatus":           func(p *fdAccess, v *value) { p.CacheStatus = v.str() },
	"errorInfo":             func(p *fdAccess, v *value) { p.ErrorInfo = v.str() },
	"result":                func(p *fdAccess, v *value) { p.Result = v.str() },
	"endpoint":              func(p *fdAccess, v *value) { p.Endpoint = v.str() },
	"routingRuleName":       func(p *fdAccess, v *value) { p.RoutingRuleName = v.str() },
	"hostName":              func(p *fdAccess, v *value) { p.HostName = v.str() },
	"backendHostname":       func(p *fdAccess, v *value) { p.BackendHostname = v.str() },
	"originUrl":             func(p *fdAccess, v *value) { p.OriginURL = v.str() },
	"originIp":              func(p *fdAccess, v *value) { p.OriginIP = v.str() },
	"originName":            func(p *fdAccess, v *value) { p.OriginName = v.str() },
	"referer":               func(p *fdAccess, v *value) { p.Referer = v.raw },
	"clientCountry":         func(p *fdAccess, v *value) { p.ClientCountry = v.str() },
	"domain":                func(p *fdAccess, v *value) { p.Domain = v.str() },
	"securityCipher":        func(p *fdAccess, v *value) { p.SecurityCipher = v.str() },
	"securityCurves":        func(p *fdAccess, v *value) { p.SecurityCurves = v.str() },
	"isReceivedFromClient":  func(p *fdAccess, v *value) { p.IsReceivedFromClient = v.optBool() },
	"rulesEngineMatchNames": func(p *fdAccess, v *value) { p.RulesEngineMatchNames = v.raw },
}.with("errorInfo", "ErrorInfo", "clientIp", "clientIP", "socketIp", "socketIP")}

// FrontDoorHealthProbeProperties is the typed view of
// FrontDoorHealthProbeLog records. Numbers arrive as strings.
type FrontDoorHealthProbeProperties struct {
	// HealthProbeID identifies the probe request. It is unique per request,
	// so it is kept as its JSON value (a string), borrowed until the
	// decoder's next Next; Text returns the string.
	HealthProbeID  azlogs.RawJSON
	POP            string
	HTTPVerb       string
	Result         string
	HTTPStatusCode azlogs.OptInt
	// ProbeURL is the origin's probe URL, one per origin.
	ProbeURL   string
	OriginName string
	// OriginIP is written ip:port.
	OriginIP                      string
	TotalLatencyMilliseconds      azlogs.OptInt
	ConnectionLatencyMilliseconds azlogs.OptInt
	DNSLatencyMicroseconds        azlogs.OptInt
}

// FrontDoorHealthProbe returns the typed view of a FrontDoorHealthProbeLog
// record, or nil.
func (p *Properties) FrontDoorHealthProbe() *FrontDoorHealthProbeProperties {
	v, _ := p.view.(*FrontDoorHealthProbeProperties)
	return v
}

type fdProbe = FrontDoorHealthProbeProperties

var frontDoorHealthProbeView = &view[fdProbe]{props: fields[fdProbe]{
	"healthProbeId":                 func(p *fdProbe, v *value) { p.HealthProbeID = v.raw },
	"POP":                           func(p *fdProbe, v *value) { p.POP = v.str() },
	"httpVerb":                      func(p *fdProbe, v *value) { p.HTTPVerb = v.str() },
	"result":                        func(p *fdProbe, v *value) { p.Result = v.str() },
	"httpStatusCode":                func(p *fdProbe, v *value) { p.HTTPStatusCode = v.optInt() },
	"probeURL":                      func(p *fdProbe, v *value) { p.ProbeURL = v.str() },
	"originName":                    func(p *fdProbe, v *value) { p.OriginName = v.str() },
	"originIP":                      func(p *fdProbe, v *value) { p.OriginIP = v.str() },
	"totalLatencyMilliseconds":      func(p *fdProbe, v *value) { p.TotalLatencyMilliseconds = v.optInt() },
	"connectionLatencyMilliseconds": func(p *fdProbe, v *value) { p.ConnectionLatencyMilliseconds = v.optInt() },
	"DNSLatencyMicroseconds":        func(p *fdProbe, v *value) { p.DNSLatencyMicroseconds = v.optInt() },
}.with("POP", "pop")}

// FrontDoorWAFProperties is the typed view of
// FrontDoorWebApplicationFirewallLog records (either spelling).
type FrontDoorWAFProperties struct {
	ClientIP   netip.Addr
	ClientPort azlogs.OptInt
	SocketIP   netip.Addr
	// RequestURI is the request's URL, with its path and query string. It is
	// unique per request, so it is kept as its JSON value (a string),
	// borrowed until the decoder's next Next; Text returns the string.
	RequestURI azlogs.RawJSON
	RuleName   string
	Policy     string
	// Action is Allow, Block, Log or Redirect.
	Action string
	Host   string
	// TrackingReference is unique per request. Borrowed.
	TrackingReference azlogs.RawJSON
	// PolicyMode is prevention or detection.
	PolicyMode string
	// Details holds matches (matchVariableName/Value pairs), msg and data.
	// Borrowed.
	Details azlogs.RawJSON
}

// FrontDoorWAF returns the typed view of a Front Door WAF log record, or
// nil.
func (p *Properties) FrontDoorWAF() *FrontDoorWAFProperties {
	v, _ := p.view.(*FrontDoorWAFProperties)
	return v
}

func (p *FrontDoorWAFProperties) clientIP() netip.Addr { return p.ClientIP }

type fdWAF = FrontDoorWAFProperties

var frontDoorWAFView = &view[fdWAF]{props: fields[fdWAF]{
	"clientIP":          func(p *fdWAF, v *value) { p.ClientIP = v.addr() },
	"clientPort":        func(p *fdWAF, v *value) { p.ClientPort = v.optInt() },
	"socketIP":          func(p *fdWAF, v *value) { p.SocketIP = v.addr() },
	"requestUri":        func(p *fdWAF, v *value) { p.RequestURI = v.raw },
	"ruleName":          func(p *fdWAF, v *value) { p.RuleName = v.str() },
	"policy":            func(p *fdWAF, v *value) { p.Policy = v.str() },
	"action":            func(p *fdWAF, v *value) { p.Action = v.str() },
	"host":              func(p *fdWAF, v *value) { p.Host = v.str() },
	"trackingReference": func(p *fdWAF, v *value) { p.TrackingReference = v.raw },
	"policyMode":        func(p *fdWAF, v *value) { p.PolicyMode = v.str() },
	"details":           func(p *fdWAF, v *value) { p.Details = v.raw },
}.with("clientIP", "clientIp", "socketIP", "socketIp")}
