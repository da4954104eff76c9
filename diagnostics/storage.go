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
	AccountName         string
	UserAgentHeader     string
	ClientRequestID     string
	ServiceType         string
	ObjectKey           string
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
	URI           string
	Protocol      string
	ResourceType  string
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
		"clientRequestId":     func(p *stor, v *value) { p.ClientRequestID = v.str() },
		"serviceType":         func(p *stor, v *value) { p.ServiceType = v.str() },
		"objectKey":           func(p *stor, v *value) { p.ObjectKey = v.str() },
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
		"uri":           func(p *stor, v *value) { p.URI = v.str() },
		"protocol":      func(p *stor, v *value) { p.Protocol = v.str() },
		"resourceType":  func(p *stor, v *value) { p.ResourceType = v.str() },
	},
}
