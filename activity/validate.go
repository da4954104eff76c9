package activity

import (
	"github.com/azlogs/azlogs"
)

// Validate checks the record against the schema and returns nil or an
// *azlogs.ValidationError listing every problem, each with the member's
// JSON pointer and a sentinel (azlogs.ErrMissing, ErrInvalid, ErrRange,
// ErrType). It allocates nothing for a valid record.
//
// It checks that the members every event has are there (time and
// operationName; in the export form also resourceId and category), that the category is one of the eight, that
// numbers are in range, that members kept raw had the type the schema
// gives, and the enumerations of each category's properties.
func (rec *Record) Validate() error {
	var v azlogs.Validator
	timeName := "/time"
	if rec.Form == FormREST {
		timeName = "/eventTimestamp"
	}
	if rec.Time.IsZero() && rec.alt&(bit(fTime)|bit(fEventTimestamp)) == 0 {
		v.Add(timeName, azlogs.ErrMissing, "")
	}
	export := rec.Form == FormExport
	// The export form's envelope requires these; the REST form's schema
	// requires nothing, but an event without an operation says nothing.
	if export && rec.ResourceID == "" && rec.alt&bit(fResourceID) == 0 {
		v.Add("/resourceId", azlogs.ErrMissing, "")
	}
	if rec.OperationName.Value == "" && rec.alt&bit(fOperationName) == 0 {
		v.Add("/operationName", azlogs.ErrMissing, "")
	}
	switch {
	case rec.CategoryName.Value == "" && rec.Properties.EventCategory == "" && rec.alt&bit(fCategory) == 0:
		if export {
			v.Add("/category", azlogs.ErrMissing, "")
		}
	case rec.Category == CategoryUnknown:
		v.Add("/category", azlogs.ErrInvalid, "not an activity log category")
	}
	if rec.DurationMs.Valid && rec.DurationMs.Value < 0 {
		v.Add("/durationMs", azlogs.ErrRange, "negative")
	}
	// Members of a wrong type, kept as they were.
	for i := range rec.Extra {
		if f := exactField([]byte(rec.Extra[i].Name)); f != fNone && rec.alt&bit(f) != 0 && !rec.Extra[i].Value.IsNull() {
			v.Add("/"+fieldNames[f], azlogs.ErrType, "kept as it was")
		}
	}
	p := &rec.Properties
	switch rec.Category {
	case ServiceHealth:
		oneOf(&v, "/properties/incidentType", p.ServiceHealth.IncidentType,
			"ActionRequired", "Informational", "Information", "Incident", "Maintenance", "Security")
	case ResourceHealth:
		for _, s := range [...]struct{ ptr, v string }{
			{"/properties/currentHealthStatus", p.ResourceHealth.CurrentHealthStatus},
			{"/properties/previousHealthStatus", p.ResourceHealth.PreviousHealthStatus},
			{"/properties/healthStatus", p.ResourceHealth.HealthStatus},
		} {
			oneOf(&v, s.ptr, s.v, "Available", "Unavailable", "Degraded", "Unknown")
		}
	case Autoscale:
		for _, c := range [...]struct {
			ptr, name string
			n         azlogs.OptInt
		}{
			{"/properties/OldInstancesCount", "OldInstancesCount", p.Autoscale.OldInstancesCount},
			{"/properties/NewInstancesCount", "NewInstancesCount", p.Autoscale.NewInstancesCount},
		} {
			if _, present := p.Get(c.name); present && !c.n.Valid {
				v.Add(c.ptr, azlogs.ErrInvalid, "not an integer")
			} else if c.n.Valid && c.n.Value < 0 {
				v.Add(c.ptr, azlogs.ErrRange, "negative")
			}
		}
	case Recommendation:
		oneOf(&v, "/properties/recommendationImpact", p.Recommendation.Impact, "High", "Medium", "Low")
		oneOf(&v, "/properties/recommendationRisk", p.Recommendation.Risk, "Error", "Warning", "None")
	case Security:
		oneOf(&v, "/properties/Severity", p.Security.Severity, "High", "Medium", "Low", "Informational")
	case Policy:
		if _, present := p.Get("isComplianceCheck"); present && !p.Policy.IsComplianceCheck.Valid {
			v.Add("/properties/isComplianceCheck", azlogs.ErrInvalid, "not a boolean")
		}
	}
	return v.Err()
}

// oneOf reports s (when not empty) if it is none of the allowed values.
func oneOf(v *azlogs.Validator, ptr, s string, allowed ...string) {
	if s == "" {
		return
	}
	for _, a := range allowed {
		if s == a {
			return
		}
	}
	v.Add(ptr, azlogs.ErrInvalid, "unknown value")
}

// Clone returns a deep copy of the record that shares nothing with the
// decoder, and stays valid after it moves on.
func (rec *Record) Clone() *Record {
	c := *rec
	c.RelatedEvents = rec.RelatedEvents.Clone()
	c.Extra = azlogs.CloneMembers(rec.Extra)
	c.Identity.Claims = append([]Claim(nil), rec.Identity.Claims...)
	if rec.Identity.Claims == nil {
		c.Identity.Claims = nil
	}
	c.Identity.Extra = azlogs.CloneMembers(rec.Identity.Extra)
	c.Identity.Authorization.Extra = azlogs.CloneMembers(rec.Identity.Authorization.Extra)
	c.Identity.Authorization.Evidence.Extra = azlogs.CloneMembers(rec.Identity.Authorization.Evidence.Extra)
	c.HTTPRequest.Extra = azlogs.CloneMembers(rec.HTTPRequest.Extra)
	p := &c.Properties
	p.Members = azlogs.CloneMembers(rec.Properties.Members)
	p.Administrative.StatusMessage = p.Administrative.StatusMessage.Clone()
	p.Administrative.RequestBody = p.Administrative.RequestBody.Clone()
	p.Administrative.ResponseBody = p.Administrative.ResponseBody.Clone()
	p.PIM.CallerInfo = p.PIM.CallerInfo.Clone()
	p.ServiceHealth.ImpactedServices = p.ServiceHealth.ImpactedServices.Clone()
	p.Policy.Policies = p.Policy.Policies.Clone()
	return &c
}
