package diagnostics

import (
	"time"

	"github.com/azlogs/azlogs"
)

// DataFactoryProperties is the typed view of Data Factory PipelineRuns,
// ActivityRuns and TriggerRuns records. Data Factory writes the run's
// identity at the top level of the record (runId, pipelineName, status,
// start, end …) and its payload under properties; both are read. A run not
// yet ended has end 1601-01-01T00:00:00Z (the Windows epoch), which
// decodes to the zero Time.
type DataFactoryProperties struct {
	RunID         azlogs.ID
	PipelineName  string
	PipelineRunID azlogs.ID
	ActivityRunID azlogs.ID
	ActivityName  string
	ActivityType  string
	TriggerID     string
	TriggerName   string
	TriggerType   string
	// Status is Queued, InProgress, Succeeded, Failed, Cancelled.
	Status      string
	FailureType string
	Start       time.Time
	End         time.Time
	GroupID     azlogs.ID
	// Tags is a JSON object, often inside a string ("{}"). Borrowed.
	Tags azlogs.RawJSON
	// Payload members, borrowed: parameters, predecessors, inputs,
	// outputs and errors.
	Parameters       azlogs.RawJSON
	SystemParameters azlogs.RawJSON
	Predecessors     azlogs.RawJSON
	UserProperties   azlogs.RawJSON
	Annotations      azlogs.RawJSON
	Input            azlogs.RawJSON
	Output           azlogs.RawJSON
	Error            azlogs.RawJSON
	// Message is the run's message, which names its own run, inputs and
	// errors. It is unique per request, so it is kept as its JSON value (a
	// string), borrowed until the decoder's next Next; Text returns the
	// string.
	Message azlogs.RawJSON
}

// DataFactory returns the typed view of a Data Factory run record, or nil.
func (p *Properties) DataFactory() *DataFactoryProperties {
	v, _ := p.view.(*DataFactoryProperties)
	return v
}

type adf = DataFactoryProperties

// endOfUnset is how Data Factory writes "not ended": the Windows epoch.
var endOfUnset = time.Date(1601, 1, 1, 0, 0, 0, 0, time.UTC)

func adfTime(v *value) time.Time {
	t := v.time()
	if t.Equal(endOfUnset) {
		return time.Time{}
	}
	return t
}

var dataFactoryView = &view[adf]{
	props: fields[adf]{
		"Parameters":       func(p *adf, v *value) { p.Parameters = v.raw },
		"SystemParameters": func(p *adf, v *value) { p.SystemParameters = v.raw },
		"Predecessors":     func(p *adf, v *value) { p.Predecessors = v.raw },
		"UserProperties":   func(p *adf, v *value) { p.UserProperties = v.raw },
		"Annotations":      func(p *adf, v *value) { p.Annotations = v.raw },
		"Input":            func(p *adf, v *value) { p.Input = v.raw },
		"Output":           func(p *adf, v *value) { p.Output = v.raw },
		"Error":            func(p *adf, v *value) { p.Error = v.raw },
		"Message":          func(p *adf, v *value) { p.Message = v.raw },
	},
	top: fields[adf]{
		"runId":         func(p *adf, v *value) { p.RunID = v.id() },
		"pipelineName":  func(p *adf, v *value) { p.PipelineName = v.str() },
		"pipelineRunId": func(p *adf, v *value) { p.PipelineRunID = v.id() },
		"activityRunId": func(p *adf, v *value) { p.ActivityRunID = v.id() },
		"activityName":  func(p *adf, v *value) { p.ActivityName = v.str() },
		"activityType":  func(p *adf, v *value) { p.ActivityType = v.str() },
		"triggerId":     func(p *adf, v *value) { p.TriggerID = v.str() },
		"triggerName":   func(p *adf, v *value) { p.TriggerName = v.str() },
		"triggerType":   func(p *adf, v *value) { p.TriggerType = v.str() },
		"status":        func(p *adf, v *value) { p.Status = v.str() },
		"failureType":   func(p *adf, v *value) { p.FailureType = v.str() },
		"start":         func(p *adf, v *value) { p.Start = adfTime(v) },
		"end":           func(p *adf, v *value) { p.End = adfTime(v) },
		"groupId":       func(p *adf, v *value) { p.GroupID = v.id() },
		"tags":          func(p *adf, v *value) { p.Tags = v.raw },
	},
}
