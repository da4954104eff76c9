// Package corpusgen generates realistic synthetic log corpora of any size
// for benchmarks, from fixed seeds so that runs compare.
package corpusgen

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"
)

// Diagnostics returns about size bytes of resource logs as JSON lines (the
// PT1H.json framing), mixing fifteen categories of a dozen services in the
// proportions a busy subscription's Event Hub shows: gateway, CDN and
// firewall traffic first, then App Service and Functions, Key Vault,
// messaging, Graph, API Management, Storage, Data Factory, NSG counters,
// and a category no decoder types. Values come from bounded pools (a few
// thousand client addresses, paths and agents per resource) plus unique
// GUIDs, times, ports and sizes, and the records carry the drift real data
// has: numbers as strings, timeStamp instead of time, Level as a number,
// EventTimeString and EventProperties, properties as a string of JSON or a
// single-quoted object. It returns the corpus and the number of records.
func Diagnostics(size int, seed uint64) ([]byte, int) {
	g := &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), t: time.Date(2025, 4, 24, 13, 0, 0, 0, time.UTC)}
	g.pools()
	out := make([]byte, 0, size+4096)
	n := 0
	for len(out) < size {
		g.t = g.t.Add(time.Duration(g.r.IntN(40_000)) * time.Microsecond)
		k := g.r.IntN(100)
		for _, c := range mix {
			if k < c.weight {
				out = c.write(g, out)
				break
			}
			k -= c.weight
		}
		out = append(out, '\n')
		n++
	}
	return out, n
}

type gen struct {
	r                         *rand.Rand
	t                         time.Time
	ips, paths, agents, hosts []string
	users, ops, rules, queues []string
	subs                      []string
	// principals and apps are object and application IDs: a tenant has a
	// bounded number of them, which come back record after record.
	principals, apps []string
}

func (g *gen) pools() {
	g.ips = make([]string, 4000)
	for i := range g.ips {
		if i%9 == 0 {
			g.ips[i] = fmt.Sprintf("2001:db8:%x:%x::%x", g.r.IntN(65536), g.r.IntN(65536), g.r.IntN(65536))
		} else {
			g.ips[i] = fmt.Sprintf("%d.%d.%d.%d", 1+g.r.IntN(223), g.r.IntN(256), g.r.IntN(256), 1+g.r.IntN(254))
		}
	}
	words := []string{"api", "v1", "v2", "orders", "users", "cart", "search", "static", "img", "css", "js", "health", "login", "token", "products", "items", "reports", "export", "admin", "metrics"}
	g.paths = make([]string, 3000)
	for i := range g.paths {
		p := ""
		for j := 0; j < 1+g.r.IntN(4); j++ {
			p += "/" + words[g.r.IntN(len(words))]
		}
		if g.r.IntN(3) == 0 {
			p += "/" + strconv.Itoa(g.r.IntN(100000))
		}
		g.paths[i] = p
	}
	g.agents = []string{
		"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
		"Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:137.0) Gecko/20100101 Firefox/137.0",
		"Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
		"python-requests/2.31.0", "curl/8.5.0", "Go-http-client/1.1", "azsdk-python-keyvault-secrets/4.8.0 Python/3.11.4 (Linux-5.15.0-1051-azure-x86_64-with-glibc2.35)",
		"azure-resource-manager/2.0", "okhttp/4.12.0", "Apache-HttpClient/4.5.14 (Java/17.0.9)", "-",
	}
	g.hosts = []string{"www.contoso.com", "api.contoso.com", "shop.contoso.com", "contoso-prod.azurewebsites.net", "static.contoso.net", "contoso-fd-gxa9e7.z01.azurefd.net"}
	g.users = make([]string, 300)
	for i := range g.users {
		g.users[i] = fmt.Sprintf("user%03d@contoso.com", i)
	}
	g.ops = []string{"SecretGet", "SecretList", "KeySign", "KeyGet", "VaultGet", "CertificateGet", "SecretSet", "Authentication"}
	g.rules = []string{"Permit_RFC1918", "AllowWeb", "DenyAll", "AllowDNS", "AllowAzureMonitor", "AllowWindowsUpdate"}
	g.queues = []string{"orders", "payments", "emails", "audit", "telemetry"}
	g.principals = make([]string, len(g.users))
	for i := range g.principals {
		g.principals[i] = g.guid()
	}
	g.apps = make([]string, 40)
	for i := range g.apps {
		g.apps[i] = g.guid()
	}
	g.subs = []string{"6F2A1C5E-3B4D-4E8F-9A0B-1C2D3E4F5A6B", "0E073EC1-C22F-4488-ADDE-DA35ED609ACD", "49D1B571-1CBE-402D-B523-AFEE3C19B64E"}
}

func (g *gen) pick(s []string) string { return s[g.r.IntN(len(s))] }

func (g *gen) ip() string { return g.pick(g.ips) }

func (g *gen) guid() string {
	return fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", g.r.Uint32(), g.r.IntN(1<<16), g.r.IntN(1<<16), g.r.IntN(1<<16), g.r.Uint64()&(1<<48-1))
}

func (g *gen) now() string { return g.t.Format("2006-01-02T15:04:05.0000000Z") }

func (g *gen) rid(provider, typ, name string) string {
	return "/SUBSCRIPTIONS/" + g.subs[len(name)%len(g.subs)] + "/RESOURCEGROUPS/PROD-RG/PROVIDERS/" + provider + "/" + typ + "/" + name
}

type category struct {
	weight int
	write  func(g *gen, b []byte) []byte
}

// mix is the categories and their weights, in percent.
var mix = []category{
	{14, appGatewayAccess}, {4, appGatewayFirewall}, {12, frontDoorAccess}, {9, firewallLegacy}, {5, firewallStructured},
	{10, appServiceHTTP}, {8, functionApp}, {8, keyVault}, {5, serviceBus}, {6, graph}, {6, apim},
	{5, storageRead}, {3, dataFactory}, {3, nsgCounter}, {2, generic},
}

func appGatewayAccess(g *gen, b []byte) []byte {
	status := []int{200, 200, 200, 200, 301, 304, 404, 500}[g.r.IntN(8)]
	return fmt.Appendf(b, `{"timeStamp":"%s","resourceId":"%s","listenerName":"https-listener","ruleName":"rule-%d","backendPoolName":"pool-web","backendSettingName":"https-settings","operationName":"ApplicationGatewayAccess","category":"ApplicationGatewayAccessLog","properties":{"instanceId":"appgw_%d","clientIP":"%s","clientPort":%d,"httpMethod":"GET","originalRequestUriWithArgs":"%s","requestUri":"%s","requestQuery":"","userAgent":"%s","httpStatus":%d,"httpVersion":"HTTP/1.1","receivedBytes":%d,"sentBytes":%d,"clientResponseTime":0,"timeTaken":%.3f,"WAFEvaluationTime":"0.000","WAFMode":"Detection","transactionId":"%x","sslEnabled":"on","sslCipher":"ECDHE-RSA-AES256-GCM-SHA384","sslProtocol":"TLSv1.2","sslClientVerify":"NONE","sslClientCertificateFingerprint":"","sslClientCertificateIssuerName":"","serverRouted":"10.0.1.%d:443","serverStatus":"%d","serverResponseLatency":"%.3f","upstreamSourcePort":"%d","originalHost":"%s","host":"%s","error_info":"ERRORINFO_NO_ERROR","contentType":"application/json"}}`,
		g.t.Format("2006-01-02T15:04:05+00:00"), g.rid("MICROSOFT.NETWORK", "APPLICATIONGATEWAYS", "APPGW-PROD"), g.r.IntN(4), g.r.IntN(4),
		g.ip(), 1024+g.r.IntN(60000), g.pick(g.paths), g.pick(g.paths), g.pick(g.agents), status, 200+g.r.IntN(3000), 300+g.r.IntN(90000),
		g.r.Float64()/5, g.r.Uint64(), 4+g.r.IntN(8), status, g.r.Float64()/8, 1024+g.r.IntN(60000), g.pick(g.hosts), g.pick(g.hosts))
}

func appGatewayFirewall(g *gen, b []byte) []byte {
	return fmt.Appendf(b, `{"resourceId":"%s","operationName":"ApplicationGatewayFirewall","time":"%s","category":"ApplicationGatewayFirewallLog","properties":{"instanceId":"appgw_%d","clientIp":"%s","clientPort":"","requestUri":"%s","ruleSetType":"OWASP_CRS","ruleSetVersion":"3.2","ruleId":"9%05d","ruleGroup":"REQUEST-930-APPLICATION-ATTACK-LFI","message":"Restricted File Access Attempt","action":"Matched","site":"Global","details":{"message":"Pattern match at REQUEST_FILENAME.","data":"found within REQUEST_FILENAME","file":"rules/REQUEST-930-APPLICATION-ATTACK-LFI.conf","line":"%d"},"hostname":"%s","transactionId":"%x","policyId":"default","policyScope":"Global","policyScopeName":"Global"}}`,
		g.rid("MICROSOFT.NETWORK", "APPLICATIONGATEWAYS", "APPGW-PROD"), g.now(), g.r.IntN(4), g.ip(), g.pick(g.paths), g.r.IntN(40)*10, 100+g.r.IntN(900), g.pick(g.hosts), g.r.Uint64())
}

func frontDoorAccess(g *gen, b []byte) []byte {
	ip := g.ip()
	status := []int{200, 200, 200, 304, 404}[g.r.IntN(5)]
	t := g.r.Float64()
	return fmt.Appendf(b, `{"time":"%s","resourceId":"%s","category":"FrontDoorAccessLog","operationName":"Microsoft.Cdn/Profiles/AccessLog/Write","properties":{"trackingReference":"20250424T%sZ-%x","httpMethod":"GET","httpVersion":"2.0.0.0","requestUri":"https://%s:443%s","sni":"%s","requestBytes":"%d","responseBytes":"%d","userAgent":"%s","clientIp":"%s","clientPort":"%d","socketIp":"%s","timeToFirstByte":"%.3f","timeTaken":"%.3f","requestProtocol":"HTTPS","securityProtocol":"TLS 1.3","rulesEngineMatchNames":[],"httpStatusCode":"%d","httpStatusDetails":"%d","pop":"%s","cacheStatus":"%s","errorInfo":"NoError","ErrorInfo":"NoError","result":"N/A","endpoint":"contoso-fd-gxa9e7.z01.azurefd.net","routingRuleName":"default-route","hostName":"%s","originUrl":"https://contoso-prod.azurewebsites.net:443/","originIp":"20.119.0.%d:443","originName":"contoso-prod.azurewebsites.net:443","referer":"","clientCountry":"Netherlands","domain":"contoso-fd-gxa9e7.z01.azurefd.net:443","securityCipher":"TLS_AES_256_GCM_SHA384","securityCurves":"X25519:prime256v1:secp384r1"}}`,
		g.now(), g.rid("MICROSOFT.CDN", "PROFILES", "CONTOSO-FD"), g.t.Format("150405"), g.r.Uint64(), g.pick(g.hosts), g.pick(g.paths), g.pick(g.hosts),
		100+g.r.IntN(2000), 300+g.r.IntN(100000), g.pick(g.agents), ip, 1024+g.r.IntN(60000), ip, t/2, t, status, status,
		[]string{"PAR", "AMS", "FRA", "LHR", "SIN"}[g.r.IntN(5)], []string{"HIT", "MISS", "CONFIG_NOCACHE"}[g.r.IntN(3)], g.pick(g.hosts), g.r.IntN(255))
}

func firewallLegacy(g *gen, b []byte) []byte {
	var msg string
	switch g.r.IntN(4) {
	case 0:
		msg = fmt.Sprintf("TCP request from 10.0.%d.%d:%d to %s:%d. Action: Allow.. Rule Collection: %s. Rule: %s", g.r.IntN(8), 4+g.r.IntN(200), 1024+g.r.IntN(60000), g.ip(), []int{443, 80, 3389, 22}[g.r.IntN(4)], g.pick(g.rules), g.pick(g.rules))
	case 1:
		msg = fmt.Sprintf("UDP request from 10.0.%d.%d:%d to 168.63.129.16:53. Action: Allow. ", g.r.IntN(8), 4+g.r.IntN(200), 1024+g.r.IntN(60000))
	case 2:
		msg = fmt.Sprintf("TCP request from %s:%d to 20.50.1.10:3389 was DNAT'ed to 10.0.2.%d:3389. Policy: fw-policy. Rule Collection Group: DefaultDnatRuleCollectionGroup. Rule Collection: DNAT. Rule: rdp", g.ip(), 1024+g.r.IntN(60000), 4+g.r.IntN(20))
	default:
		msg = fmt.Sprintf("ICMP Type=8 request from 10.0.%d.%d to %s. Action: Deny. ", g.r.IntN(8), 4+g.r.IntN(200), g.ip())
	}
	return fmt.Appendf(b, `{"category":"AzureFirewallNetworkRule","operationName":"AzureFirewallNetworkRuleLog","properties":{"msg":"%s"},"resourceId":"%s","time":"%s"}`,
		msg, g.rid("MICROSOFT.NETWORK", "AZUREFIREWALLS", "FW-HUB"), g.now())
}

func firewallStructured(g *gen, b []byte) []byte {
	return fmt.Appendf(b, `{"time":"%s","resourceId":"%s","category":"AZFWNetworkRule","operationName":"AzureFirewallNetworkRuleLog","properties":{"Protocol":"TCP","SourceIp":"10.0.%d.%d","SourcePort":%d,"DestinationIp":"%s","DestinationPort":%d,"Action":"%s","Policy":"fw-policy","RuleCollectionGroup":"DefaultNetworkRuleCollectionGroup","RuleCollection":"%s","Rule":"%s","ActionReason":""}}`,
		g.now(), g.rid("MICROSOFT.NETWORK", "AZUREFIREWALLS", "FW-HUB"), g.r.IntN(8), 4+g.r.IntN(200), 1024+g.r.IntN(60000), g.ip(), []int{443, 80, 1433, 5432}[g.r.IntN(4)],
		[]string{"Allow", "Deny"}[g.r.IntN(2)], g.pick(g.rules), g.pick(g.rules))
}

func appServiceHTTP(g *gen, b []byte) []byte {
	props := fmt.Sprintf(`{"CsHost":"%s","CIp":"%s","SPort":"443","CsUriStem":"%s","CsUriQuery":"","CsMethod":"GET","TimeTaken":%d,"ScStatus":"%d","Result":"Success","CsBytes":"%d","ScBytes":"%d","UserAgent":"%s","Cookie":"--","CsUsername":"-","Referer":"-","ComputerName":"10-30-%d-%d","Protocol":"HTTP/1.1"}`,
		g.pick(g.hosts), g.ip(), g.pick(g.paths), g.r.IntN(3000), []int{200, 200, 200, 404, 500}[g.r.IntN(5)], 300+g.r.IntN(3000), 200+g.r.IntN(90000), g.pick(g.agents), g.r.IntN(4), g.r.IntN(20))
	if g.r.IntN(4) == 0 { // through Event Hubs: properties as a string
		return fmt.Appendf(b, `{"time":"%s","EventTime":"%s","resourceId":"%s","properties":%q,"category":"AppServiceHTTPLogs","EventStampType":"Stamp","EventPrimaryStampName":"waws-prod-am2-123","EventStampName":"waws-prod-am2-123","Host":"lw1sdlwk0008EK","EventIpAddress":"10.61.1.44"}`,
			g.now(), g.now(), g.rid("MICROSOFT.WEB", "SITES", "CONTOSO-WEB"), props)
	}
	return fmt.Appendf(b, `{"category":"AppServiceHTTPLogs","time":"%s","resourceId":"%s","operationName":"Microsoft.Web/sites/log","properties":%s}`,
		g.now(), g.rid("MICROSOFT.WEB", "SITES", "CONTOSO-WEB"), props)
}

func functionApp(g *gen, b []byte) []byte {
	id := g.guid()
	fn := []string{"ProcessOrder", "SendEmail", "ResizeImage", "Cleanup"}[g.r.IntN(4)]
	if g.r.IntN(5) == 0 { // the single-quoted form
		return fmt.Appendf(b, `{"time":"%s","resourceId":"%s","category":"FunctionAppLogs","operationName":"Microsoft.Web/sites/functions/log","level":"Informational","location":"West Europe","properties":"{'appName':'contoso-func','roleInstance':'pd0mdwk%d','message':'Executed Functions.%s (Succeeded, Id=%s, Duration=%dms)','category':'Function.%s','hostVersion':'4.1037.0.1','functionInvocationId':'%s','functionName':'Functions.%s','hostInstanceId':'b2c3d4e5-f6a7-8901-bcde-2345678901ab','level':'Information','levelId':2,'processId':%d,'eventId':2,'eventName':'FunctionCompleted'}"}`,
			g.now(), g.rid("MICROSOFT.WEB", "SITES", "CONTOSO-FUNC"), g.r.IntN(9), fn, id, g.r.IntN(900), fn, id, fn, 100+g.r.IntN(20))
	}
	return fmt.Appendf(b, `{"time":"%s","resourceId":"%s","category":"FunctionAppLogs","operationName":"Microsoft.Web/sites/functions/log","level":"Informational","location":"West Europe","properties":{"appName":"contoso-func","roleInstance":"pd0mdwk%d","message":"Executing 'Functions.%s' (Reason='This function was programmatically called via the host APIs.', Id=%s)","category":"Function.%s","hostVersion":"4.1037.0.1","functionInvocationId":"%s","functionName":"Functions.%s","hostInstanceId":"b2c3d4e5-f6a7-8901-bcde-2345678901ab","level":"Information","levelId":2,"processId":%d,"eventId":1,"eventName":"FunctionStarted"}}`,
		g.now(), g.rid("MICROSOFT.WEB", "SITES", "CONTOSO-FUNC"), g.r.IntN(9), fn, id, fn, id, fn, 100+g.r.IntN(20))
}

func keyVault(g *gen, b []byte) []byte {
	op := g.pick(g.ops)
	u := g.r.IntN(len(g.users))
	return fmt.Appendf(b, `{"time":"%s","category":"AuditEvent","operationName":"%s","resultType":"Success","correlationId":"%s","callerIpAddress":"%s","identity":{"claim":{"http://schemas.microsoft.com/identity/claims/objectidentifier":"%s","appid":"04b07795-8ddb-461a-bbee-02f9e1bf7b46","http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn":"%s","oid":"%s","tid":"72f988bf-86f1-41af-91ab-2d7cd011db47"}},"properties":{"id":"https://contoso-kv.vault.azure.net/secrets/db-password","clientInfo":"%s","httpStatusCode":200,"requestUri":"https://contoso-kv.vault.azure.net/secrets/db-password?api-version=7.4","isAccessPolicyMatch":true,"keyProperties":{},"isRbacAuthorized":false,"tlsVersion":"TLS1_2"},"resourceId":"%s","operationVersion":"7.4","resultSignature":"OK","durationMs":"%d"}`,
		g.now(), op, g.guid(), g.ip(), g.principals[u], g.users[u], g.principals[u], g.pick(g.agents), g.rid("MICROSOFT.KEYVAULT", "VAULTS", "CONTOSO-KV"), g.r.IntN(200))
}

func serviceBus(g *gen, b []byte) []byte {
	if g.r.IntN(2) == 0 {
		return fmt.Appendf(b, `{"Environment":"PROD","Region":"West Europe","ScaleUnit":"PROD-AM3-AZ501","TaskName":"RuntimeAuditLogShoebox","ActivityId":"%s","SubscriptionId":"6f2a1c5e-3b4d-4e8f-9a0b-1c2d3e4f5a6b","NamespaceName":"contoso-sb","EntityType":"Queue","EntityName":"%s","ActivityName":"SendMessage","ResourceId":"%s","Status":"Success","Protocol":"AMQP","AuthType":"SAS","AuthId":"RootManageSharedAccessKey","NetworkType":"Public","ClientIp":"%s","Count":%d,"Properties":"{}","category":"RuntimeAuditLogs","eventTimestamp":"%s"}`,
			g.guid(), g.pick(g.queues), g.rid("MICROSOFT.SERVICEBUS", "NAMESPACES", "CONTOSO-SB"), g.ip(), 1+g.r.IntN(500), g.t.Format("1/2/2006 3:04:05 PM -07:00"))
	}
	return fmt.Appendf(b, `{"ActivityId":"%s","EventName":"Retrieve Queue","resourceId":"%s","SubscriptionId":"6f2a1c5e-3b4d-4e8f-9a0b-1c2d3e4f5a6b","EventTimeString":"%s","EventProperties":"{\"SubscriptionId\":\"6f2a1c5e-3b4d-4e8f-9a0b-1c2d3e4f5a6b\",\"Namespace\":\"contoso-sb\",\"Via\":\"https://contoso-sb.servicebus.windows.net/%s/?api-version=2021-11\",\"TrackingId\":\"%s_G1\"}","Status":"Succeeded","Caller":"Resource Provider","category":"OperationalLogs"}`,
		g.guid(), g.rid("MICROSOFT.SERVICEBUS", "NAMESPACES", "CONTOSO-SB"), g.t.Format("1/2/2006 3:04:05 PM -07:00"), g.pick(g.queues), g.guid())
}

func graph(g *gen, b []byte) []byte {
	id := g.guid()
	ip := g.ip()
	return fmt.Appendf(b, `{"Level":4,"callerIpAddress":"%s","category":"MicrosoftGraphActivityLogs","correlationId":"%s","durationMs":%d,"location":"West Europe","operationName":"Microsoft Graph Activity","operationVersion":"v1.0","properties":{"apiVersion":"v1.0","appId":"a5a68e12-268a-4c91-a5e2-b9254e67cb29","atContent":"","clientAuthMethod":"2","clientRequestId":"%s","durationMs":%d,"identityProvider":"https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/","ipAddress":"%s","location":"West Europe","operationId":"%s","requestId":"%s","requestMethod":"GET","requestUri":"https://graph.microsoft.com/v1.0/users%s","responseSizeBytes":%d,"responseStatusCode":200,"roles":"User.Read.All Group.Read.All","scopes":null,"servicePrincipalId":"f2ab4c71-31e3-4066-92a3-4b3dfbca50f0","signInActivityId":"sign-in_ActivityId","tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","timeGenerated":"%s","tokenIssuedAt":"%s","userAgent":"%s","userId":null,"wids":"0997a1d0-0d1d-4acb-b408-d5ca73121e90"},"resourceId":"/TENANTS/72F988BF-86F1-41AF-91AB-2D7CD011DB47/PROVIDERS/MICROSOFT.AADIAM","resultSignature":"200","tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","time":"%s"}`,
		ip, id, g.r.IntN(900000), g.guid(), g.r.IntN(900000), ip, id, id, g.pick(g.paths), g.r.IntN(9000), g.now(), g.t.Add(-5*time.Minute).Format("2006-01-02T15:04:05Z"), g.pick(g.agents), g.now())
}

func apim(g *gen, b []byte) []byte {
	return fmt.Appendf(b, `{"DeploymentVersion":"0.40.16708.0","Level":4,"isRequestSuccess":true,"time":"%s","operationName":"Microsoft.ApiManagement/GatewayLogs","category":"GatewayLogs","durationMs":%d,"callerIpAddress":"%s","correlationId":"%s","location":"West Europe","properties":{"method":"GET","url":"https://api.contoso.com%s","backendResponseCode":200,"responseCode":200,"responseSize":%d,"cache":"none","backendTime":%d,"requestSize":%d,"apiId":"orders-api","operationId":"GetOrders","apimSubscriptionId":"master","clientTime":%d,"clientProtocol":"HTTP/1.1","backendProtocol":"HTTP/1.1","apiRevision":"1","clientTlsVersion":"1.2","backendMethod":"GET","backendUrl":"https://contoso-prod.azurewebsites.net%s"},"resourceId":"%s","resultType":"Succeeded","truncated":0}`,
		g.now(), g.r.IntN(900), g.ip(), g.guid(), g.pick(g.paths), g.r.IntN(90000), g.r.IntN(400), g.r.IntN(2000), g.r.IntN(300), g.pick(g.paths), g.rid("MICROSOFT.APIMANAGEMENT", "SERVICE", "CONTOSO-APIM"))
}

func storageRead(g *gen, b []byte) []byte {
	return fmt.Appendf(b, `{"time":"%s","resourceId":"%s/blobServices/default","category":"StorageRead","operationName":"GetBlob","operationVersion":"2022-11-02","schemaVersion":"1.0","statusCode":200,"statusText":"Success","durationMs":%d,"callerIpAddress":"%s:%d","correlationId":"%s","identity":{"type":"OAuth","tokenHash":"","authorization":[{"action":"Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read","roleAssignmentId":"%s","roleDefinitionId":"2a2b9908-6ea1-4ae2-8e65-a410df84e7d1","principals":[{"id":"%s","type":"ServicePrincipal"}],"denyAssignmentId":"","type":"RBAC","result":"Granted","reason":"MatchedAllowByRule"}],"requester":{"appId":"%s","audience":"https://storage.azure.com/","objectId":"%s","tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47"}},"location":"westeurope","properties":{"accountName":"contosostore","userAgentHeader":"%s","serviceType":"blob","objectKey":"/contosostore/images%s.jpg","lastModifiedTime":"2025/04/20 08:49:20.0000000","metricResponseType":"Success","serverLatencyMs":%d,"requestHeaderSize":%d,"responseHeaderSize":%d,"responseBodySize":%d,"tlsVersion":"TLS 1.2","accessTier":"Hot"},"uri":"https://contosostore.blob.core.windows.net/images%s.jpg","protocol":"HTTPS","resourceType":"Microsoft.Storage/storageAccounts/blobServices"}`,
		g.now(), g.rid("MICROSOFT.STORAGE", "STORAGEACCOUNTS", "CONTOSOSTORE"), g.r.IntN(90), g.ip(), 1024+g.r.IntN(60000), g.guid(), g.pick(g.apps), g.pick(g.principals), g.pick(g.apps), g.pick(g.principals),
		g.pick(g.agents), g.pick(g.paths), g.r.IntN(40), 400+g.r.IntN(800), 200+g.r.IntN(400), g.r.IntN(2_000_000), g.pick(g.paths))
}

func dataFactory(g *gen, b []byte) []byte {
	run := g.guid()
	return fmt.Appendf(b, `{"Level":4,"correlationId":"%s","time":"%s","runId":"%s","resourceId":"%s","category":"PipelineRuns","level":"Informational","operationName":"CopySales - %s","pipelineName":"CopySales","start":"%s","end":"%s","status":"%s","location":"westeurope","properties":{"Parameters":{"window":"%s"},"SystemParameters":{"ExecutionStart":"%s"},"Predecessors":[{"Name":"Daily","Id":"%x","InvokedByType":"ScheduleTrigger"}],"UserProperties":{},"Annotations":[],"Message":null},"tags":"{}","groupId":"%s"}`,
		run, g.now(), run, g.rid("MICROSOFT.DATAFACTORY", "FACTORIES", "CONTOSO-ADF"), []string{"Queued", "InProgress", "Succeeded"}[g.r.IntN(3)], g.now(), "1601-01-01T00:00:00Z",
		[]string{"Queued", "InProgress", "Succeeded"}[g.r.IntN(3)], g.t.Format("2006-01-02"), g.now(), g.r.Uint64(), run)
}

func nsgCounter(g *gen, b []byte) []byte {
	return fmt.Appendf(b, `{"time":"%s","systemId":"a0a0a0a0-bbbb-cccc-dddd-e1e1e1e1e1e1","category":"NetworkSecurityGroupRuleCounter","resourceId":"%s","operationName":"NetworkSecurityGroupCounters","properties":{"vnetResourceGuid":"{aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e}","subnetPrefix":"10.3.%d.0/24","macAddress":"000D3A%06X","ruleName":"DefaultRule_%s","direction":"In","type":"%s","matchedConnections":%d}}`,
		g.now(), g.rid("MICROSOFT.NETWORK", "NETWORKSECURITYGROUPS", "NSG-WEB"), g.r.IntN(8), g.r.IntN(64), []string{"AllowVnetInBound", "DenyAllInBound", "AllowAzureLoadBalancerInBound"}[g.r.IntN(3)],
		[]string{"allow", "deny"}[g.r.IntN(2)], g.r.IntN(5000))
}

func generic(g *gen, b []byte) []byte {
	return fmt.Appendf(b, `{"time":"%s","resourceId":"%s","operationName":"Microsoft.Contoso/widgets/spin","category":"WidgetAudit","resultType":"Succeeded","callerIpAddress":"%s","correlationId":"%s","level":"Informational","properties":{"widget":"w-%d","rpm":%d,"tags":["blue","fast"],"owner":{"name":"%s"}}}`,
		g.now(), g.rid("MICROSOFT.CONTOSO", "WIDGETS", "W1"), g.ip(), g.guid(), g.r.IntN(50), g.r.IntN(9000), g.pick(g.users))
}
