package bench

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	gojson "github.com/goccy/go-json"
	jsoniter "github.com/json-iterator/go"
)

// otelSplitTwice decodes the way the OpenTelemetry Collector's azure
// encoding extension (extension/encoding/azureencodingextension) does. That
// extension is handed a whole blob or Event Hubs message as one []byte and:
//
//  1. detects the framing from the first bytes: '[' is an array; '{' with a
//     top-level "records" array within the first 100 bytes is the envelope;
//     otherwise, a '}' just before the first newline means JSON lines;
//  2. splits the input into one raw message per record: JSON lines with a
//     bufio.Scanner, the array and envelope with a goccy/go-json JSONPath
//     ($[*] or $.records[*]);
//  3. unmarshals every record twice with json-iterator's ConfigFastest:
//     first into a two-field struct to learn its category (or type), then
//     into that category's struct, whose properties are typed per category
//     (unknown categories keep properties raw and decode them into a map);
//  4. parses the time string afterwards.
//
// This is a reimplementation of that method, not the extension's code: the
// envelope and identity structs are those of [Record], the per-category
// property structs list every member the corpus holds, and mapping to
// OpenTelemetry attributes (which would parse JSON nested in strings such as
// policies or impactedServices) is left out, as it is for every method.
// Like the extension, it needs the whole input in memory, so it first reads
// r into one buffer (sized from r.Len() when r has that method); that copy
// is part of its cost. Like the extension, it goes on after a record it
// cannot decode; it reports the first such error at the end.
func otelSplitTwice(r io.Reader) (int, error) {
	buf, err := readBlob(r)
	if err != nil {
		return 0, err
	}
	n := 0
	var firstErr error
	decode := func(raw []byte) {
		n++
		if err := otelUnmarshalTwice(raw); err != nil && firstErr == nil {
			firstErr = fmt.Errorf("record %d: %w", n, err)
		}
	}
	switch f := detectFraming(buf); f {
	case framingLines:
		sc := bufio.NewScanner(bytes.NewReader(buf))
		for sc.Scan() {
			decode(sc.Bytes())
		}
		if err := sc.Err(); err != nil {
			return n, err
		}
	case framingRecords, framingArray:
		path := "$[*]"
		if f == framingRecords {
			path = "$.records[*]"
		}
		p, err := gojson.CreatePath(path)
		if err != nil {
			return 0, err
		}
		raws, err := p.Extract(buf)
		if err != nil {
			return 0, err
		}
		for _, raw := range raws {
			decode(raw)
		}
	case framingEmpty:
	default:
		return 0, errors.New("otelSplitTwice: unrecognized framing")
	}
	return n, firstErr
}

func readBlob(r io.Reader) ([]byte, error) {
	if l, ok := r.(interface{ Len() int }); ok {
		buf := make([]byte, l.Len())
		_, err := io.ReadFull(r, buf)
		return buf, err
	}
	return io.ReadAll(r)
}

type framing uint8

const (
	framingEmpty framing = iota
	framingUnknown
	framingLines
	framingRecords
	framingArray
)

// detectFraming applies the extension's heuristics, which look at the first
// 100 bytes and at the byte before the first newline only.
func detectFraming(b []byte) framing {
	if len(b) == 0 {
		return framingEmpty
	}
	switch b[0] {
	case '[':
		return framingArray
	case '{':
	default:
		return framingUnknown
	}
	head := b[:min(len(b), 100)]
	if i := bytes.Index(head, []byte(`"records"`)); i >= 0 && len(bytes.TrimSpace(head[:i])) == 1 {
		rest := bytes.TrimLeft(head[i+len(`"records"`):], " \t\r\n")
		if len(rest) > 0 && rest[0] == ':' {
			rest = bytes.TrimLeft(rest[1:], " \t\r\n")
			if len(rest) > 0 && rest[0] == '[' {
				return framingRecords
			}
		}
	}
	if i := bytes.IndexByte(b, '\n'); i > 1 && b[i-1] == '}' {
		return framingLines
	}
	return framingUnknown
}

// otelCategory is the first of the two unmarshals: just enough to choose
// the struct for the second.
type otelCategory struct {
	Category string `json:"category"`
	Type     string `json:"type"`
}

// otelRecord is what every per-category struct has.
type otelRecord interface {
	base() *otelBase
}

// otelBase is the envelope, equivalent to Record's, with time kept as text
// until after the unmarshal.
type otelBase struct {
	RoleLocation      string      `json:"RoleLocation"`
	Stamp             string      `json:"Stamp"`
	ReleaseVersion    string      `json:"ReleaseVersion"`
	TimeText          string      `json:"time"`
	ResourceID        string      `json:"resourceId"`
	OperationName     string      `json:"operationName"`
	OperationVersion  string      `json:"operationVersion"`
	Category          string      `json:"category"`
	ResultType        string      `json:"resultType"`
	ResultSignature   string      `json:"resultSignature"`
	ResultDescription string      `json:"resultDescription"`
	DurationMs        json.Number `json:"durationMs"`
	CallerIPAddress   string      `json:"callerIpAddress"`
	CorrelationID     string      `json:"correlationId"`
	EventDataID       string      `json:"eventDataId"`
	Identity          *Identity   `json:"identity"`
	Level             string      `json:"level"`
	LevelCode         json.Number `json:"Level"`
	Location          string      `json:"location"`
	TenantID          string      `json:"tenantId"`

	Time time.Time `json:"-"`
}

func (b *otelBase) base() *otelBase { return b }

type otelAdministrative struct {
	otelBase
	Properties struct {
		StatusCode       string `json:"statusCode"`
		ServiceRequestID string `json:"serviceRequestId"`
		RequestBody      string `json:"requestbody"`
		ResponseBody     string `json:"responseBody"`
		StatusMessage    string `json:"statusMessage"`
		EventCategory    string `json:"eventCategory"`
		Entity           string `json:"entity"`
		Message          string `json:"message"`
		Hierarchy        string `json:"hierarchy"`
		// Privileged Identity Management events.
		SubscriptionID          string `json:"SubscriptionID"`
		ResourceGroupName       string `json:"ResourceGroupName"`
		ResourceProviderName    string `json:"ResourceProviderName"`
		ResourceType            string `json:"ResourceType"`
		TenantID                string `json:"TenantID"`
		EventName               string `json:"EventName"`
		EventID                 string `json:"EventID"`
		ActionType              string `json:"ActionType"`
		RoleAssignmentRequestID string `json:"RoleAssignmentRequestId"`
		RoleDefinition          string `json:"RoleDefinition"`
		RoleDefinitionOriginID  string `json:"RoleDefinitionOriginId"`
		CallerInfo              string `json:"CallerInfo"`
		Justification           string `json:"Justification"`
		SubjectID               string `json:"SubjectID"`
		SubjectName             string `json:"SubjectName"`
	} `json:"properties"`
}

type otelPolicy struct {
	otelBase
	Properties struct {
		IsComplianceCheck string `json:"isComplianceCheck"`
		ResourceLocation  string `json:"resourceLocation"`
		Ancestors         string `json:"ancestors"`
		Policies          string `json:"policies"`
		EventCategory     string `json:"eventCategory"`
		Entity            string `json:"entity"`
		Message           string `json:"message"`
		Hierarchy         string `json:"hierarchy"`
	} `json:"properties"`
}

type otelHealth struct {
	Title                string `json:"title"`
	Details              string `json:"details"`
	CurrentHealthStatus  string `json:"currentHealthStatus"`
	PreviousHealthStatus string `json:"previousHealthStatus"`
	Type                 string `json:"type"`
	Cause                string `json:"cause"`
}

type otelResourceHealth struct {
	otelBase
	Properties struct {
		otelHealth
		EventCategory   string      `json:"eventCategory"`
		EventProperties *otelHealth `json:"eventProperties"`
	} `json:"properties"`
}

type otelRecommendation struct {
	otelBase
	Properties struct {
		SchemaVersion string `json:"recommendationSchemaVersion"`
		Category      string `json:"recommendationCategory"`
		Impact        string `json:"recommendationImpact"`
		Name          string `json:"recommendationName"`
		ResourceLink  string `json:"recommendationResourceLink"`
		Type          string `json:"recommendationType"`
	} `json:"properties"`
}

type otelServiceHealth struct {
	otelBase
	Properties struct {
		Title                  string `json:"title"`
		Service                string `json:"service"`
		Region                 string `json:"region"`
		Communication          string `json:"communication"`
		IncidentType           string `json:"incidentType"`
		TrackingID             string `json:"trackingId"`
		ImpactStartTime        string `json:"impactStartTime"`
		ImpactMitigationTime   string `json:"impactMitigationTime"`
		ImpactedServices       string `json:"impactedServices"`
		DefaultLanguageTitle   string `json:"defaultLanguageTitle"`
		DefaultLanguageContent string `json:"defaultLanguageContent"`
		Stage                  string `json:"stage"`
		CommunicationID        string `json:"communicationId"`
		MaintenanceID          string `json:"maintenanceId"`
		MaintenanceType        string `json:"maintenanceType"`
		IsHIR                  bool   `json:"isHIR"`
		IsSynthetic            string `json:"IsSynthetic"`
		ImpactType             string `json:"impactType"`
		ImpactCategory         string `json:"impactCategory"`
	} `json:"properties"`
}

type otelAutoscale struct {
	otelBase
	Properties struct {
		Description         string `json:"Description"`
		ResourceName        string `json:"ResourceName"`
		OldInstancesCount   string `json:"OldInstancesCount"`
		NewInstancesCount   string `json:"NewInstancesCount"`
		LastScaleActionTime string `json:"LastScaleActionTime"`
	} `json:"properties"`
}

type otelAlert struct {
	otelBase
	Properties struct {
		WebHookURI          string `json:"webHookUri"`
		RuleURI             string `json:"RuleUri"`
		RuleName            string `json:"RuleName"`
		RuleDescription     string `json:"RuleDescription"`
		Threshold           string `json:"Threshold"`
		WindowSizeInMinutes string `json:"WindowSizeInMinutes"`
		Aggregation         string `json:"Aggregation"`
		Operator            string `json:"Operator"`
		MetricName          string `json:"MetricName"`
		MetricUnit          string `json:"MetricUnit"`
	} `json:"properties"`
}

type otelSecurity struct {
	otelBase
	Properties struct {
		AccountLogonID  string `json:"accountLogonId"`
		CommandLine     string `json:"commandLine"`
		DomainName      string `json:"domainName"`
		ParentProcess   string `json:"parentProcess"`
		ParentProcessID string `json:"parentProcess id"`
		ProcessID       string `json:"processId"`
		ProcessName     string `json:"processName"`
		UserName        string `json:"userName"`
		UserSID         string `json:"UserSID"`
		ActionTaken     string `json:"ActionTaken"`
		Severity        string `json:"Severity"`
		EventCategory   string `json:"eventCategory"`
	} `json:"properties"`
}

// otelGeneric is the fallback for categories without a struct: properties
// stay raw and are decoded into a map afterwards.
type otelGeneric struct {
	otelBase
	Properties json.RawMessage `json:"properties"`
	parsed     map[string]any
}

func newOTelRecord(category string) otelRecord {
	switch category {
	case "Administrative":
		return new(otelAdministrative)
	case "Policy":
		return new(otelPolicy)
	case "ResourceHealth":
		return new(otelResourceHealth)
	case "Recommendation":
		return new(otelRecommendation)
	case "ServiceHealth":
		return new(otelServiceHealth)
	case "Autoscale":
		return new(otelAutoscale)
	case "Alert":
		return new(otelAlert)
	case "Security":
		return new(otelSecurity)
	}
	return new(otelGeneric)
}

// otelUnmarshalTwice decodes one record: category first, then everything.
func otelUnmarshalTwice(raw []byte) error {
	_, err := otelDecodeRecord(raw)
	return err
}

func otelDecodeRecord(raw []byte) (otelRecord, error) {
	var c otelCategory
	if err := jsoniter.ConfigFastest.Unmarshal(raw, &c); err != nil {
		return nil, err
	}
	category := c.Category
	if category == "" {
		category = c.Type
	}
	rec := newOTelRecord(category)
	if err := jsoniter.ConfigFastest.Unmarshal(raw, rec); err != nil {
		return nil, err
	}
	if g, ok := rec.(*otelGeneric); ok && len(g.Properties) > 0 {
		if err := jsoniter.ConfigFastest.Unmarshal(g.Properties, &g.parsed); err != nil {
			return nil, err
		}
	}
	b := rec.base()
	t, err := time.Parse(time.RFC3339Nano, b.TimeText)
	if err != nil {
		return nil, err
	}
	b.Time = t
	Sink += len(b.OperationName)
	return rec, nil
}
