// Package activity decodes the Azure activity log: the control-plane events
// of a subscription (resource writes, deletes and actions, role
// assignments, policy decisions, service and resource health, autoscale,
// Advisor recommendations, Defender alerts).
//
// # Where users meet it
//
// The activity log reaches users in two JSON forms, which the Decoder tells
// apart record by record:
//
//   - The export form, written by a subscription's diagnostic setting: to
//     storage as hourly blobs
//     insights-activity-logs/resourceId=/SUBSCRIPTIONS/{id}/y=…/m=…/d=…/h=…/m=00/PT1H.json
//     (JSON lines since November 2018, one {"records":[…]} object before),
//     and to Event Hubs as {"records":[…]} messages. Names are plain
//     strings; the caller's token is under identity; the event's details
//     are under properties.
//   - The REST form, the EventData objects of the Activity Log REST API
//     (pages of {"value":[…],"nextLink":…}) and of the portal's JSON view.
//     Names are {"value","localizedValue"} pairs; the token's claims and
//     the authorization are top-level members.
//
// A line of a PT1H.json blob (shortened):
//
//	{"time":"2025-04-15T10:16:32.9873441Z",
//	 "resourceId":"/SUBSCRIPTIONS/1111…/PROVIDERS/MICROSOFT.INSIGHTS/DIAGNOSTICSETTINGS/EXAMPLE",
//	 "operationName":"MICROSOFT.INSIGHTS/DIAGNOSTICSETTINGS/WRITE","category":"Administrative",
//	 "resultType":"Start","resultSignature":"Started.","durationMs":"0",
//	 "callerIpAddress":"203.0.113.10","correlationId":"aaaaaaaa-bbbb-cccc-dddd-111111111111",
//	 "identity":{"authorization":{"scope":"/subscriptions/1111…","action":"microsoft.insights/diagnosticSettings/write",
//	   "evidence":{"role":"Owner","principalType":"User",…}},
//	   "claims":{"aud":"https://management.core.windows.net/",
//	     "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn":"user@example.com",…}},
//	 "level":"Informational",
//	 "properties":{"requestbody":"{\"id\":\"/subscriptions/…\",…}","eventCategory":"Administrative",
//	   "entity":"/subscriptions/…","message":"microsoft.insights/diagnosticSettings/write","hierarchy":"2222…/1111…"},
//	 "tenantId":"22222222-2222-2222-2222-222222222222"}
//
// # Records
//
// A Record holds the union of both forms' members, with the forms' shared
// meaning merged (time and eventTimestamp are both Time; resultDescription
// and description are both Description). Category resolves the event's
// category from category (REST) or properties.eventCategory and category
// (export). The eight categories are Administrative, ServiceHealth,
// ResourceHealth, Alert, Autoscale, Recommendation, Security and Policy;
// each has typed properties in Properties (and Administrative records
// written by Privileged Identity Management fill Properties.PIM).
//
// Nothing is dropped: members the schema does not define are kept in
// Extra, in Identity.Extra and the other Extra fields, and every member of
// properties is in Properties.Members, so AppendJSON writes the record
// back whole. Strings are safe to keep (they are interned, not copied, when
// a value repeats); RawJSON values are borrowed until the next call to
// Next. Identifiers that are GUIDs (correlationId, eventDataId,
// operationId, serviceRequestId) are azlogs.ID values and cost no
// allocation.
//
// # Departures from Microsoft's documentation
//
// The decoder follows the data where it disagrees with the published
// schema (activity-log-schema.md and the 2015-04-01 REST specification),
// and records what it corrected in Record.Quirks:
//
//   - category in the export form is free text: besides the eight
//     categories, older exports write the operation's kind (Write, Action,
//     Delete) and some write other families' names; the real category is
//     properties.eventCategory when present.
//   - durationMs, documented as a number that is always 0, arrives as a
//     string ("0") and with other values (QuirkDurationString).
//   - level arrives as the words Critical, Error, Warning, Informational,
//     Information and Verbose, and in some exports as a number 1–5 or a
//     digit string (QuirkLevelNumber); records from Log Analytics carry
//     both Level (a number) and level (a word).
//   - Member names drift in letter case (Level, ResourceId, Time). Such a
//     member is kept in Extra as it was and read when the schema's spelling
//     is absent (QuirkKeyCase).
//   - properties arrives as a string holding the JSON object
//     (QuirkPropertiesString), and identity as a plain string or as a
//     string holding the JSON object (QuirkIdentityString).
//   - Values the REST form documents as strings carry JSON text:
//     requestbody (lower-case b, also requestBody), responseBody,
//     statusMessage (JSON or plain text), policies, impactedServices and PIM
//     CallerInfo; they are RawJSON values, decoded on request with
//     RawJSON.Embedded. Some samples send requestBody and responseBody as
//     objects instead.
//   - The REST form's LocalizableString has value null and localizedValue
//     absent in published samples; both are kept as they were.
//   - ResourceHealth properties use the table's names (currentHealthStatus,
//     previousHealthStatus, type, cause) in exports but other names
//     (healthStatus, healthEventType, healthEventCause, stage) in the REST
//     sample; both are read. The export form may nest them under
//     eventProperties.
//   - correlationId and operationId of classic alerts are resource paths,
//     not GUIDs; published eventDataIds contain non-hex characters. Such
//     IDs are kept as text.
//   - Undocumented top-level members (RoleLocation, Stamp, ReleaseVersion,
//     operationVersion, tenantId) occur; the known ones are fields, the
//     rest are in Extra.
//   - Times have 0 to 9 fractional digits, Z, an offset or no zone, and
//     also US layouts (1/9/2007 9:41:00 AM); LastScaleActionTime is RFC 1123.
//     A time that matches none is kept in Extra as it was (QuirkKeptRaw).
//   - A published sample lacks the comma between two members; the decoder
//     repairs a missing comma between members that white space separates
//     (QuirkMissingComma), except with azlogs.WithStrict.
//   - callerIpAddress may hold a port, brackets, a masked address or a
//     name: CallerIPAddress keeps the text, CallerIP holds the address when
//     there is one.
//   - The REST API example page has neither resourceId nor category;
//     Validate requires them only of the export form.
//
// With azlogs.WithStrict the decoder rejects what it would otherwise
// correct: a member of the wrong type, an unparsable time, a missing comma,
// properties or identity in a string, invalid UTF-8.
package activity
