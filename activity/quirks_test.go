package activity

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/azlogs/azlogs"
)

// one decodes a single record, failing the test on any error.
func one(t *testing.T, input string, opts ...azlogs.Option) *Record {
	t.Helper()
	recs, bad, err := decodeAll(t, []byte(input), opts...)
	require.NoError(t, err)
	require.Empty(t, bad)
	require.Len(t, recs, 1)
	// Every quirk case must also survive a round trip.
	again, bad, err := decodeAll(t, recs[0].AppendJSON(nil))
	require.NoError(t, err)
	require.Empty(t, bad)
	require.Len(t, again, 1)
	return recs[0]
}

const base = `"time":"2025-04-15T10:16:32Z","resourceId":"/SUBSCRIPTIONS/S1","operationName":"MICROSOFT.X/WRITE"`

// TestQuirks has one case per quirk of the fact sheet's "Known quirks"
// that touches the activity log.
func TestQuirks(t *testing.T) {
	tests := []struct {
		name  string
		input string
		check func(t *testing.T, rec *Record)
	}{
		{"empty key", `{` + base + `,"category":"Administrative","":""}`, func(t *testing.T, rec *Record) {
			require.Equal(t, []azlogs.Member{{Name: "", Value: azlogs.RawJSON(`""`)}}, rec.Extra)
		}},
		{"properties as a JSON string", `{` + base + `,"category":"Administrative","properties":"{\"statusCode\":\"OK\",\"eventCategory\":\"Administrative\"}"}`, func(t *testing.T, rec *Record) {
			require.Equal(t, QuirkPropertiesString, rec.Quirks)
			require.Equal(t, "OK", rec.Properties.Administrative.StatusCode)
			require.Equal(t, Administrative, rec.Category)
		}},
		{"properties as plain text is kept raw", `{` + base + `,"category":"Administrative","properties":"hello"}`, func(t *testing.T, rec *Record) {
			require.Equal(t, QuirkKeptRaw, rec.Quirks)
			require.Equal(t, []azlogs.Member{{Name: "properties", Value: azlogs.RawJSON(`"hello"`)}}, rec.Extra)
		}},
		{"JSON text inside strings", `{` + base + `,"category":"Administrative","properties":{"requestbody":"{\"a\":1}","statusMessage":"plain text","responseBody":{"b":2}}}`, func(t *testing.T, rec *Record) {
			doc, ok := rec.Properties.Administrative.RequestBody.Embedded()
			require.True(t, ok)
			require.Equal(t, `{"a":1}`, string(doc))
			_, ok = rec.Properties.Administrative.StatusMessage.Embedded()
			require.False(t, ok, "plain text is not JSON")
			require.Equal(t, "plain text", rec.Properties.Administrative.StatusMessage.Text())
			require.Equal(t, `{"b":2}`, string(rec.Properties.Administrative.ResponseBody))
		}},
		{"durationMs as a string", `{` + base + `,"category":"Administrative","durationMs":"2826"}`, func(t *testing.T, rec *Record) {
			require.Equal(t, azlogs.NewOptInt(2826), rec.DurationMs)
			require.Equal(t, QuirkDurationString, rec.Quirks)
		}},
		{"durationMs placeholder is unknown, not zero", `{` + base + `,"category":"Administrative","durationMs":"-"}`, func(t *testing.T, rec *Record) {
			require.False(t, rec.DurationMs.Valid)
			require.Equal(t, QuirkKeptRaw, rec.Quirks)
		}},
		{"level as a number", `{` + base + `,"category":"Administrative","level":2}`, func(t *testing.T, rec *Record) {
			require.Equal(t, azlogs.LevelError, rec.Level)
			require.Equal(t, QuirkLevelNumber, rec.Quirks)
		}},
		{"level as a digit string", `{` + base + `,"category":"Administrative","level":"3"}`, func(t *testing.T, rec *Record) {
			require.Equal(t, azlogs.LevelWarning, rec.Level)
		}},
		{"level Information and Informational", `{` + base + `,"category":"Administrative","level":"Information"}`, func(t *testing.T, rec *Record) {
			require.Equal(t, azlogs.LevelInformational, rec.Level)
		}},
		{"Level number beside level word", `{` + base + `,"Level":5,"category":"Alert","level":"Informational"}`, func(t *testing.T, rec *Record) {
			require.Equal(t, azlogs.LevelInformational, rec.Level, "the schema's spelling wins")
			require.Equal(t, []azlogs.Member{{Name: "Level", Value: azlogs.RawJSON(`5`)}}, rec.Extra)
		}},
		{"resultType variants", `{` + base + `,"category":"Administrative","resultType":"Start","resultSignature":"Started."}`, func(t *testing.T, rec *Record) {
			require.Equal(t, azlogs.ResultStarted, rec.EventResult())
		}},
		{"booleans and counts as strings", `{` + base + `,"category":"Autoscale","properties":{"OldInstancesCount":"3","NewInstancesCount":"2","LastScaleActionTime":"Fri, 21 Jul 2017 01:00:51 GMT"}}`, func(t *testing.T, rec *Record) {
			require.Equal(t, azlogs.NewOptInt(3), rec.Properties.Autoscale.OldInstancesCount)
			require.Equal(t, azlogs.NewOptInt(2), rec.Properties.Autoscale.NewInstancesCount)
			require.Equal(t, time.Date(2017, 7, 21, 1, 0, 51, 0, time.UTC), rec.Properties.Autoscale.LastScaleActionTime)
		}},
		{"isComplianceCheck as a string", `{` + base + `,"category":"Policy","properties":{"isComplianceCheck":"False","policies":"[{\"policyDefinitionEffect\":\"Deny\"}]"}}`, func(t *testing.T, rec *Record) {
			require.Equal(t, azlogs.OptBool{Valid: true}, rec.Properties.Policy.IsComplianceCheck)
			doc, ok := rec.Properties.Policy.Policies.Embedded()
			require.True(t, ok)
			require.Equal(t, `[{"policyDefinitionEffect":"Deny"}]`, string(doc))
		}},
		{"identity as a plain string", `{` + base + `,"category":"Administrative","identity":"Michell Lan"}`, func(t *testing.T, rec *Record) {
			require.Equal(t, "Michell Lan", rec.Identity.Text)
			require.Equal(t, "Michell Lan", rec.EventCaller())
		}},
		{"identity as a string holding JSON", `{` + base + `,"category":"Administrative","identity":"{\"claims\":{\"appid\":\"app-1\"}}"}`, func(t *testing.T, rec *Record) {
			require.Equal(t, QuirkIdentityString, rec.Quirks)
			v, ok := rec.Identity.Claim("appid")
			require.True(t, ok)
			require.Equal(t, "app-1", v)
			require.Equal(t, "app-1", rec.EventCaller())
		}},
		{"authorization as an array is kept", `{` + base + `,"category":"Administrative","identity":{"authorization":[{"action":"x"}]}}`, func(t *testing.T, rec *Record) {
			require.Equal(t, []azlogs.Member{{Name: "authorization", Value: azlogs.RawJSON(`[{"action":"x"}]`)}}, rec.Identity.Extra)
		}},
		{"Log Analytics CategoryValue", `{` + base + `,"category":"Administrative","CategoryValue":"Administrative"}`, func(t *testing.T, rec *Record) {
			require.Equal(t, "CategoryValue", rec.Extra[0].Name)
			require.Equal(t, Administrative, rec.Category)
		}},
		{"key casing", `{"Time":"2025-04-15T10:16:32Z","ResourceId":"/S","OperationName":"X/WRITE","Category":"Policy","Properties":{"isComplianceCheck":"True"}}`, func(t *testing.T, rec *Record) {
			require.Equal(t, time.Date(2025, 4, 15, 10, 16, 32, 0, time.UTC), rec.Time)
			require.Equal(t, "/S", rec.ResourceID)
			require.Equal(t, Policy, rec.Category)
			require.True(t, rec.Properties.Policy.IsComplianceCheck.Value)
			require.Equal(t, QuirkKeyCase, rec.Quirks)
			require.Len(t, rec.Extra, 5, "each member is kept as it was spelled")
		}},
		{"keys that differ only in case", `{` + base + `,"category":"Administrative","properties":{"eTag":"a","etag":"b"}}`, func(t *testing.T, rec *Record) {
			require.Len(t, rec.Properties.Members, 2)
			require.Equal(t, "eTag", rec.Properties.Members[0].Name)
			require.Equal(t, "etag", rec.Properties.Members[1].Name)
		}},
		{"category in any case, older operation-kind categories", `{` + base + `,"category":"Write"}`, func(t *testing.T, rec *Record) {
			require.Equal(t, Administrative, rec.Category)
			require.Equal(t, "Write", rec.CategoryName.Value)
		}},
		{"eventCategory overrides category", `{` + base + `,"category":"NonInteractiveUserSignInLogs","properties":{"eventCategory":"Administrative"}}`, func(t *testing.T, rec *Record) {
			require.Equal(t, Administrative, rec.Category)
		}},
		{"URL claim names", `{` + base + `,"category":"Administrative","identity":{"claims":{"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress":"a@b.c","iat":1421876371}}}`, func(t *testing.T, rec *Record) {
			require.Equal(t, "a@b.c", rec.EventCaller())
			require.Equal(t, Claim{Name: "iat", Value: "1421876371", JSON: true}, rec.Identity.Claims[1])
		}},
		{"keys with spaces", `{` + base + `,"category":"Security","properties":{"parentProcess id":"0","Severity":"High"}}`, func(t *testing.T, rec *Record) {
			v, ok := rec.Properties.Get("parentProcess id")
			require.True(t, ok)
			require.Equal(t, "0", v.Text())
			require.Equal(t, "High", rec.Properties.Security.Severity)
		}},
		{"undocumented top-level members", `{"RoleLocation":"France South","Stamp":"FDWeb",` + base + `,"category":"Administrative"}`, func(t *testing.T, rec *Record) {
			require.Equal(t, "RoleLocation", rec.Extra[0].Name)
			require.Equal(t, "Stamp", rec.Extra[1].Name)
		}},
		{"US time layout with offset", `{"time":"1/9/2007 10:41:00 AM +01:00","category":"Administrative"}`, func(t *testing.T, rec *Record) {
			require.Equal(t, time.Date(2007, 1, 9, 9, 41, 0, 0, time.UTC), rec.Time)
		}},
		{"unparsable time is kept raw", `{"time":"yesterday","category":"Administrative"}`, func(t *testing.T, rec *Record) {
			require.True(t, rec.Time.IsZero())
			require.Equal(t, QuirkKeptRaw, rec.Quirks)
			require.ErrorIs(t, rec.Validate(), azlogs.ErrType)
		}},
		{"caller IP with a port", `{` + base + `,"category":"Administrative","callerIpAddress":"[2001:db8::1]:443"}`, func(t *testing.T, rec *Record) {
			require.Equal(t, "2001:db8::1", rec.CallerIP.String())
			require.Equal(t, "[2001:db8::1]:443", rec.CallerIPAddress)
		}},
		{"masked caller IP", `{` + base + `,"category":"Administrative","callerIpAddress":"XX:2a02:908::"}`, func(t *testing.T, rec *Record) {
			require.False(t, rec.CallerIP.IsValid())
			require.Equal(t, "XX:2a02:908::", rec.CallerIPAddress)
		}},
		{"upper-case GUIDs keep their case", `{` + base + `,"category":"Administrative","correlationId":"CDAB1F54-ADFF-4D32-91CE-829DB00381AE"}`, func(t *testing.T, rec *Record) {
			require.Equal(t, "CDAB1F54-ADFF-4D32-91CE-829DB00381AE", rec.EventCorrelationID())
			_, ok := rec.CorrelationID.UUID()
			require.True(t, ok)
		}},
		{"correlationId as a resource path", `{` + base + `,"category":"Alert","correlationId":"/subscriptions/s/incidents/L3N1Yg=="}`, func(t *testing.T, rec *Record) {
			require.Equal(t, "/subscriptions/s/incidents/L3N1Yg==", rec.EventCorrelationID())
		}},
		{"PIM properties", `{` + base + `,"category":"Administrative","properties":{"RoleDefinition":"Key Vault Crypto Officer","CallerInfo":"[{\"CallerIdentityType\":\"UPN\"}]","SubjectName":"User"}}`, func(t *testing.T, rec *Record) {
			require.Equal(t, "Key Vault Crypto Officer", rec.Properties.PIM.RoleDefinition)
			require.Equal(t, "User", rec.Properties.PIM.SubjectName)
		}},
		{"REST form with null names", `{"eventTimestamp":"2017-07-20T23:30:14.8022297Z","eventName":{"value":null},"category":{"value":"ServiceHealth","localizedValue":"Service Health"},"operationName":{"value":"Microsoft.ServiceHealth/incident/action","localizedValue":"Microsoft.ServiceHealth/incident/action"},"properties":{"incidentType":"Incident","impactedServices":"[{\"ServiceName\":\"Service Fabric\"}]"}}`, func(t *testing.T, rec *Record) {
			require.Equal(t, FormREST, rec.Form)
			require.Equal(t, LocalizableString{Null: true}, rec.EventName)
			require.Equal(t, ServiceHealth, rec.Category)
			require.Equal(t, "Incident", rec.Properties.ServiceHealth.IncidentType)
			require.NoError(t, rec.Validate())
		}},
		{"ResourceHealth nested under eventProperties", `{` + base + `,"category":"ResourceHealth","properties":{"eventCategory":"ResourceHealth","eventProperties":{"currentHealthStatus":"Unknown","cause":"UserInitiated"}}}`, func(t *testing.T, rec *Record) {
			require.Equal(t, "Unknown", rec.Properties.ResourceHealth.CurrentHealthStatus)
			require.Equal(t, "UserInitiated", rec.Properties.ResourceHealth.Cause)
		}},
		{"missing comma between members", "{" + base + ",\"category\":\"Administrative\"\n\"level\":\"Warning\"}", func(t *testing.T, rec *Record) {
			require.Equal(t, QuirkMissingComma, rec.Quirks)
			require.Equal(t, azlogs.LevelWarning, rec.Level)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.check(t, one(t, tt.input))
		})
	}
}

// TestStrict checks that WithStrict rejects each drift the default mode
// corrects, with a positioned error naming the member.
func TestStrict(t *testing.T) {
	for _, tt := range []struct {
		input, pointer string
		want           error
	}{
		{`{` + base + `,"durationMs":"0"}`, "/durationMs", azlogs.ErrType},
		{`{` + base + `,"level":4}`, "/level", azlogs.ErrType},
		{`{` + base + `,"properties":"{\"a\":1}"}`, "/properties", azlogs.ErrType},
		{`{"time":"yesterday"}`, "/time", azlogs.ErrType},
		{"{" + base + "\n\"level\":\"Warning\"}", "", azlogs.ErrSyntax},
		{"{" + base + ",\"caller\":\"\xff\"}", "/caller", azlogs.ErrSyntax},
	} {
		dec := NewDecoder(strings.NewReader(tt.input), azlogs.WithStrict())
		require.False(t, dec.Next(), tt.input)
		var se *azlogs.SyntaxError
		require.ErrorAs(t, dec.Err(), &se, tt.input)
		require.ErrorIs(t, se, tt.want, tt.input)
		require.Equal(t, tt.pointer, se.Pointer, tt.input)
		// The default mode accepts it.
		dec = NewDecoder(strings.NewReader(tt.input))
		require.True(t, dec.Next(), "%s: %v", tt.input, dec.Err())
	}
}

// TestFramings decodes the same records from every framing.
func TestFramings(t *testing.T) {
	r1 := `{` + base + `,"category":"Administrative"}`
	r2 := `{"time":"2025-04-15T10:16:33Z","resourceId":"/S","operationName":"B","category":"Policy"}`
	many := strings.Repeat(r1+",", 24) + r2
	for name, input := range map[string]string{
		"lines":             r1 + "\n" + r2 + "\n",
		"lines crlf bom":    "\xef\xbb\xbf" + r1 + "\r\n\r\n" + r2 + "\r\n",
		"records envelope":  `{"records":[` + r1 + `,` + r2 + `]}`,
		"two envelopes":     `{"records":[` + r1 + `]}` + "\n" + `{"records":[` + r2 + `]}`,
		"bare array":        "[\n " + r1 + ",\n " + r2 + "\n]",
		"REST page":         `{"value":[` + r1 + `,` + r2 + `],"nextLink":"https://management.azure.com/next"}`,
		"pretty-printed":    strings.ReplaceAll(r1, ",", ",\n  ") + "\n" + strings.ReplaceAll(r2, ",", ",\n  "),
		"large batch of 25": `{"records":[` + many + `]}`,
	} {
		t.Run(name, func(t *testing.T) {
			recs, bad, err := decodeAll(t, []byte(input))
			require.NoError(t, err)
			require.Empty(t, bad)
			require.GreaterOrEqual(t, len(recs), 2)
			require.Equal(t, "MICROSOFT.X/WRITE", recs[0].EventOperation())
			require.Equal(t, "B", recs[len(recs)-1].EventOperation())
			if name == "large batch of 25" {
				require.Len(t, recs, 25)
			}
		})
	}
	dec := NewDecoder(strings.NewReader(`{"value":[` + r1 + `],"nextLink":"https://management.azure.com/next"}`))
	for dec.Next() {
	}
	require.Equal(t, "https://management.azure.com/next", dec.NextLink())
}

// TestCloneOutlivesDecoder checks that a cloned record is unchanged after
// the decoder moves on and its buffers are reused.
func TestCloneOutlivesDecoder(t *testing.T) {
	in := `{` + base + `,"category":"Administrative","properties":{"requestbody":"{\"a\":1}","x":[1,2]},"Stamp":"S1"}` + "\n" +
		`{"time":"2026-01-01T00:00:00Z","resourceId":"/OTHER","operationName":"ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ","category":"Policy","properties":{"requestbody":"{\"b\":2222222}","y":[3,4]},"Stamp":"S2"}`
	dec := NewDecoder(bytes.NewReader([]byte(in)))
	require.True(t, dec.Next())
	kept := dec.Record().Clone()
	want := string(kept.AppendJSON(nil))
	require.True(t, dec.Next())
	require.False(t, dec.Next())
	require.Equal(t, want, string(kept.AppendJSON(nil)))
	require.Equal(t, `"{\"a\":1}"`, string(kept.Properties.Administrative.RequestBody))
}

// TestEditingDoesNotLeak checks that editing a record's claims in place,
// as a redacting forwarder would, does not change later records with the
// same token.
func TestEditingDoesNotLeak(t *testing.T) {
	line := `{` + base + `,"category":"Administrative","identity":{"claims":{"name":"Rob","upn":"rob@contoso.com"}}}` + "\n"
	dec := NewDecoder(strings.NewReader(line + line))
	require.True(t, dec.Next())
	for i := range dec.Record().Identity.Claims {
		dec.Record().Identity.Claims[i].Value = "***"
	}
	require.True(t, dec.Next())
	v, _ := dec.Record().Identity.Claim("name")
	require.Equal(t, "Rob", v)
}

// TestEvidenceMemo checks that remembered evidence objects give the same
// values as parsed ones, and that one with unknown members (whose values
// are borrowed) is not remembered.
func TestEvidenceMemo(t *testing.T) {
	ev := `"evidence":{"role":"Owner","principalId":"p1","principalType":"User"}`
	evx := `"evidence":{"role":"Owner","principalId":"p1","extra":[1]}`
	line := func(e string) string {
		return `{` + base + `,"category":"Administrative","identity":{"authorization":{"action":"a",` + e + `}}}` + "\n"
	}
	recs, _, err := decodeAll(t, []byte(line(ev)+line(ev)+line(evx)+line(evx)))
	require.NoError(t, err)
	require.Len(t, recs, 4)
	require.Equal(t, recs[0].Identity.Authorization.Evidence, recs[1].Identity.Authorization.Evidence)
	require.Equal(t, "Owner", recs[1].Identity.Authorization.Evidence.Role)
	for _, r := range recs[2:] {
		require.Equal(t, []azlogs.Member{{Name: "extra", Value: azlogs.RawJSON(`[1]`)}}, r.Identity.Authorization.Evidence.Extra)
	}
}

// TestMissingCommaInAKeptValue: a missing comma is repaired only where the
// decoder reads members into fields; inside a member kept as it was (here
// an unknown one) the record is rejected, since the member could not be
// written back as valid JSON. Found by FuzzDecoder.
func TestMissingCommaInAKeptValue(t *testing.T) {
	in := "{" + base + ",\"category\":\"Administrative\",\"Other\":{\"a\":1\n\"b\":2}}\n{" + base + ",\"category\":\"Policy\"}\n"
	recs, bad, err := decodeAll(t, []byte(in))
	require.NoError(t, err)
	require.Len(t, recs, 1)
	require.Equal(t, Policy, recs[0].Category)
	require.Len(t, bad, 1)
	require.ErrorIs(t, bad[0], azlogs.ErrSyntax)
}

// TestRecordNamedLikeAPage: a record whose only member is nextLink is a
// record, not an empty REST page (found by FuzzDecoder).
func TestRecordNamedLikeAPage(t *testing.T) {
	rec := one(t, `{"nextLink":""}`)
	require.Equal(t, []azlogs.Member{{Name: "nextLink", Value: azlogs.RawJSON(`""`)}}, rec.Extra)
}

// TestWritesOneLine: a record read from pretty-printed input writes back
// as one line, whatever its kept members held, so that AppendJSON output
// can be JSON lines.
func TestWritesOneLine(t *testing.T) {
	in := "{\n  \"time\": \"2025-04-15T10:16:32Z\",\n  \"category\": \"Policy\",\n  \"Stamp\": {\n    \"a\": [1,\n 2]\n  },\n  \"properties\": {\"x\": {\n\"y\": \"line\\nbreak\"}}\n}\n"
	rec := one(t, in)
	out := rec.AppendJSON(nil)
	require.NotContains(t, string(out), "\n")
	require.Contains(t, string(out), `"Stamp":{"a":[1,2]}`)
	require.Contains(t, string(out), `"x":{"y":"line\nbreak"}`)
}
