package diagnostics

import (
	"time"

	"github.com/azlogs/azlogs"
)

// StorageProperties is the typed view of the Azure Storage resource logs
// StorageRead, StorageWrite and StorageDelete (the storageanalytics package
// reads the classic $logs form). Storage writes statusCode, statusText,
// uri, protocol, schemaVersion and resourceType at the top level, and an
// identity with type, tokenHash, an authorization array and requester.
type StorageProperties struct {
	AccountName     string
	UserAgentHeader string
	// ClientRequestID is the x-ms-client-request-id the client gave the
	// request. It is unique per request, so it is kept as its JSON value (a
	// string), borrowed until the decoder's next Next; Text returns the
	// string.
	ClientRequestID azlogs.RawJSON
	ServiceType     string
	// ObjectKey is the key of the object requested
	// (/account/container/blob). It is unique per request, so it is kept as
	// its JSON value (a string), borrowed until the decoder's next Next;
	// Text returns the string.
	ObjectKey           azlogs.RawJSON
	LastModifiedTime    time.Time
	MetricResponseType  string
	ServerLatencyMs     azlogs.OptInt
	RequestHeaderSize   azlogs.OptInt
	ResponseHeaderSize  azlogs.OptInt
	RequestBodySize     azlogs.OptInt
	ResponseBodySize    azlogs.OptInt
	ContentLengthHeader azlogs.OptInt
	TLSVersion          string
	AccessTier          string
	Etag                string
	// Top-level members.
	SchemaVersion string
	StatusCode    azlogs.OptInt
	StatusText    string
	// URI is the request's URI, with its path and query string. It is unique
	// per request, so it is kept as its JSON value (a string), borrowed
	// until the decoder's next Next; Text returns the string.
	URI          azlogs.RawJSON
	Protocol     string
	ResourceType string
}

// Storage returns the typed view of a StorageRead, StorageWrite or
// StorageDelete record, or nil.
func (p *Properties) Storage() *StorageProperties {
	v, _ := p.view.(*StorageProperties)
	return v
}

func (p *StorageProperties) check() (ps problems) {
	v := &ps
	checkHTTPStatus(v, "/statusCode", p.StatusCode)
	return ps
}

type stor = StorageProperties

var storageView = &view[stor]{
	props: fields[stor]{
		"accountName":         func(p *stor, v *value) { p.AccountName = v.str() },
		"userAgentHeader":     func(p *stor, v *value) { p.UserAgentHeader = v.str() },
		"clientRequestId":     func(p *stor, v *value) { p.ClientRequestID = v.raw },
		"serviceType":         func(p *stor, v *value) { p.ServiceType = v.str() },
		"objectKey":           func(p *stor, v *value) { p.ObjectKey = v.raw },
		"lastModifiedTime":    func(p *stor, v *value) { p.LastModifiedTime = v.time() },
		"metricResponseType":  func(p *stor, v *value) { p.MetricResponseType = v.str() },
		"serverLatencyMs":     func(p *stor, v *value) { p.ServerLatencyMs = v.optInt() },
		"requestHeaderSize":   func(p *stor, v *value) { p.RequestHeaderSize = v.optInt() },
		"responseHeaderSize":  func(p *stor, v *value) { p.ResponseHeaderSize = v.optInt() },
		"requestBodySize":     func(p *stor, v *value) { p.RequestBodySize = v.optInt() },
		"responseBodySize":    func(p *stor, v *value) { p.ResponseBodySize = v.optInt() },
		"contentLengthHeader": func(p *stor, v *value) { p.ContentLengthHeader = v.optInt() },
		"tlsVersion":          func(p *stor, v *value) { p.TLSVersion = v.str() },
		"accessTier":          func(p *stor, v *value) { p.AccessTier = v.str() },
		"etag":                func(p *stor, v *value) { p.Etag = v.str() },
	},
	top: fields[stor]{
		"schemaVersion": func(p *stor, v *value) { p.SchemaVersion = v.str() },
		"statusCode":    func(p *stor, v *value) { p.StatusCode = v.optInt() },
		"statusText":    func(p *stor, v *value) { p.StatusText = v.str() },
		"uri":           func(p *stor, v *value) { p.URI = v.raw },
		"protocol":      func(p *stor, v *value) { p.Protocol = v.str() },
		"resourceType":  func(p *stor, v *value) { p.ResourceType = v.str() },
	},
}
