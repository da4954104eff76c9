package diagnostics

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/internal/corpusgen"
)

// rawViewCases are records whose typed views hold RawJSON fields taken from
// every place a member can come from: properties, the top level, a nested
// object (WAF details), properties written as a string of JSON (App
// Service through Event Hubs, Service Bus EventProperties) and repaired
// single-quoted properties (Function App). get reads the fields as text.
var rawViewCases = []struct {
	name string
	rec  string
	get  func(r *Record) []string
	want []string
}{
	{
		"app gateway access",
		`{"timeStamp":"2025-04-24T13:00:00+00:00","resourceId":"/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.NETWORK/APPLICATIONGATEWAYS/GW","operationName":"ApplicationGatewayAccess","category":"ApplicationGatewayAccessLog","properties":{"requestUri":"/orders/42","requestQuery":"a=1&b=<2>","originalRequestUriWithArgs":"/orders/42?a=1&b=<2>","transactionId":"abc"}}`,
		func(r *Record) []string {
			p := r.Properties.AppGatewayAccess()
			return []string{p.RequestURI.Text(), p.RequestQuery.Text(), p.OriginalRequestURIWithArgs.Text(), p.TransactionID.Text()}
		},
		[]string{"/orders/42", "a=1&b=<2>", "/orders/42?a=1&b=<2>", "abc"},
	},
	{
		"app gateway firewall, nested details",
		`{"resourceId":"/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.NETWORK/APPLICATIONGATEWAYS/GW","operationName":"ApplicationGatewayFirewall","time":"2025-04-24T13:00:00Z","category":"ApplicationGatewayFirewallLog","properties":{"requestUri":"/etc/passwd","message":"Restricted File Access Attempt","details":{"message":"Pattern match","data":"Matched Data: /etc/passwd","line":"12"},"transactionId":"t1"}}`,
		func(r *Record) []string {
			p := r.Properties.AppGatewayFirewall()
			return []string{p.RequestURI.Text(), p.Details.Data.Text(), p.TransactionID.Text(), p.Message}
		},
		[]string{"/etc/passwd", "Matched Data: /etc/passwd", "t1", "Restricted File Access Attempt"},
	},
	{
		"app service through Event Hubs",
		`{"time":"2025-04-24T13:00:00Z","resourceId":"/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.WEB/SITES/W","category":"AppServiceHTTPLogs","properties":"{\"CsUriStem\":\"/cart\",\"CsUriQuery\":\"id=\\\"7\\\"\",\"Cookie\":\"c=1\",\"Referer\":\"https://r/\"}"}`,
		func(r *Record) []string {
			p := r.Properties.AppServiceHTTP()
			return []string{p.CsURIStem.Text(), p.CsURIQuery.Text(), p.Cookie.Text(), p.Referer.Text()}
		},
		[]string{"/cart", `id="7"`, "c=1", "https://r/"},
	},
	{
		"function app, single-quoted",
		`{"time":"2025-04-24T13:00:00Z","resourceId":"/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.WEB/SITES/F","category":"FunctionAppLogs","operationName":"Microsoft.Web/sites/functions/log","properties":"{'appName':'shop','message':'Couldn't reach the database','levelId':2}"}`,
		func(r *Record) []string { return []string{r.Properties.FunctionApp().Message.Text()} },
		[]string{"Couldn't reach the database"},
	},
	{
		"service bus EventProperties",
		`{"ActivityId":"5caef1dc-732b-4c9f-a940-a585a28d20e6","EventName":"Create Queue","resourceId":"/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.SERVICEBUS/NAMESPACES/NS","EventTimeString":"9/7/2022 2:41:35 PM +00:00","EventProperties":"{\"Namespace\":\"ns\",\"Via\":\"https://ns.servicebus.windows.net/q1\",\"TrackingId\":\"t_G1\"}","Status":"Succeeded","Caller":"Portal","category":"OperationalLogs"}`,
		func(r *Record) []string {
			p := r.Properties.Messaging()
			return []string{p.Via.Text(), p.TrackingID.Text(), p.Namespace}
		},
		[]string{"https://ns.servicebus.windows.net/q1", "t_G1", "ns"},
	},
	{
		"storage, top level",
		`{"time":"2025-04-24T13:00:00Z","resourceId":"/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.STORAGE/STORAGEACCOUNTS/A/blobServices/default","category":"StorageRead","operationName":"GetBlob","statusCode":200,"properties":{"objectKey":"/a/c/b.jpg","clientRequestId":"r1"},"uri":"https://a.blob.core.windows.net/c/b.jpg?sv=1"}`,
		func(r *Record) []string {
			p := r.Properties.Storage()
			return []string{p.ObjectKey.Text(), p.ClientRequestID.Text(), p.URI.Text()}
		},
		[]string{"/a/c/b.jpg", "r1", "https://a.blob.core.windows.net/c/b.jpg?sv=1"},
	},
}

// TestCloneRawViewFields checks that the RawJSON fields of a clone's typed
// view point into the clone's own members: they keep their values after
// the decoder moves on to other data and its input is overwritten.
func TestCloneRawViewFields(t *testing.T) {
	other, _ := corpusgen.Diagnostics(1<<20, 3)
	for _, c := range rawViewCases {
		t.Run(c.name, func(t *testing.T) {
			in := []byte(c.rec)
			dec := NewDecoder(bytes.NewReader(in))
			require.True(t, dec.Next(), "%v", dec.Err())
			require.NotNil(t, dec.Record().Properties.View())
			require.Equal(t, c.want, c.get(dec.Record()), "decoder's record")
			clone := dec.Record().Clone()

			// The decoder moves on; its buffers are reused for other
			// records, and the input is overwritten.
			dec.Reset(bytes.NewReader(other))
			for dec.Next() {
			}
			require.NoError(t, dec.Err())
			for i := range in {
				in[i] = 'x'
			}
			require.Equal(t, c.want, c.get(clone), "clone")
		})
	}
}

// TestRawViewFieldsAsWritten checks that a converted field holds the JSON
// value as written, escapes and all, and that an absent one is nil.
func TestRawViewFieldsAsWritten(t *testing.T) {
	const rec = `{"time":"2025-04-24T13:00:00Z","resourceId":"/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.CDN/PROFILES/P","category":"FrontDoorAccessLog","properties":{"requestUri":"https://h/a?q=\u003cb\u003e","referer":null}}`
	dec := NewDecoder(bytes.NewReader([]byte(rec)))
	require.True(t, dec.Next(), "%v", dec.Err())
	p := dec.Record().Properties.FrontDoorAccess()
	require.Equal(t, azlogs.RawJSON(`"https://h/a?q=\u003cb\u003e"`), p.RequestURI)
	require.Equal(t, "https://h/a?q=<b>", p.RequestURI.Text())
	require.True(t, p.Referer.IsNull())
	require.Equal(t, "", p.Referer.Text())
}
