package diagnostics_test

import (
	"fmt"
	"strings"

	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/diagnostics"
)

// A PT1H.json blob mixes nothing, but an Event Hub carries every category
// a diagnostic setting sends; one decoder reads them all.
func Example() {
	const blob = `{"time":"2016-01-05T01:32:01.2691226Z","resourceId":"/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.KEYVAULT/VAULTS/V","operationName":"VaultGet","category":"AuditEvent","resultType":"Success","durationMs":"78","callerIpAddress":"104.40.82.76","identity":{"claim":{"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn":"user@example.com"}},"properties":{"clientInfo":"azure-resource-manager/2.0","httpStatusCode":200}}
{"category":"AzureFirewallNetworkRule","operationName":"AzureFirewallNetworkRuleLog","properties":{"msg":"TCP request from 10.0.0.4:50306 to 10.1.0.4:3389. Action: Allow.. Rule Collection: RDP. Rule: r1"},"resourceId":"/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.NETWORK/AZUREFIREWALLS/FW","time":"2022-06-08T13:27:16.951559Z"}
{"time":"2024-03-07T10:00:00Z","resourceId":"/SUBSCRIPTIONS/S/PROVIDERS/MICROSOFT.CONTOSO/WIDGETS/W","operationName":"Spin","category":"WidgetLogs","properties":{"rpm":1200}}
`
	dec := diagnostics.NewDecoder(strings.NewReader(blob))
	for dec.Next() {
		rec := dec.Record()
		fmt.Println(rec.Time.Format("2006-01-02"), rec.CategoryName, rec.OperationName, rec.EventCaller(), rec.EventCallerIP())
		switch rec.Category {
		case diagnostics.KeyVaultAuditEvent:
			kv := rec.Properties.KeyVault()
			fmt.Println("  key vault:", kv.ClientInfo, kv.HTTPStatusCode.Value, rec.DurationMs.Value, "ms")
		case diagnostics.AzureFirewallLegacy:
			fw := rec.Properties.Firewall()
			fmt.Println("  firewall:", fw.Protocol, fw.SourceIP, "->", fw.DestinationIP, fw.DestinationPort.Value, fw.Action, fw.RuleCollection, fw.Rule)
		default:
			props, _ := rec.Properties.Decode()
			fmt.Println("  generic:", props)
		}
	}
	if err := dec.Err(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 2016-01-05 AuditEvent VaultGet user@example.com 104.40.82.76
	//   key vault: azure-resource-manager/2.0 200 78 ms
	// 2022-06-08 AzureFirewallNetworkRule AzureFirewallNetworkRuleLog  10.0.0.4
	//   firewall: TCP 10.0.0.4 -> 10.1.0.4 3389 Allow RDP r1
	// 2024-03-07 WidgetLogs Spin  invalid IP
	//   generic: map[rpm:1200]
}

// Function App logs sometimes carry properties as a single-quoted object
// inside a string. The decoder repairs it, keeping apostrophes inside
// values, and says so in Quirks.
func ExampleRecord_Quirks() {
	const rec = `{"time":"2023-03-07T22:19:49Z","category":"FunctionAppLogs","operationName":"Microsoft.Web/sites/functions/log","level":"Informational",` +
		`"properties":"{'appName':'shop','message':'Couldn't reach the database, retrying','levelId':2}"}`
	dec := diagnostics.NewDecoder(strings.NewReader(rec))
	for dec.Next() {
		r := dec.Record()
		fn := r.Properties.FunctionApp()
		fmt.Println(r.Quirks)
		fmt.Println(fn.AppName, "|", fn.Message.Text(), "|", fn.LevelID.Value)
		fmt.Println(string(r.AppendJSON(nil)[len(`{"time":"2023-03-07T22:19:49Z","operationName":"Microsoft.Web/sites/functions/log","category":"FunctionAppLogs","level":"Informational",`):]))
	}
	// Output:
	// properties-string|single-quoted
	// shop | Couldn't reach the database, retrying | 2
	// "properties":{"appName":"shop","message":"Couldn't reach the database, retrying","levelId":2}}
}

// Service Bus and Event Hubs records skip the common schema: no time, no
// operationName, details in a string of JSON. The decoder reads their own
// members into the envelope.
func ExampleDecoder_messaging() {
	const rec = `{"ActivityId":"5caef1dc-732b-4c9f-a940-a585a28d20e6","EventName":"Create Queue","resourceId":"/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.SERVICEBUS/NAMESPACES/NS",` +
		`"EventTimeString":"9/7/2022 2:41:35 PM +00:00","EventProperties":"{\"Namespace\":\"ns\",\"Via\":\"https://ns.servicebus.windows.net/q1\"}","Status":"Succeeded","Caller":"Portal","category":"OperationalLogs"}`
	dec := diagnostics.NewDecoder(strings.NewReader(rec))
	for dec.Next() {
		r := dec.Record()
		m := r.Properties.Messaging()
		fmt.Println(r.Time, r.OperationName, r.EventResult(), r.EventCaller())
		fmt.Println(m.Namespace, m.Via.Text())
		fmt.Println(r.Quirks)
	}
	// Output:
	// 2022-09-07 14:41:35 +0000 UTC Create Queue Success Portal
	// ns https://ns.servicebus.windows.net/q1
	// renamed|time-layout|properties-string
}

// Numbers that arrive as strings or placeholders decode to values that
// say whether they are known.
func ExampleOptFloat() {
	const rec = `{"time":"2021-12-15T03:10:11Z","category":"FrontDoorAccessLog","operationName":"Microsoft.Cdn/Profiles/AccessLog/Write","resourceId":"/X",` +
		`"properties":{"timeTaken":"0.384","requestBytes":"2545","responseBytes":"-","clientPort":"N/A"}}`
	dec := diagnostics.NewDecoder(strings.NewReader(rec))
	for dec.Next() {
		fd := dec.Record().Properties.FrontDoorAccess()
		fmt.Println(fd.TimeTaken, fd.RequestBytes, fd.ResponseBytes, fd.ClientPort)
	}
	// Output:
	// {0.384 true} {2545 true} {0 false} {0 false}
}

// With an error handler the decoder reports a bad record with its position
// and goes on.
func ExampleDecoder_errors() {
	const lines = `{"time":"2024-01-01T00:00:00Z","category":"AuditEvent"}
{"time":"2024-01-01T00:00:01Z","category":"AuditEvent","durationMs":12..5}
{"time":"2024-01-01T00:00:02Z","category":"AuditEvent"}
`
	dec := diagnostics.NewDecoder(strings.NewReader(lines), azlogs.WithErrorHandler(func(e *azlogs.RecordError) {
		fmt.Println("bad record", e.Record, "at line", e.Start.Line)
	}))
	for rec, err := range dec.All() {
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Println(rec.Time.Second())
	}
	// Output:
	// 0
	// bad record 1 at line 2
	// 2
}

// An Event Hubs message body is a {"records":[…]} envelope already in
// memory: decode it in place, and reuse the decoder for the next message.
func ExampleNewDecoderBytes() {
	bodies := [][]byte{
		[]byte(`{"records":[{"time":"2025-04-24T13:00:00Z","resourceId":"/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.STORAGE/STORAGEACCOUNTS/A/blobServices/default","category":"StorageRead","operationName":"GetBlob","callerIpAddress":"203.0.113.7:52311","properties":{"accountName":"a","objectKey":"/a/c/b.txt"}}]}`),
		[]byte(`{"records":[{"time":"2025-04-24T13:01:00Z","resourceId":"/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.KEYVAULT/VAULTS/V","category":"AuditEvent","operationName":"SecretGet","callerIpAddress":"198.51.100.4","properties":{"httpStatusCode":200}}]}`),
	}
	var dec *diagnostics.Decoder
	for _, body := range bodies {
		if dec == nil {
			dec = diagnostics.NewDecoderBytes(body)
		} else {
			dec.ResetBytes(body)
		}
		for dec.Next() {
			rec := dec.Record()
			fmt.Println(rec.CategoryName, rec.OperationName, rec.CallerIP, rec.CallerPort)
		}
		if err := dec.Err(); err != nil {
			fmt.Println(err)
		}
	}
	// Output:
	// StorageRead GetBlob 203.0.113.7 52311
	// AuditEvent SecretGet 198.51.100.4 0
}
