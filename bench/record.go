package bench

import (
	"encoding/json"
	"time"
)

// Record is one activity-log record in the diagnostic-setting export form,
// declared the way a typical user declares it for encoding/json: the
// envelope as typed fields, the identity as nested structs with claims in a
// map, and properties, whose members differ per category, as map[string]any.
//
// Two fields exist only because real data needs them: DurationMs is a
// json.Number because exports write it both as 2826 and as "0", and
// LevelCode catches the numeric "Level" member that Alert, Autoscale and
// Security records carry beside the string "level" (without it, a
// case-insensitive decoder stores 5 into Level and fails).
type Record struct {
	RoleLocation      string         `json:"RoleLocation"`
	Stamp             string         `json:"Stamp"`
	ReleaseVersion    string         `json:"ReleaseVersion"`
	Time              time.Time      `json:"time"`
	ResourceID        string         `json:"resourceId"`
	OperationName     string         `json:"operationName"`
	OperationVersion  string         `json:"operationVersion"`
	Category          string         `json:"category"`
	ResultType        string         `json:"resultType"`
	ResultSignature   string         `json:"resultSignature"`
	ResultDescription string         `json:"resultDescription"`
	DurationMs        json.Number    `json:"durationMs"`
	CallerIPAddress   string         `json:"callerIpAddress"`
	CorrelationID     string         `json:"correlationId"`
	EventDataID       string         `json:"eventDataId"`
	Identity          *Identity      `json:"identity"`
	Level             string         `json:"level"`
	LevelCode         json.Number    `json:"Level"`
	Location          string         `json:"location"`
	TenantID          string         `json:"tenantId"`
	Properties        map[string]any `json:"properties"`
}

// Identity is who acted: the RBAC decision and the caller's token claims.
type Identity struct {
	Authorization *Authorization    `json:"authorization"`
	Claims        map[string]string `json:"claims"`
}

// Authorization is the RBAC check Resource Manager made for the call.
type Authorization struct {
	Scope    string    `json:"scope"`
	Action   string    `json:"action"`
	Evidence *Evidence `json:"evidence"`
}

// Evidence is the role assignment that granted the call.
type Evidence struct {
	Role                string `json:"role"`
	RoleAssignmentScope string `json:"roleAssignmentScope"`
	RoleAssignmentID    string `json:"roleAssignmentId"`
	RoleDefinitionID    string `json:"roleDefinitionId"`
	PrincipalID         string `json:"principalId"`
	PrincipalType       string `json:"principalType"`
}
