package azlogs_test

import (
	"errors"
	"fmt"

	"github.com/azlogs/azlogs"
)

func ExampleParseLevel() {
	for _, s := range []string{"Informational", "Information", "warning", "2", "Loud"} {
		l, ok := azlogs.ParseLevel([]byte(s))
		fmt.Println(s, l, ok, l >= azlogs.LevelWarning)
	}
	// Output:
	// Informational Informational true false
	// Information Informational true false
	// warning Warning true true
	// 2 Error true true
	// Loud Unknown false false
}

func ExampleParseResult() {
	for _, s := range []string{"Succeeded", "Start", "Failed", "Succeeded.Created", "404", "Active"} {
		fmt.Println(s, azlogs.ParseResult([]byte(s)))
	}
	// Output:
	// Succeeded Success
	// Start Started
	// Failed Failure
	// Succeeded.Created Success
	// 404 Failure
	// Active Unknown
}

// An ID holds a GUID as a value and anything else as text, and gives back
// the text it was read from.
func ExampleID() {
	for _, s := range []string{"aaaaaaaa-bbbb-cccc-dddd-111111111111", "CDAB1F54-ADFF-4D32-91CE-829DB00381AE", "/subscriptions/s/incidents/L3N1"} {
		id := azlogs.TextID(s)
		_, isGUID := id.UUID()
		fmt.Println(id, isGUID)
	}
	// Output:
	// aaaaaaaa-bbbb-cccc-dddd-111111111111 true
	// CDAB1F54-ADFF-4D32-91CE-829DB00381AE true
	// /subscriptions/s/incidents/L3N1 false
}

// Azure often puts a JSON document in a string member; Embedded takes it out.
func ExampleRawJSON_Embedded() {
	v := azlogs.RawJSON(`"{\"status\":\"Failed\",\"error\":{\"code\":\"ResourceNotFound\"}}"`)
	doc, ok := v.Embedded()
	fmt.Println(ok, string(doc))
	x, _ := doc.Decode()
	fmt.Println(x.(map[string]any)["error"].(map[string]any)["code"])

	_, ok = azlogs.RawJSON(`"plain text"`).Embedded()
	fmt.Println(ok)
	// Output:
	// true {"status":"Failed","error":{"code":"ResourceNotFound"}}
	// ResourceNotFound
	// false
}

// Validation errors list every problem; errors.Is finds their causes.
func ExampleValidationError() {
	var v azlogs.Validator
	v.Add("/time", azlogs.ErrMissing, "")
	v.Add("/durationMs", azlogs.ErrRange, "negative")
	err := v.Err()
	fmt.Println(err)
	fmt.Println(errors.Is(err, azlogs.ErrRange), errors.Is(err, azlogs.ErrType))
	// Output:
	// azlogs: invalid record: /time: missing; /durationMs: out of range (negative)
	// true false
}
