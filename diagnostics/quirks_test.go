package diagnostics

import (
	"bytes"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/azlogs/azlogs"
)

// decodeOne decodes a single record and checks that it round-trips.
func decodeOne(t *testing.T, in string) *Record {
	t.Helper()
	recs, bad, err := decodeAll(t, []byte(in))
	require.NoError(t, err)
	require.Empty(t, bad, "%v", bad)
	require.Len(t, recs, 1)
	again, bad, err := decodeAll(t, recs[0].AppendJSON(nil))
	require.NoError(t, err)
	require.Empty(t, bad)
	require.Len(t, again, 1)
	require.Equal(t, recs[0].Time, again[0].Time)
	require.Equal(t, recs[0].Properties.Members, again[0].Properties.Members)
	return recs[0]
}

// TestQuirks has one case per quirk of the fact sheet's "Known quirks"
// and "Decoder notes": the input as Azure writes it, and what decodes.
func TestQuirks(t *testing.T) {
	ts := time.Date(2022, 9, 7, 14, 41, 35, 0, time.UTC)
	for _, tc := range []struct {
		name  string
		in    string
		check func(t *testing.T, r *Record)
	}{
		{"properties single-quoted, bare (invalid JSON)",
			`{"time":"2023-04-11T13:35:20Z","category":"FunctionAppLogs","properties": {'appName':'app-name','levelId':2,'processId':42}}`,
			func(t *testing.T, r *Record) {
				require.Equal(t, QuirkSingleQuoted, r.Quirks)
				require.Equal(t, "app-name", r.Properties.FunctionApp().AppName)
				require.Equal(t, int64(42), r.Properties.FunctionApp().ProcessID.Value)
			}},
		{"properties single-quoted, multi-line with tabs",
			"{\"time\":\"2023-03-08T12:06:46Z\",\"category\":\"FunctionAppLogs\",\"properties\": {\n\t'appName':'',\n\t'levelId':2\n\t}\n}",
			func(t *testing.T, r *Record) {
				require.Equal(t, QuirkSingleQuoted, r.Quirks)
				require.True(t, r.Properties.FunctionApp().LevelID.Valid)
			}},
		{"properties single-quoted in a string, apostrophes kept",
			`{"time":"2023-04-11T13:35:20Z","category":"FunctionAppLogs","properties":"{'message':'Don't panic: it's fine, users' data is safe','level':'Information'}"}`,
			func(t *testing.T, r *Record) {
				require.Equal(t, QuirkSingleQuoted|QuirkPropertiesString, r.Quirks)
				require.Equal(t, "Don't panic: it's fine, users' data is safe", r.Properties.FunctionApp().Message.Text())
				require.Equal(t, "Information", r.Properties.FunctionApp().Level)
			}},
		{"properties single-quoted, quotes escaped twice",
			`{"time":"2024-06-09T09:15:33Z","category":"FunctionAppLogs","properties":"{'message':'JSON: {\\'key1\\':\\'{\\\\\\'boolKey\\\\\\':true}\\'}','levelId':2}"}`,
			func(t *testing.T, r *Record) {
				require.Equal(t, `JSON: {'key1':'{\'boolKey\':true}'}`, r.Properties.FunctionApp().Message.Text())
			}},
		{"properties as a string of JSON",
			`{"time":"2023-02-16T08:28:46.343Z","category":"AppServiceHTTPLogs","properties":"{\"CsHost\":\"h\",\"SPort\":\"80\",\"TimeTaken\":5}"}`,
			func(t *testing.T, r *Record) {
				require.Equal(t, QuirkPropertiesString, r.Quirks)
				require.Equal(t, int64(80), r.Properties.AppServiceHTTP().SPort.Value)
			}},
		{"properties as plain text: kept as it was",
			`{"time":"2023-02-16T08:28:46Z","category":"X","properties":"just text"}`,
			func(t *testing.T, r *Record) {
				require.Equal(t, QuirkKeptRaw, r.Quirks)
				v, ok := get(r.Extra, "properties")
				require.True(t, ok)
				require.Equal(t, `"just text"`, string(v))
				require.ErrorIs(t, r.Validate(), azlogs.ErrType)
			}},
		{"EventProperties string, no time, no properties (Service Bus)",
			`{"EventName":"Create Queue","EventTimeString":"9/7/2022 2:41:35 PM +00:00","EventProperties":"{\"Namespace\":\"ns\"}","Status":"Failed","category":"OperationalLogs"}`,
			func(t *testing.T, r *Record) {
				require.Equal(t, ts, r.Time)
				require.Equal(t, "Create Queue", r.OperationName)
				require.Equal(t, azlogs.ResultFailure, r.EventResult())
				require.Equal(t, "ns", r.Properties.Messaging().Namespace)
				require.Equal(t, QuirkRenamed|QuirkTimeLayout|QuirkPropertiesString, r.Quirks)
			}},
		{"AKS properties.log holds JSON in a string",
			`{"time":"2020-11-09T10:57:31Z","category":"kube-audit","properties":{"log":"{\"kind\":\"Event\"}","pod":"kube-apiserver-1"}}`,
			func(t *testing.T, r *Record) {
				doc, ok := r.Properties.AKS().Log.Embedded()
				require.True(t, ok)
				require.JSONEq(t, `{"kind":"Event"}`, string(doc))
			}},
		{"durationMs as a string",
			`{"time":"2016-01-05T01:32:01Z","durationMs":"78"}`,
			func(t *testing.T, r *Record) {
				require.Equal(t, azlogs.NewOptInt(78), r.DurationMs)
				require.Equal(t, QuirkDurationString, r.Quirks)
			}},
		{"durationMs as a placeholder: unknown, never zero",
			`{"time":"2016-01-05T01:32:01Z","durationMs":"-"}`,
			func(t *testing.T, r *Record) {
				require.False(t, r.DurationMs.Valid)
				require.Equal(t, QuirkKeptRaw, r.Quirks)
			}},
		{"durationMS spelled with capital S (Search)",
			`{"time":"2015-12-07T00:00:43.6872559Z","category":"OperationLogs","durationMS":50,"resultSignature":200,"properties":{"IndexName":"i","Documents":42}}`,
			func(t *testing.T, r *Record) {
				require.Equal(t, int64(50), r.DurationMs.Value)
				require.Equal(t, "200", r.ResultSignature)
				require.Equal(t, QuirkKeyCase|QuirkResultNumber, r.Quirks)
				require.Equal(t, int64(42), r.Properties.Search().Documents.Value)
			}},
		{"level as a number (API Management)",
			`{"time":"2023-10-26T14:22:43Z","Level":4}`,
			func(t *testing.T, r *Record) {
				require.Equal(t, azlogs.LevelInformational, r.Level)
				require.Equal(t, QuirkKeyCase|QuirkLevelNumber, r.Quirks)
			}},
		{"level as a digit string",
			`{"time":"2023-10-26T14:22:43Z","level":"2"}`,
			func(t *testing.T, r *Record) { require.Equal(t, azlogs.LevelError, r.Level) }},
		{"level Information and Informational",
			`{"time":"2023-10-26T14:22:43Z","level":"Information"}`,
			func(t *testing.T, r *Record) { require.Equal(t, azlogs.LevelInformational, r.Level) }},
		{"level and Level both present: level wins",
			`{"Level":4,"time":"2020-11-04T19:23:04Z","level":"Warning"}`,
			func(t *testing.T, r *Record) { require.Equal(t, azlogs.LevelWarning, r.Level) }},
		{"resultType as a number",
			`{"time":"2023-10-26T14:22:43Z","resultType":200}`,
			func(t *testing.T, r *Record) {
				require.Equal(t, "200", r.ResultType)
				require.Equal(t, azlogs.ResultSuccess, r.EventResult())
				require.Contains(t, string(r.AppendJSON(nil)), `"resultType":200`)
			}},
		{"resultSignature Started.",
			`{"time":"2023-10-26T14:22:43Z","resultSignature":"Started."}`,
			func(t *testing.T, r *Record) { require.Equal(t, azlogs.ResultStarted, r.EventResult()) }},
		{"numbers as strings and placeholders (App Gateway)",
			`{"time":"2017-04-26T19:27:38Z","category":"ApplicationGatewayAccessLog","properties":{"serverStatus":"","upstreamSourcePort":"-","httpStatus":404,"serverResponseLatency":"0.023"}}`,
			func(t *testing.T, r *Record) {
				a := r.Properties.AppGatewayAccess()
				require.False(t, a.ServerStatus.Valid)
				require.False(t, a.UpstreamSourcePort.Valid)
				require.Equal(t, azlogs.NewOptInt(404), a.HTTPStatus)
				require.Equal(t, OptFloat{0.023, true}, a.ServerResponseLatency)
			}},
		{"booleans as strings",
			`{"time":"2024-04-24T12:06:12Z","category":"AppServiceIPSecAuditLogs","properties":{"ServiceEndpoint":"False","CIp":"42.42.42.42:12345"}}`,
			func(t *testing.T, r *Record) {
				a := r.Properties.AppServiceIPSecAudit()
				require.Equal(t, azlogs.OptBool{Valid: true}, a.ServiceEndpoint)
				require.Equal(t, netip.MustParseAddr("42.42.42.42"), r.EventCallerIP())
			}},
		{"identity as an object with claim (Key Vault)",
			`{"time":"2016-01-05T01:32:01Z","identity":{"claim":{"appid":"app-1","http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn":"u@x"}}}`,
			func(t *testing.T, r *Record) { require.Equal(t, "u@x", r.EventCaller()) }},
		{"identity as a plain string",
			`{"time":"2016-01-05T01:32:01Z","identity":"John Doe"}`,
			func(t *testing.T, r *Record) {
				require.Equal(t, "John Doe", r.Identity.Text)
				require.Equal(t, "John Doe", r.EventCaller())
			}},
		{"identity as JSON in a string (Managed HSM, Attestation)",
			`{"time":"2016-01-05T01:32:01Z","identity":"{\"claim\":{\"appid\":\"app-1\"}}"}`,
			func(t *testing.T, r *Record) {
				require.Equal(t, QuirkIdentityString, r.Quirks)
				require.Equal(t, "app-1", r.EventCaller())
			}},
		{"key casing: ResourceId, Category, OperationName, Properties, Time",
			`{"Time":"2023-10-16T17:42:32Z","ResourceId":"/R","Category":"AppServiceAuditLogs","OperationName":"Authorization","Properties":{"User":"$app"}}`,
			func(t *testing.T, r *Record) {
				require.Equal(t, "/R", r.ResourceID)
				require.Equal(t, AppServiceAuditLogs, r.Category)
				require.Equal(t, "$app", r.EventCaller())
				require.Equal(t, QuirkKeyCase, r.Quirks)
				require.NoError(t, r.Validate())
			}},
		{"keys differing only in case: both kept (errorInfo, ErrorInfo)",
			`{"time":"2025-04-23T09:17:17Z","category":"AzureCdnAccessLog","properties":{"errorInfo":"NoError","ErrorInfo":"NoError2"}}`,
			func(t *testing.T, r *Record) {
				require.Len(t, r.Properties.Members, 2)
				require.Equal(t, "NoError2", r.Properties.FrontDoorAccess().ErrorInfo)
			}},
		{"upper-case resource IDs and category names in any case",
			`{"time":"2021-12-15T03:10:11Z","category":"FRONTDOORACCESSLOG","resourceId":"/SUBSCRIPTIONS/S/PROVIDERS/MICROSOFT.NETWORK/FRONTDOORS/F"}`,
			func(t *testing.T, r *Record) { require.Equal(t, FrontDoorAccessLog, r.Category) }},
		{"same category name, several services (Audit)",
			`{"time":"2021-12-15T03:10:11Z","category":"Audit","resourceId":"/subscriptions/s/providers/Microsoft.DataLakeAnalytics/accounts/a","identity":"susan@contoso.com","properties":{"JobId":"j1"}}`,
			func(t *testing.T, r *Record) {
				require.Equal(t, DataLakeAnalyticsAudit, r.Category)
				require.Equal(t, "j1", r.Properties.DataLake().JobID)
				require.Equal(t, "susan@contoso.com", r.EventCaller())
			}},
		{"undocumented top-level members kept (App Service stamps)",
			`{"time":"2023-02-16T08:28:46Z","category":"AppServicePlatformLogs","EventStampName":"waws-prod-blu-219","Host":"lw1","EventIpAddress":"10.61.1.44"}`,
			func(t *testing.T, r *Record) {
				require.Len(t, r.Extra, 3)
				require.Equal(t, "waws-prod-blu-219", r.Properties.AppServicePlatform().EventStampName)
			}},
		{"empty key in properties",
			`{"time":"2023-02-16T08:28:46Z","properties":{"":"","a":1}}`,
			func(t *testing.T, r *Record) { require.Equal(t, "", r.Properties.Members[0].Name) }},
		{"time with 7 fraction digits",
			`{"time":"2016-01-05T01:32:01.2691226Z"}`,
			func(t *testing.T, r *Record) { require.Equal(t, 269122600, r.Time.Nanosecond()) }},
		{"time with an offset",
			`{"time":"2025-03-13T07:11:59.992099+02:00"}`,
			func(t *testing.T, r *Record) { require.Equal(t, 5, r.Time.Hour()) }},
		{"time without a zone",
			`{"time":"2022-05-08T20:14:15.0000000"}`,
			func(t *testing.T, r *Record) { require.Equal(t, 20, r.Time.Hour()) }},
		{"time in the US layout without a zone",
			`{"time":"1/9/2007 9:41:00 AM"}`,
			func(t *testing.T, r *Record) {
				require.Equal(t, time.Date(2007, 1, 9, 9, 41, 0, 0, time.UTC), r.Time)
				require.Equal(t, QuirkTimeLayout, r.Quirks)
			}},
		{"time under timeStamp (App Gateway v2)",
			`{"timeStamp":"2021-10-14T22:17:11+00:00","resourceId":"/R","operationName":"ApplicationGatewayFirewall","category":"ApplicationGatewayFirewallLog"}`,
			func(t *testing.T, r *Record) {
				require.Equal(t, 22, r.Time.Hour())
				require.Equal(t, QuirkRenamed, r.Quirks)
				require.NoError(t, r.Validate(), "renamed time satisfies the schema")
			}},
		{"time under timestamp, and time both: time wins",
			`{"timestamp":"2021-10-14T22:17:11Z","time":"2021-10-14T23:17:11Z"}`,
			func(t *testing.T, r *Record) { require.Equal(t, 23, r.Time.Hour()) }},
		{"time under eventTimestamp (Event Hubs runtime logs)",
			`{"eventTimestamp":"9/7/2022 2:41:35 PM +00:00"}`,
			func(t *testing.T, r *Record) { require.Equal(t, ts, r.Time) }},
		{"time under TimeGenerated (Log Analytics export)",
			`{"TimeGenerated":"2022-09-07T14:41:35Z"}`,
			func(t *testing.T, r *Record) { require.Equal(t, ts, r.Time) }},
		{"time unparsable: kept, reported by Validate",
			`{"time":"SOME-ERROR-HERE-T08:44:02.8921579Z"}`,
			func(t *testing.T, r *Record) {
				require.True(t, r.Time.IsZero())
				require.ErrorIs(t, r.Validate(), azlogs.ErrType)
			}},
		{"time absent",
			`{"category":"ApplicationGatewayAccessLog"}`,
			func(t *testing.T, r *Record) { require.ErrorIs(t, r.Validate(), azlogs.ErrMissing) }},
		{"callerIpAddress with a port",
			`{"time":"2022-09-07T14:41:35Z","callerIpAddress":"10.0.0.1:443"}`,
			func(t *testing.T, r *Record) { require.Equal(t, netip.MustParseAddr("10.0.0.1"), r.CallerIP) }},
		{"callerIpAddress bracketed IPv6 with a port",
			`{"time":"2022-09-07T14:41:35Z","callerIpAddress":"[2001:db8::1]:443"}`,
			func(t *testing.T, r *Record) { require.Equal(t, netip.MustParseAddr("2001:db8::1"), r.CallerIP) }},
		{"callerIpAddress masked: text kept, no address",
			`{"time":"2022-09-07T14:41:35Z","callerIpAddress":"XX:2a02:cf40:add:4002:91f2:a9b2:e09a:6fc6"}`,
			func(t *testing.T, r *Record) {
				require.False(t, r.CallerIP.IsValid())
				require.Equal(t, "XX:2a02:cf40:add:4002:91f2:a9b2:e09a:6fc6", r.CallerIPAddress)
			}},
		{"callerIpAddress as a CIDR",
			`{"time":"2022-09-07T14:41:35Z","callerIpAddress":"10.1.0.0/24"}`,
			func(t *testing.T, r *Record) { require.Equal(t, netip.MustParseAddr("10.1.0.0"), r.CallerIP) }},
		{"callerIpAddress IPv4-mapped IPv6",
			`{"time":"2022-09-07T14:41:35Z","callerIpAddress":"::ffff:24.17.183.201"}`,
			func(t *testing.T, r *Record) { require.True(t, r.CallerIP.Is4In6()) }},
		{"placeholders N/A in numbers",
			`{"time":"2025-04-23T09:17:17Z","category":"AzureCdnAccessLog","properties":{"clientPort":"N/A","sni":"N/A"}}`,
			func(t *testing.T, r *Record) {
				require.False(t, r.Properties.FrontDoorAccess().ClientPort.Valid)
				require.Equal(t, "N/A", r.Properties.FrontDoorAccess().SNI)
			}},
		{"missing comma between members",
			`{"time":"2022-09-07T14:41:35Z" "category":"X"}`,
			func(t *testing.T, r *Record) {
				require.Equal(t, "X", r.CategoryName)
				require.Equal(t, QuirkMissingComma, r.Quirks)
			}},
		{"keys with spaces (Load Balancer)",
			`{"time":"2016-01-26T10:37:46Z","category":"LoadBalancerAlertEvent","properties":{"eventName":"Resource Limits Hit","eventProperties":{"public ip address":"40.117.227.32"}}}`,
			func(t *testing.T, r *Record) {
				require.Equal(t, netip.MustParseAddr("40.117.227.32"), r.Properties.LoadBalancer().PublicIPAddress)
			}},
		{"keys with spaces (Stream Analytics, properties in a string)",
			`{"time":"2016-01-26T10:37:46Z","category":"Execution","resourceId":"/SUBSCRIPTIONS/S/PROVIDERS/MICROSOFT.STREAMANALYTICS/STREAMINGJOBS/J","status":"Failed","properties":"{\"Message\":\"m\",\"Type\":\"DataConversionError\",\"Correlation ID\":\"c1\"}"}`,
			func(t *testing.T, r *Record) {
				sa := r.Properties.StreamAnalytics()
				require.Equal(t, "c1", sa.CorrelationID)
				require.Equal(t, "DataConversionError", sa.Type)
				require.Equal(t, azlogs.ResultFailure, r.EventResult())
			}},
		{"category under type (Application Insights)",
			`{"time":"2016-01-26T10:37:46Z","type":"AppRequests"}`,
			func(t *testing.T, r *Record) { require.Equal(t, "AppRequests", r.EventCategory()) }},
		{"Data Factory end 1601-01-01 means not ended",
			`{"time":"2020-11-04T19:23:04Z","category":"PipelineRuns","start":"2020-11-04T19:23:04.824589Z","end":"1601-01-01T00:00:00Z","status":"Queued","properties":{}}`,
			func(t *testing.T, r *Record) {
				require.True(t, r.Properties.DataFactory().End.IsZero())
				require.False(t, r.Properties.DataFactory().Start.IsZero())
				require.Equal(t, "Queued", r.ResultType)
			}},
		{"records that is not an array: one record, which Validate rejects",
			`{"records":"I am valid json"}`,
			func(t *testing.T, r *Record) {
				require.Len(t, r.Extra, 1)
				require.ErrorIs(t, r.Validate(), azlogs.ErrMissing)
			}},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, decodeOne(t, tc.in)) })
	}
}

// TestRejected covers the damage that cannot be repaired: the record is
// reported with its position, and its neighbours decode.
func TestRejected(t *testing.T) {
	good := `{"time":"2024-01-01T00:00:00Z","category":"AuditEvent"}`
	for name, bad := range map[string]string{
		"unescaped quotes in an embedded message": `{"time":"2024-01-01T00:00:00Z","properties":{"message":"{"a":1}"}}`,
		"plain text payload":                      `Hello from an Event Hub`,
		"unterminated single-quoted object":       `{"time":"2024-01-01T00:00:00Z","properties":{'a':'b}`,
	} {
		t.Run(name, func(t *testing.T) {
			in := good + "\n" + bad + "\n" + good + "\n"
			recs, errs, err := decodeAll(t, []byte(in))
			require.NoError(t, err)
			require.NotEmpty(t, errs)
			require.GreaterOrEqual(t, len(recs), 1)
			require.Equal(t, 2, errs[0].Start.Line)
			var se *azlogs.SyntaxError
			require.ErrorAs(t, errs[0], &se)
		})
	}
}

// TestFirewallMessages parses every legacy message variant of the samples.
func TestFirewallMessages(t *testing.T) {
	for _, tc := range []struct {
		msg  string
		want FirewallProperties
	}{
		{"ICMP Type=8 request from 192.168.0.2 to 89.160.20.156. Action: Deny. ", FirewallProperties{
			Protocol: "ICMP", ICMPType: azlogs.NewOptInt(8), SourceIP: netip.MustParseAddr("192.168.0.2"),
			DestinationIP: netip.MustParseAddr("89.160.20.156"), Action: "Deny"}},
		{"TCP request from 192.168.0.2:50306 to 89.160.20.156:3389. Action: Allow.. Rule Collection: Permit_RFC1918. Rule: Permit_RFC1918", FirewallProperties{
			Protocol: "TCP", SourceIP: netip.MustParseAddr("192.168.0.2"), SourcePort: azlogs.NewOptInt(50306),
			DestinationIP: netip.MustParseAddr("89.160.20.156"), DestinationPort: azlogs.NewOptInt(3389), Action: "Allow",
			RuleCollection: "Permit_RFC1918", Rule: "Permit_RFC1918"}},
		{"TCP request from 192.168.0.2:50306 to 89.160.20.156:3389 was DNAT'ed to 10.0.0.2:3389. Policy: policy-01. Rule Collection Group: DefaultDnatRuleCollectionGroup. Rule Collection: DNAT. Rule: rule", FirewallProperties{
			Protocol: "TCP", SourceIP: netip.MustParseAddr("192.168.0.2"), SourcePort: azlogs.NewOptInt(50306),
			DestinationIP: netip.MustParseAddr("89.160.20.156"), DestinationPort: azlogs.NewOptInt(3389),
			TranslatedIP: netip.MustParseAddr("10.0.0.2"), TranslatedPort: azlogs.NewOptInt(3389),
			Policy: "policy-01", RuleCollectionGroup: "DefaultDnatRuleCollectionGroup", RuleCollection: "DNAT", Rule: "rule"}},
		{"TCP request from 192.168.0.2:50306 to 89.160.20.156:3389 was DNAT'ed to 10.0.0.2:3389", FirewallProperties{
			Protocol: "TCP", SourceIP: netip.MustParseAddr("192.168.0.2"), SourcePort: azlogs.NewOptInt(50306),
			DestinationIP: netip.MustParseAddr("89.160.20.156"), DestinationPort: azlogs.NewOptInt(3389),
			TranslatedIP: netip.MustParseAddr("10.0.0.2"), TranslatedPort: azlogs.NewOptInt(3389)}},
		{"ICMP request from 192.168.0.2: to 175.16.199.1:. Action: alert. Signature: 2100366. IDS: ICMP_INFO PING *NIX. Priority: 3. Classification: Misc activity", FirewallProperties{
			Protocol: "ICMP", SourceIP: netip.MustParseAddr("192.168.0.2"), DestinationIP: netip.MustParseAddr("175.16.199.1"),
			Action: "alert", Signature: "2100366", IDSDescription: "ICMP_INFO PING *NIX", Priority: azlogs.NewOptInt(3), Classification: "Misc activity"}},
		{"HTTP request from 192.168.0.2:54314 to ocsp.sca1b.amazontrust.com:80. Url: ocsp.sca1b.amazontrust.com. Action: Deny. ThreatIntel: Bot Networks", FirewallProperties{
			Protocol: "HTTP", SourceIP: netip.MustParseAddr("192.168.0.2"), SourcePort: azlogs.NewOptInt(54314),
			DestinationFQDN: "ocsp.sca1b.amazontrust.com", DestinationPort: azlogs.NewOptInt(80), URL: "ocsp.sca1b.amazontrust.com",
			Action: "Deny", ThreatIntel: "Bot Networks"}},
		{"HTTPS request from 10.1.0.5:55640 to mydestination.com:443. Action: Deny. No rule matched. Proceeding with default action", FirewallProperties{
			Protocol: "HTTPS", SourceIP: netip.MustParseAddr("10.1.0.5"), SourcePort: azlogs.NewOptInt(55640),
			DestinationFQDN: "mydestination.com", DestinationPort: azlogs.NewOptInt(443), Action: "Deny", ActionReason: "No rule matched"}},
	} {
		in := `{"time":"2022-06-08T16:54:58Z","category":"AzureFirewallNetworkRule","properties":{"msg":` + quoteJSON(tc.msg) + `}}`
		r := decodeOne(t, in)
		got := *r.Properties.Firewall()
		got.Msg = nil
		require.Equal(t, tc.want, got, tc.msg)
	}
}

func quoteJSON(s string) string {
	return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) + `"`
}

// TestRepairQuoted checks the single-quote repair on its own.
func TestRepairQuoted(t *testing.T) {
	for in, want := range map[string]string{
		`{'a':'b'}`:                   `{"a":"b"}`,
		`{ 'a' : 'it's' , 'b' : 2 }`:  `{"a":"it's","b":2}`,
		`{'a':"x\"y",'b':['c', 'd']}`: `{"a":"x\"y","b":["c","d"]}`,
		`{'a':'say "hi"'}`:            `{"a":"say \"hi\""}`,
		`{'a':'back\slash'}`:          `{"a":"back\\slash"}`,
		`{'a':'tab` + "\t" + `'}`:     `{"a":"tab\t"}`,
		`{'a':{'b':'}'}}`:             `{"a":{"b":"}"}}`,
		`{'message':'users', 'n':1}`:  `{"message":"users","n":1}`,
		`{'a':'x'}trailing`:           `{"a":"x"}`,
	} {
		out, n, ok := repairQuoted(nil, []byte(in))
		require.True(t, ok, in)
		require.Equal(t, want, string(out), in)
		require.LessOrEqual(t, n, len(in))
	}
	_, _, ok := repairQuoted(nil, []byte(`{'a':'b`))
	require.False(t, ok)
}

// TestQuoteStop checks quoteStop against a byte loop: every byte value at
// every position of slices up to 20 bytes long, from every start, with
// bytes that carry or borrow around it.
func TestQuoteStop(t *testing.T) {
	want := func(b []byte, i int) int {
		for ; i < len(b); i++ {
			if c := b[i]; c == '"' || c == '\'' || c == '\\' || c < 0x20 {
				return i
			}
		}
		return len(b)
	}
	for c := 0; c < 256; c++ {
		for _, fill := range []byte{'a', 0x80, 0xff, 0x21, 0x5b, 0x28} {
			for n := 1; n <= 20; n++ {
				for at := 0; at < n; at++ {
					b := bytes.Repeat([]byte{fill}, n)
					b[at] = byte(c)
					for i := 0; i <= n; i++ {
						if got, w := quoteStop(b, i), want(b, i); got != w {
							t.Fatalf("quoteStop(%q, %d) = %d, want %d", b, i, got, w)
						}
					}
				}
			}
		}
	}
}
