package diagnostics

import "github.com/azlogs/azlogs"

// APIManagementProperties is the typed view of API Management GatewayLogs
// records: one API call through the gateway. API Management adds
// DeploymentVersion, isRequestSuccess and truncated at the top level, and
// writes Level as a number.
type APIManagementProperties struct {
	Method string
	// URL is the request's URL, path and query string. It is unique per
	// request, so it is kept as its JSON value (a string), borrowed until
	// the decoder's next Next; Text returns the string.
	URL                azlogs.RawJSON
	ResponseCode       azlogs.OptInt
	ResponseSize       azlogs.OptInt
	Cache              string
	BackendTime        azlogs.OptInt
	RequestSize        azlogs.OptInt
	APIID              string
	OperationID        string
	APIMSubscriptionID string
	ClientTime         azlogs.OptInt
	ClientProtocol     string
	BackendProtocol    string
	APIRevision        string
	ClientTLSVersion   string
	BackendMethod      string
	// BackendURL is the URL the gateway called, with path and query
	// string. It is unique per request, so it is kept as its JSON value (a
	// string), borrowed until the decoder's next Next; Text returns the
	// string.
	BackendURL          azlogs.RawJSON
	BackendResponseCode azlogs.OptInt
	ProductID           string
	UserID              string
	// LastError and Errors are objects. Borrowed.
	LastError azlogs.RawJSON
	Errors    azlogs.RawJSON
	// Top-level members.
	DeploymentVersion string
	IsRequestSuccess  azlogs.OptBool
	Truncated         azlogs.OptInt
}

// APIManagement returns the typed view of a GatewayLogs record, or nil.
func (p *Properties) APIManagement() *APIManagementProperties {
	v, _ := p.view.(*APIManagementProperties)
	return v
}

func (p *APIManagementProperties) check() (ps problems) {
	v := &ps
	checkHTTPStatus(v, "/properties/responseCode", p.ResponseCode)
	checkHTTPStatus(v, "/properties/backendResponseCode", p.BackendResponseCode)
	return ps
}

type apim = APIManagementProperties

var apimView = &view[apim]{
	props: fields[apim]{
		"method":              func(p *apim, v *value) { p.Method = v.str() },
		"url":                 func(p *apim, v *value) { p.URL = v.raw },
		"responseCode":        func(p *apim, v *value) { p.ResponseCode = v.optInt() },
		"responseSize":        func(p *apim, v *value) { p.ResponseSize = v.optInt() },
		"cache":               func(p *apim, v *value) { p.Cache = v.str() },
		"backendTime":         func(p *apim, v *value) { p.BackendTime = v.optInt() },
		"requestSize":         func(p *apim, v *value) { p.RequestSize = v.optInt() },
		"apiId":               func(p *apim, v *value) { p.APIID = v.str() },
		"operationId":         func(p *apim, v *value) { p.OperationID = v.str() },
		"apimSubscriptionId":  func(p *apim, v *value) { p.APIMSubscriptionID = v.str() },
		"clientTime":          func(p *apim, v *value) { p.ClientTime = v.optInt() },
		"clientProtocol":      func(p *apim, v *value) { p.ClientProtocol = v.str() },
		"backendProtocol":     func(p *apim, v *value) { p.BackendProtocol = v.str() },
		"apiRevision":         func(p *apim, v *value) { p.APIRevision = v.str() },
		"clientTlsVersion":    func(p *apim, v *value) { p.ClientTLSVersion = v.str() },
		"backendMethod":       func(p *apim, v *value) { p.BackendMethod = v.str() },
		"backendUrl":          func(p *apim, v *value) { p.BackendURL = v.raw },
		"backendResponseCode": func(p *apim, v *value) { p.BackendResponseCode = v.optInt() },
		"productId":           func(p *apim, v *value) { p.ProductID = v.str() },
		"userId":              func(p *apim, v *value) { p.UserID = v.str() },
		"lastError":           func(p *apim, v *value) { p.LastError = v.raw },
		"errors":              func(p *apim, v *value) { p.Errors = v.raw },
	},
	top: fields[apim]{
		"DeploymentVersion": func(p *apim, v *value) { p.DeploymentVersion = v.str() },
		"isRequestSuccess":  func(p *apim, v *value) { p.IsRequestSuccess = v.optBool() },
		"truncated":         func(p *apim, v *value) { p.Truncated = v.optInt() },
	},
}
