package main

import (
	"bytes"
	"regexp"
)

// kind is the decoder a file needs.
type kind int

const (
	kindActivity kind = iota
	kindDiagnostics
	kindFlow
)

var kindNames = [...]string{"activity", "diagnostics", "nsgflow"}

func (k kind) String() string { return kindNames[k] }

// categoryRe finds the first category member, plain (export form) or as a
// REST name pair.
var categoryRe = regexp.MustCompile(`"(?:category|Category)"\s*:\s*(?:\{\s*"value"\s*:\s*)?"([^"]*)"`)

var activityCategories = map[string]bool{
	"Administrative": true, "ServiceHealth": true, "ResourceHealth": true, "Alert": true, "Autoscale": true,
	"Recommendation": true, "Security": true, "Policy": true, "Write": true, "Action": true, "Delete": true,
}

// detect tells from the first bytes of a file which family it holds: flow
// logs by their categories (or flowTuples), the activity log by its eight
// categories (or the REST form's members), and anything else as resource
// logs.
func detect(head []byte) kind {
	m := categoryRe.FindSubmatch(head)
	switch {
	case m != nil && (string(m[1]) == "NetworkSecurityGroupFlowEvent" || string(m[1]) == "FlowLogFlowEvent"):
		return kindFlow
	case m != nil && activityCategories[string(m[1])]:
		return kindActivity
	case bytes.Contains(head, []byte(`"eventCategory"`)) || bytes.Contains(head, []byte(`"submissionTimestamp"`)) ||
		bytes.Contains(head, []byte(`"eventDataId"`)):
		// The export form names its real category in eventCategory
		// (category may be anything); the REST form has these members.
		return kindActivity
	case m != nil:
		return kindDiagnostics
	case bytes.Contains(head, []byte(`"flowTuples"`)):
		return kindFlow
	}
	// Resource logs are the family of everything else: their decoder
	// reads any category generically.
	return kindDiagnostics
}
