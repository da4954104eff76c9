// Package diagnostics decodes Azure resource logs (formerly "diagnostic
// logs"): the data-plane events that every Azure service emits through a
// diagnostic setting, one category at a time (Key Vault AuditEvent,
// ApplicationGatewayAccessLog, FunctionAppLogs, …).
//
// # The format
//
// Every record is one JSON object with a common envelope (time, resourceId,
// operationName, category, resultType, resultSignature, resultDescription,
// durationMs, callerIpAddress, correlationId, identity, level, location,
// tenantId for tenant-level services) and a properties object whose members
// depend on the service and the category. Record holds the envelope as
// typed fields, properties as raw members (Properties.Members, decoded to
// Go values on request with Properties.Decode), and, for the categories the
// package types, a typed view of properties reached without allocating
// (Properties.KeyVault, Properties.AppGatewayAccess, … ; Properties.View for
// any). Every member the schema does not define is kept in Extra, so that
// AppendJSON writes the record back whole.
//
// # Where users meet it
//
// A diagnostic setting sends resource logs to a storage account, as hourly
// append blobs in one container per category,
//
//	insights-logs-<category in lower case>/resourceId=/SUBSCRIPTIONS/<id>/RESOURCEGROUPS/<rg>/PROVIDERS/<provider>/<type>/<name>/y=2025/m=04/d=24/h=13/m=00/PT1H.json
//
// (JSON lines since November 2018, one {"records":[…]} object before), and
// to Event Hubs, one {"records":[…]} object per message, all categories of
// the setting mixed in one hub (insights-logs-<category> when the setting
// names none). The Decoder reads every framing (JSON lines, the records
// envelope, a bare array, a single pretty-printed object, a UTF-8 BOM, a
// blob still being written whose last record is torn) and any mix of
// categories.
//
// A record of a PT1H.json blob (Key Vault, from Microsoft's documentation):
//
//	{"time":"2016-01-05T01:32:01.2691226Z",
//	 "resourceId":"/SUBSCRIPTIONS/361DA5D4-…/RESOURCEGROUPS/CONTOSOGROUP/PROVIDERS/MICROSOFT.KEYVAULT/VAULTS/CONTOSOKEYVAULT",
//	 "operationName":"VaultGet","operationVersion":"2015-06-01","category":"AuditEvent",
//	 "resultType":"Success","resultSignature":"OK","resultDescription":"","durationMs":"78",
//	 "callerIpAddress":"104.40.82.76","correlationId":"",
//	 "identity":{"claim":{"http://schemas.microsoft.com/identity/claims/objectidentifier":"d9da5048-…",
//	   "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn":"live.com#username@outlook.com","appid":"1950a258-…"}},
//	 "properties":{"clientInfo":"azure-resource-manager/2.0","requestUri":"https://control-prod-wus.vaultcore.azure.net/…",
//	   "id":"https://contosokeyvault.vault.azure.net/","httpStatusCode":200}}
//
// # Categories typed
//
// A category is a name and the service that writes it (ResolveCategory):
// Key Vault and Managed HSM AuditEvent; NSG NetworkSecurityGroupEvent and
// NetworkSecurityGroupRuleCounter; Load Balancer LoadBalancerAlertEvent and
// LoadBalancerProbeHealthStatus; Application Gateway access (v1 and v2
// SKU), performance and firewall logs; App Service HTTP, app, console,
// audit, file audit, IPsec audit, platform and authentication logs;
// FunctionAppLogs; Front Door (classic and Standard/Premium) and CDN access
// logs, health probe and WAF logs; Azure Firewall legacy rule logs (the
// free-text msg parsed into fields), the structured AZFW* categories and
// AZFWDnsQuery; Data Factory pipeline, activity and trigger runs; Service
// Bus and Event Hubs operational, runtime audit, VNet/IP filtering,
// diagnostic error, application metrics, archive and autoscale logs; API
// Management GatewayLogs; AKS control-plane logs (kube-audit and the
// others); MicrosoftGraphActivityLogs; Attestation Operational; Storage
// StorageRead/Write/Delete; Logic Apps WorkflowRuntime; Azure AI Search
// OperationLogs; Batch ServiceLog; Data Lake Store and Data Lake Analytics
// Audit and Requests; Automation JobLogs, JobStreams and DscNodeStatus;
// Stream Analytics Execution and Authoring. The constants of type Category
// list them. Every other category decodes generically: the envelope typed,
// properties kept as raw members.
//
// # Adding a category
//
// A typed category is one file and one table entry:
//
//  1. A file (say widgets.go) with the view type, WidgetProperties, whose
//     fields are what the category's members mean (azlogs.OptInt, OptFloat
//     and azlogs.OptBool for numbers and booleans, which Azure may write as
//     strings or placeholders; netip.Addr for addresses; azlogs.RawJSON,
//     borrowed, for nested objects and long free text); an accessor,
//     func (p *Properties) Widget() *WidgetProperties { v, _ := p.view.(*WidgetProperties); return v };
//     and its viewer, var widgetView = &view[WidgetProperties]{props: fields[WidgetProperties]{"rpm": func(p *WidgetProperties, v *value) { p.RPM = v.optInt() }, …}},
//     with top: for members the service writes at the top level of the
//     record, and .with("name", "Name") for other spellings of a member.
//     Optional methods: caller() and clientIP() feed EventCaller and
//     EventCallerIP, check() adds rules to Validate.
//
//     A string field is interned: right for values of bounded cardinality
//     (methods, status words, host and rule names, fixed texts). A value
//     unique per request by nature (a request's URI, path or query string,
//     an object key, a referer or cookie, a request or tracking ID that is
//     not a GUID, free text that embeds per-event detail such as messages
//     and stack traces) is an azlogs.RawJSON instead, set with
//     { p.X = v.raw }, and its doc says it is borrowed until the decoder's
//     next Next: as a string every new value would cost an allocation and
//     fill the intern table.
//
//  2. A constant in the Category list, and its row in the categories
//     table: Widgets: {names: []string{"WidgetLogs"}, provider:
//     "MICROSOFT.CONTOSO", view: widgetView}. provider is needed only when
//     another service uses the same category name.
//
// Decoding, Clone, AppendJSON (which writes Members, not the view) and the
// golden tests follow from the table; add a sample to testdata (and its
// origin to testdata/README.md) or to the documented samples of
// categories_test.go.
//
// # Departures from Microsoft's documentation
//
// Real data departs from the published schema in these ways; the decoder
// accepts each (unless WithStrict) and records it in Record.Quirks. Each is
// covered by a case of TestQuirks (quirks_test.go) or the test named.
//
//   - The time is under another name: timeStamp (Application Gateway v2;
//     its firewall log has nothing else), timestamp, EventTimeString
//     (Service Bus and Event Hubs operational logs), eventTimestamp (their
//     runtime logs), TimeGenerated (Log Analytics export), EventTime (App
//     Service), startTime (Event Hubs archive logs), Time (Attestation);
//     QuirkRenamed, QuirkKeyCase.
//   - The time is in the .NET US layout (9/7/2022 2:41:35 PM +00:00,
//     1/9/2007 9:41:00 AM), has 0 to 9 fraction digits, an offset or no
//     zone; QuirkTimeLayout.
//   - Keys differ in case from the schema: ResourceId, Category, Level,
//     OperationName, Properties, TenantId, durationMS (Search); QuirkKeyCase.
//     Keys that differ only in case (errorInfo and ErrorInfo, Level and
//     level) both appear and are both kept.
//   - Service Bus and Event Hubs skip the common schema: no time, no
//     operationName, ActivityId, EventName or ActivityName, Status or
//     Outcome, Region; the decoder reads these into the envelope
//     (QuirkRenamed). Stream Analytics writes status instead of resultType.
//   - properties is a string holding JSON (App Service HTTP logs through
//     Event Hubs, Stream Analytics, Service Bus Properties, EventProperties);
//     QuirkPropertiesString.
//   - FunctionAppLogs properties is a single-quoted object literal, bare in
//     the record (which is then not JSON) or inside a string, with quotes
//     sometimes escaped twice; it is repaired, keeping apostrophes inside
//     values (a quote ends a string only before a colon, a closing bracket,
//     the end, or a comma followed by another member); QuirkSingleQuoted,
//     TestRepairQuoted. A quote followed by a colon inside a value ("the
//     'x': y") is read as the end of the string.
//   - durationMs is a string ("78", Key Vault) or a placeholder ("-");
//     QuirkDurationString, QuirkKeptRaw.
//   - level is a number (API Management, Data Factory, Graph: 4) or a
//     digit string, or Information for Informational; QuirkLevelNumber.
//   - resultType and resultSignature are numbers (Search writes the HTTP
//     status as a number); QuirkResultNumber.
//   - identity is a plain string (Data Lake: a GUID or a UPN), a string
//     holding JSON (Managed HSM, Attestation), Key Vault's {"claim":{…}}
//     (singular), or Storage's {"type","authorization":[…],"requester"};
//     QuirkIdentityString.
//   - callerIpAddress has a port, brackets, a CIDR length, an IPv4-mapped
//     IPv6 form, or is masked (XX:2a02:…); the text is kept, CallerIP is
//     the invalid Addr when it holds no address.
//   - Numbers in properties are strings (App Service "ScStatus":"200",
//     Front Door and CDN "timeTaken":"0.384", Application Gateway
//     performance log counts, Load Balancer "port":"81"), and "", "-" or
//     "N/A" stand for none; they decode to unknown OptInt/OptFloat values.
//     Booleans are strings ("ServiceEndpoint":"False").
//   - Application Gateway writes timeTaken in milliseconds on v1 and in
//     seconds on v2; clientIp (firewall log) but clientIP (access log).
//   - Data Factory writes end 1601-01-01T00:00:00Z for a run not ended (the
//     zero Time in the view), tags as a string holding JSON, and its run's
//     members at the top level.
//   - The Azure Firewall legacy msg varies: "Action: Allow.." (two
//     periods), ports missing after the colon (ICMP), "was DNAT'ed to",
//     "Url:", "ThreatIntel:", IDS "Signature:/Priority:/Classification:",
//     "No rule matched"; TestFirewallMessages.
//   - Members the schema lacks appear at the top level: systemId (NSG,
//     Load Balancer), listenerName, ruleName, backendPoolName and
//     backendSettingName (Application Gateway v2), EventStampName, Host,
//     EventIpAddress (App Service), DeploymentVersion, isRequestSuccess,
//     truncated (API Management), workflowId (Logic Apps), Tenant (Batch),
//     clientInfo, requestUri and httpStatusCode (Managed HSM, which puts
//     its properties there), uri and traceContext (Attestation, with a
//     trailing comma inside its JSON string). They are kept in Extra and
//     read by the views that know them.
//   - Keys hold spaces ("public ip address", "Correlation ID").
//   - A comma between members is missing in some published samples;
//     QuirkMissingComma.
//   - The same category name belongs to several services (AuditEvent,
//     Audit, Requests, Operational, Execution); the resource provider in
//     the resource ID, in any letter case, decides.
//   - Documented samples hold placeholders where values belong
//     ("[DATE-TIME]", "<subscription ID>"); they decode, and Validate
//     reports them (the time is kept raw, QuirkKeptRaw).
//
// What cannot be repaired, such as unescaped double quotes inside an
// embedded message, is a *azlogs.SyntaxError with its position; with
// azlogs.WithErrorHandler the decoder reports the record and goes on with
// the next (TestRejected, TestBadRecordsInTheMiddle).
//
// # Memory
//
// In steady state the decoder allocates nothing per record: strings are
// interned (and safe to keep), identifiers are value types, typed views are
// reused per category. A string value the intern table has not seen costs
// one allocation, the first time (and again if the bounded table has
// dropped it); so long free text (exception details, Graph scopes) and
// values unique per request (request URIs, object keys, messages, a
// caller's port) are exposed as borrowed RawJSON or value types instead.
// On records never seen before, drawn from the same services, what remains
// is the first sight of bounded values such as client addresses: 0.09
// allocations per record on the generated corpus
// (TestAllocationsOnFreshData pins it per category).
package diagnostics
