package diagnostics

import "github.com/azlogs/azlogs"

// SearchProperties is the typed view of Azure AI Search OperationLogs
// records. The documentation writes the duration as durationMS and the
// HTTP status in resultSignature, as a number.
type SearchProperties struct {
	// Description is the endpoint called: GET /indexes('content')/docs.
	Description string
	// Query is the query string. It is unique per request, so it is kept as
	// its JSON value (a string), borrowed until the decoder's next Next;
	// Text returns the string.
	Query     azlogs.RawJSON
	Documents azlogs.OptInt
	IndexName string
}

// Search returns the typed view of an OperationLogs record, or nil.
func (p *Properties) Search() *SearchProperties {
	v, _ := p.view.(*SearchProperties)
	return v
}

var searchView = &view[SearchProperties]{props: fields[SearchProperties]{
	"Description": func(p *SearchProperties, v *value) { p.Description = v.str() },
	"Query":       func(p *SearchProperties, v *value) { p.Query = v.raw },
	"Documents":   func(p *SearchProperties, v *value) { p.Documents = v.optInt() },
	"IndexName":   func(p *SearchProperties, v *value) { p.IndexName = v.str() },
}}

// BatchProperties is the typed view of Batch ServiceLog records: pool and
// task events. The operationName says which (PoolResizeCompleteEvent,
// TaskCompleteEvent …); the members common to them are typed, the others
// (nodeInfo, constraints, executionInfo …) are in Members.
type BatchProperties struct {
	ID          string
	JobID       string
	DisplayName string
	VMSize      string
	TaskType    string
	// Times arrive in the layout 2006-01-02 15:04:05.000.
	StartTime     string
	EndTime       string
	ResultCode    string
	ResultMessage string
	// ExecutionInfo of a task. Borrowed.
	ExecutionInfo azlogs.RawJSON
	// NodeInfo of a task. Borrowed.
	NodeInfo azlogs.RawJSON
}

// Batch returns the typed view of a ServiceLog record, or nil.
func (p *Properties) Batch() *BatchProperties {
	v, _ := p.view.(*BatchProperties)
	return v
}

var batchView = &view[BatchProperties]{props: fields[BatchProperties]{
	"id":            func(p *BatchProperties, v *value) { p.ID = v.str() },
	"jobId":         func(p *BatchProperties, v *value) { p.JobID = v.str() },
	"displayName":   func(p *BatchProperties, v *value) { p.DisplayName = v.str() },
	"vmSize":        func(p *BatchProperties, v *value) { p.VMSize = v.str() },
	"taskType":      func(p *BatchProperties, v *value) { p.TaskType = v.str() },
	"startTime":     func(p *BatchProperties, v *value) { p.StartTime = v.str() },
	"endTime":       func(p *BatchProperties, v *value) { p.EndTime = v.str() },
	"resultCode":    func(p *BatchProperties, v *value) { p.ResultCode = v.str() },
	"resultMessage": func(p *BatchProperties, v *value) { p.ResultMessage = v.str() },
	"executionInfo": func(p *BatchProperties, v *value) { p.ExecutionInfo = v.raw },
	"nodeInfo":      func(p *BatchProperties, v *value) { p.NodeInfo = v.raw },
}}

// DataLakeProperties is the typed view of Data Lake Store and Data Lake
// Analytics Audit and Requests records.
type DataLakeProperties struct {
	// Requests.
	HTTPMethod string
	// Path is the file or folder requested. It is unique per request, so it
	// is kept as its JSON value (a string), borrowed until the decoder's
	// next Next; Text returns the string.
	Path                 azlogs.RawJSON
	RequestContentLength azlogs.OptInt
	// ClientRequestID is the ID the client gave the request. It is unique
	// per request, so it is kept as its JSON value (a string), borrowed
	// until the decoder's next Next; Text returns the string.
	ClientRequestID azlogs.RawJSON
	StartTime       string
	EndTime         string
	// Data Lake Store Audit.
	StreamName string
	// Data Lake Analytics Audit: the job.
	JobID      string
	JobName    string
	JobRunTime string
}

// DataLake returns the typed view of a Data Lake record, or nil.
func (p *Properties) DataLake() *DataLakeProperties {
	v, _ := p.view.(*DataLakeProperties)
	return v
}

type dl = DataLakeProperties

var dataLakeView = &view[dl]{props: fields[dl]{
	"HttpMethod":           func(p *dl, v *value) { p.HTTPMethod = v.str() },
	"Path":                 func(p *dl, v *value) { p.Path = v.raw },
	"RequestContentLength": func(p *dl, v *value) { p.RequestContentLength = v.optInt() },
	"ClientRequestId":      func(p *dl, v *value) { p.ClientRequestID = v.raw },
	"StartTime":            func(p *dl, v *value) { p.StartTime = v.str() },
	"EndTime":              func(p *dl, v *value) { p.EndTime = v.str() },
	"StreamName":           func(p *dl, v *value) { p.StreamName = v.str() },
	"JobId":                func(p *dl, v *value) { p.JobID = v.str() },
	"JobName":              func(p *dl, v *value) { p.JobName = v.str() },
	"JobRunTime":           func(p *dl, v *value) { p.JobRunTime = v.str() },
}}

// AutomationProperties is the typed view of Automation JobLogs, JobStreams
// and DscNodeStatus records. Automation documents only the Log Analytics
// column names (RunbookName_s, Caller_s …), at the top level of the
// record; those are read, and the same names under properties.
type AutomationProperties struct {
	RunbookName string
	Caller      string
	TenantID    string
	JobID       string
	// StreamType is Progress, Output, Warning, Error, Debug or Verbose
	// (JobStreams).
	StreamType string
	// DSC node status.
	NodeName     string
	NodeID       string
	Status       string
	ConfigName   string
	ReportID     string
	SourceSystem string
	Resource     string
}

// Automation returns the typed view of an Automation record, or nil.
func (p *Properties) Automation() *AutomationProperties {
	v, _ := p.view.(*AutomationProperties)
	return v
}

func (p *AutomationProperties) caller() string { return p.Caller }

type auto = AutomationProperties

var automationFields = fields[auto]{
	"RunbookName_s":       func(p *auto, v *value) { p.RunbookName = v.str() },
	"Caller_s":            func(p *auto, v *value) { p.Caller = v.str() },
	"Tenant_g":            func(p *auto, v *value) { p.TenantID = v.str() },
	"JobId_g":             func(p *auto, v *value) { p.JobID = v.str() },
	"StreamType_s":        func(p *auto, v *value) { p.StreamType = v.str() },
	"NodeName_s":          func(p *auto, v *value) { p.NodeName = v.str() },
	"NodeId_g":            func(p *auto, v *value) { p.NodeID = v.str() },
	"Status_s":            func(p *auto, v *value) { p.Status = v.str() },
	"ConfigurationName_s": func(p *auto, v *value) { p.ConfigName = v.str() },
	"ReportId_g":          func(p *auto, v *value) { p.ReportID = v.str() },
	"SourceSystem":        func(p *auto, v *value) { p.SourceSystem = v.str() },
	"Resource":            func(p *auto, v *value) { p.Resource = v.str() },
}

var automationView = &view[auto]{props: automationFields, top: automationFields}

// StreamAnalyticsProperties is the typed view of Stream Analytics Execution
// and Authoring records. Stream Analytics writes status instead of
// resultType and properties as a string of JSON; both are read.
type StreamAnalyticsProperties struct {
	// Type is the error's type: DataConversionError, CsvParserError, …
	Type string
	// Message is the error's text, which quotes the event concerned. It is
	// unique per request, so it is kept as its JSON value (a string),
	// borrowed until the decoder's next Next; Text returns the string.
	Message azlogs.RawJSON
	// Source is the input or output concerned.
	Source string
	// Data locates the error (may be cut). Borrowed.
	Data          azlogs.RawJSON
	Error         string
	DataErrorType string
	BriefMessage  string
	CorrelationID string
}

// StreamAnalytics returns the typed view of a Stream Analytics record, or
// nil.
func (p *Properties) StreamAnalytics() *StreamAnalyticsProperties {
	v, _ := p.view.(*StreamAnalyticsProperties)
	return v
}

type asa = StreamAnalyticsProperties

var streamAnalyticsView = &view[asa]{props: fields[asa]{
	"Type":           func(p *asa, v *value) { p.Type = v.str() },
	"Message":        func(p *asa, v *value) { p.Message = v.raw },
	"Source":         func(p *asa, v *value) { p.Source = v.str() },
	"Data":           func(p *asa, v *value) { p.Data = v.raw },
	"Error":          func(p *asa, v *value) { p.Error = v.str() },
	"DataErrorType":  func(p *asa, v *value) { p.DataErrorType = v.str() },
	"BriefMessage":   func(p *asa, v *value) { p.BriefMessage = v.str() },
	"Correlation ID": func(p *asa, v *value) { p.CorrelationID = v.str() },
}}
