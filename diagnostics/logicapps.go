package diagnostics

import (
	"time"

	"github.com/azlogs/azlogs"
)

// LogicAppsProperties is the typed view of Logic Apps WorkflowRuntime
// records: trigger and action events of a workflow run. Logic Apps adds
// workflowId at the top level; the resource ID is the run's path.
type LogicAppsProperties struct {
	Schema    string
	StartTime time.Time
	EndTime   time.Time
	// Status is Succeeded, Failed, Running, Skipped, …
	Status string
	Code   string
	Fired  azlogs.OptBool
	// Resource names the run.
	SubscriptionID    string
	ResourceGroupName string
	WorkflowID        string
	WorkflowName      string
	RunID             string
	Location          string
	TriggerName       string
	ActionName        string
	// Correlation IDs.
	ClientTrackingID string
	ActionTrackingID string
	// Error, when there is one. Borrowed.
	Error azlogs.RawJSON
}

// LogicApps returns the typed view of a WorkflowRuntime record, or nil.
func (p *Properties) LogicApps() *LogicAppsProperties {
	v, _ := p.view.(*LogicAppsProperties)
	return v
}

type la = LogicAppsProperties

var logicAppsView = &view[la]{props: fields[la]{
	"$schema":   func(p *la, v *value) { p.Schema = v.str() },
	"startTime": func(p *la, v *value) { p.StartTime = v.time() },
	"endTime":   func(p *la, v *value) { p.EndTime = v.time() },
	"status":    func(p *la, v *value) { p.Status = v.str() },
	"code":      func(p *la, v *value) { p.Code = v.str() },
	"fired":     func(p *la, v *value) { p.Fired = v.optBool() },
	"error":     func(p *la, v *value) { p.Error = v.raw },
	"resource": func(p *la, v *value) {
		v.each(func(key []byte, m value) {
			switch string(key) {
			case "subscriptionId":
				p.SubscriptionID = m.str()
			case "resourceGroupName":
				p.ResourceGroupName = m.str()
			case "workflowId":
				p.WorkflowID = m.str()
			case "workflowName":
				p.WorkflowName = m.str()
			case "runId":
				p.RunID = m.str()
			case "location":
				p.Location = m.str()
			case "triggerName":
				p.TriggerName = m.str()
			case "actionName":
				p.ActionName = m.str()
			}
		})
	},
	"correlation": func(p *la, v *value) {
		v.each(func(key []byte, m value) {
			switch string(key) {
			case "clientTrackingId":
				p.ClientTrackingID = m.str()
			case "actionTrackingId":
				p.ActionTrackingID = m.str()
			}
		})
	},
}}
