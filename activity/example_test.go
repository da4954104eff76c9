package activity_test

import (
	"fmt"
	"strings"

	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/activity"
)

// Two lines of a PT1H.json blob from insights-activity-logs, shortened.
const blob = `{"time":"2025-04-15T10:16:32.9873441Z","resourceId":"/SUBSCRIPTIONS/11111111-1111-1111-1111-111111111111/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.WEB/SITES/APP","operationName":"MICROSOFT.WEB/SITES/WRITE","category":"Administrative","resultType":"Success","resultSignature":"Succeeded.OK","durationMs":"0","callerIpAddress":"203.0.113.10","correlationId":"aaaaaaaa-bbbb-cccc-dddd-111111111111","identity":{"claims":{"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn":"user@example.com"}},"level":"Information","properties":{"statusCode":"OK","eventCategory":"Administrative"}}
{"time":"2025-04-24T12:49:14.6241035Z","resourceId":"/SUBSCRIPTIONS/11111111-1111-1111-1111-111111111111/RESOURCEGROUPS/FD/PROVIDERS/MICROSOFT.CDN/PROFILES/P","operationName":"Microsoft.Resourcehealth/healthevent/Activated/action","category":"ResourceHealth","resultType":"Active","level":"Informational","properties":{"title":"Unknown","currentHealthStatus":"Unavailable","previousHealthStatus":"Available","type":"Downtime","cause":"PlatformInitiated"}}
`

func Example() {
	dec := activity.NewDecoder(strings.NewReader(blob))
	for dec.Next() {
		rec := dec.Record()
		fmt.Println(rec.Time.Format("15:04:05"), rec.Category, rec.EventOperation(), rec.EventResult())
		if rec.Category == activity.ResourceHealth {
			fmt.Println("  now", rec.Properties.ResourceHealth.CurrentHealthStatus)
		}
	}
	if err := dec.Err(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 10:16:32 Administrative MICROSOFT.WEB/SITES/WRITE Success
	// 12:49:14 ResourceHealth Microsoft.Resourcehealth/healthevent/Activated/action Unknown
	//   now Unavailable
}

// Every family's records are azlogs.Events, so one loop handles them all.
func Example_event() {
	dec := activity.NewDecoder(strings.NewReader(blob))
	for rec, err := range dec.All() {
		if err != nil {
			fmt.Println(err)
			break
		}
		var e azlogs.Event = rec
		fmt.Println(e.EventFamily(), e.EventCategory(), e.EventLevel(), e.EventCallerIP(), e.EventCaller())
	}
	// Output:
	// Activity Administrative Informational 203.0.113.10 user@example.com
	// Activity ResourceHealth Informational invalid IP
}

// With an error handler, a bad record is reported with its position and
// the records around it still decode.
func ExampleNewDecoder_errorHandler() {
	input := `{"time":"2025-04-15T10:16:32Z","operationName":"A/WRITE","category":"Administrative"}
{"time":"2025-04-15T10:16:33Z","operationName":
{"time":"2025-04-15T10:16:34Z","operationName":"C/WRITE","category":"Administrative"}
`
	dec := activity.NewDecoder(strings.NewReader(input),
		azlogs.WithErrorHandler(func(e *azlogs.RecordError) {
			fmt.Printf("line %d: %v\n", e.Start.Line, e.Err)
		}))
	for dec.Next() {
		fmt.Println(dec.Record().EventOperation())
	}
	// Output:
	// A/WRITE
	// line 2: azlogs: unexpected end of input looking for a value at line 2, column 48 (offset 133), record 1, member /operationName
	// C/WRITE
}

func ExampleRecord_Validate() {
	dec := activity.NewDecoder(strings.NewReader(`{"time":"2025-04-15T10:16:32Z","category":"Billing","durationMs":-1}`))
	for dec.Next() {
		fmt.Println(dec.Record().Validate())
	}
	// Output:
	// azlogs: invalid record: /resourceId: missing; /operationName: missing; /category: invalid value (not an activity log category); /durationMs: out of range (negative)
}

func ExampleRecord_AppendJSON() {
	dec := activity.NewDecoder(strings.NewReader(`{"Level":4,"time":"2025-04-15T10:16:32.5Z","durationMs":"12","category":"Policy","RoleLocation":"France South"}`))
	for dec.Next() {
		rec := dec.Record()
		fmt.Println(rec.Quirks)
		fmt.Println(string(rec.AppendJSON(nil)))
	}
	// Output:
	// duration-string|level-number|key-case
	// {"time":"2025-04-15T10:16:32.5Z","category":"Policy","durationMs":12,"Level":4,"RoleLocation":"France South"}
}

// A blob read whole, or an Event Hubs message body, is decoded in place:
// nothing is copied.
func ExampleNewDecoderBytes() {
	dec := activity.NewDecoderBytes([]byte(blob))
	n := 0
	for dec.Next() {
		n++
	}
	fmt.Println(n, "records, error:", dec.Err())
	// Output:
	// 2 records, error: <nil>
}
