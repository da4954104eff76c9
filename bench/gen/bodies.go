package gen

import (
	"strconv"
	"strings"
)

// body writes the JSON of a request (response false) or response body for a
// write to res into g.inner and returns it. The result is valid until the
// next use of g.inner. Response bodies add what Resource Manager fills in:
// id, name, type, an etag for network resources, provisioningState.
func (g *ActivityGenerator) body(res *resource, response bool) []byte {
	rt := &resourceTypes[res.typ]
	rg := &g.groups[res.group]
	w := &g.inner
	w.reset(w.b[:0])
	w.beginObject("")
	if response {
		w.str("id", res.id)
		w.str("name", res.name)
		w.str("type", rt.provider+"/"+strings.Join(rt.types, "/"))
		if rt.provider == "Microsoft.Network" {
			w.str("etag", `W/"`+g.guid()+`"`)
		}
	}
	switch rt.body {
	case bodyStorage:
		w.beginObject("sku")
		w.str("name", storageSkus[g.r.IntN(len(storageSkus))])
		w.endObject()
		w.str("kind", "StorageV2")
		w.str("location", regions[res.region])
		g.tags(rg)
		w.beginObject("properties")
		g.provisioned(response, false)
		w.str("minimumTlsVersion", "TLS1_2")
		w.bool("allowBlobPublicAccess", false)
		w.bool("supportsHttpsTrafficOnly", true)
		w.str("accessTier", []string{"Hot", "Cool"}[g.r.IntN(2)])
		w.beginObject("networkAcls")
		w.str("bypass", "AzureServices")
		w.str("defaultAction", "Deny")
		w.beginArray("ipRules")
		for k, n := 0, g.r.IntN(5); k < n; k++ {
			w.beginObject("")
			w.str("value", g.ipv4())
			w.str("action", "Allow")
			w.endObject()
		}
		w.endArray()
		w.beginArray("virtualNetworkRules")
		w.endArray()
		w.endObject()
		w.beginObject("encryption")
		w.beginObject("services")
		w.beginObject("blob")
		w.bool("enabled", true)
		w.endObject()
		w.beginObject("file")
		w.bool("enabled", true)
		w.endObject()
		w.endObject()
		w.str("keySource", "Microsoft.Storage")
		w.endObject()
		if response {
			w.beginObject("primaryEndpoints")
			w.str("blob", "https://"+res.name+".blob.core.windows.net/")
			w.str("file", "https://"+res.name+".file.core.windows.net/")
			w.endObject()
		}
		w.endObject()

	case bodyVM:
		w.str("location", regions[res.region])
		g.tags(rg)
		w.beginObject("properties")
		g.provisioned(response, false)
		w.beginObject("hardwareProfile")
		w.str("vmSize", vmSizes[g.r.IntN(len(vmSizes))])
		w.endObject()
		w.beginObject("storageProfile")
		w.beginObject("imageReference")
		w.str("publisher", "Canonical")
		w.str("offer", "0001-com-ubuntu-server-jammy")
		w.str("sku", "22_04-lts-gen2")
		w.str("version", "latest")
		w.endObject()
		w.beginObject("osDisk")
		w.str("createOption", "FromImage")
		w.beginObject("managedDisk")
		w.str("storageAccountType", "Premium_LRS")
		w.endObject()
		w.str("deleteOption", "Delete")
		w.int("diskSizeGB", int64(30*(1+g.r.IntN(8))))
		w.endObject()
		w.endObject()
		w.beginObject("osProfile")
		w.str("computerName", res.name)
		w.str("adminUsername", "azureuser")
		w.beginObject("linuxConfiguration")
		w.bool("disablePasswordAuthentication", true)
		w.endObject()
		w.endObject()
		w.beginObject("networkProfile")
		w.beginArray("networkInterfaces")
		w.beginObject("")
		w.str("id", res.id[:strings.Index(res.id, "/providers/")]+"/providers/Microsoft.Network/networkInterfaces/nic-"+res.name)
		w.beginObject("properties")
		w.str("deleteOption", "Delete")
		w.endObject()
		w.endObject()
		w.endArray()
		w.endObject()
		w.beginObject("diagnosticsProfile")
		w.beginObject("bootDiagnostics")
		w.bool("enabled", true)
		w.endObject()
		w.endObject()
		if response {
			w.str("vmId", g.guid())
		}
		w.endObject()

	case bodyNSGRule:
		w.beginObject("properties")
		g.provisioned(response, false)
		w.str("protocol", []string{"Tcp", "Udp", "*"}[g.r.IntN(3)])
		w.str("sourcePortRange", "*")
		w.str("destinationPortRange", []string{"22", "443", "3389", "80", "1433", "5432-5433"}[g.r.IntN(6)])
		w.str("sourceAddressPrefix", g.ipv4()+"/32")
		w.str("destinationAddressPrefix", "*")
		w.str("access", []string{"Allow", "Deny"}[g.r.IntN(2)])
		w.int("priority", int64(100+10*g.r.IntN(300)))
		w.str("direction", []string{"Inbound", "Outbound"}[g.r.IntN(2)])
		w.str("description", "Ticket CHG"+g.digits(6))
		w.endObject()

	case bodyWebSite:
		w.str("location", regionNames[res.region])
		g.tags(rg)
		w.str("kind", "app,linux")
		w.beginObject("properties")
		g.provisioned(response, false)
		w.str("serverFarmId", "/subscriptions/"+g.subs[rg.sub].id+"/resourceGroups/"+rg.name+"/providers/Microsoft.Web/serverfarms/asp-"+rg.app+"-"+rg.env)
		w.bool("httpsOnly", true)
		w.beginObject("siteConfig")
		w.str("linuxFxVersion", []string{"DOTNETCORE|8.0", "NODE|20-lts", "PYTHON|3.12", "JAVA|17-java17"}[g.r.IntN(4)])
		w.bool("alwaysOn", true)
		w.str("ftpsState", "Disabled")
		w.str("minTlsVersion", "1.2")
		w.beginArray("appSettings")
		for k, n := 0, 3+g.r.IntN(6); k < n; k++ {
			w.beginObject("")
			w.str("name", []string{"APPLICATIONINSIGHTS_CONNECTION_STRING", "WEBSITE_RUN_FROM_PACKAGE", "ASPNETCORE_ENVIRONMENT", "KeyVaultUri", "FeatureFlags__NewCheckout", "SCM_DO_BUILD_DURING_DEPLOYMENT", "ServiceBus__Namespace", "Storage__AccountName"}[k])
			w.str("value", g.alnum(8+g.r.IntN(24)))
			w.endObject()
		}
		w.endArray()
		w.endObject()
		w.endObject()

	case bodyKeyVault:
		w.str("location", regions[res.region])
		g.tags(rg)
		w.beginObject("properties")
		g.provisioned(response, false)
		w.str("tenantId", g.tenant)
		w.beginObject("sku")
		w.str("family", "A")
		w.str("name", "standard")
		w.endObject()
		w.bool("enableRbacAuthorization", g.r.IntN(2) == 0)
		w.bool("enableSoftDelete", true)
		w.int("softDeleteRetentionInDays", 90)
		w.bool("enablePurgeProtection", true)
		w.beginArray("accessPolicies")
		for k, n := 0, g.r.IntN(4); k < n; k++ {
			w.beginObject("")
			w.str("tenantId", g.tenant)
			w.str("objectId", g.principals[g.r.IntN(len(g.principals))].oid)
			w.beginObject("permissions")
			w.beginArray("secrets")
			w.elem("get")
			w.elem("list")
			w.endArray()
			w.beginArray("keys")
			w.elem("get")
			w.elem("unwrapKey")
			w.elem("wrapKey")
			w.endArray()
			w.endObject()
			w.endObject()
		}
		w.endArray()
		w.endObject()

	case bodyDeployment:
		g.deployment(res, rg, response)

	case bodyRoleAssignment:
		p := g.principals[g.r.IntN(len(g.principals))]
		w.beginObject("properties")
		w.str("roleDefinitionId", "/subscriptions/"+g.subs[rg.sub].id+"/providers/Microsoft.Authorization/roleDefinitions/"+builtinRoles[g.r.IntN(len(builtinRoles))].id)
		w.str("principalId", p.oid)
		if p.kind == kindServicePrincipal || p.kind == kindManagedIdentity {
			w.str("principalType", "ServicePrincipal")
		} else {
			w.str("principalType", "User")
		}
		w.str("scope", "/subscriptions/"+g.subs[rg.sub].id+"/resourceGroups/"+rg.name)
		if response {
			w.str("createdOn", "2025-06-02T08:00:00.0000000Z")
			w.str("createdBy", g.guid())
		}
		w.endObject()

	case bodyDiagnostic:
		w.beginObject("properties")
		w.beginArray("logs")
		for _, c := range CategoryNames {
			w.beginObject("")
			w.str("category", c)
			w.null("categoryGroup")
			w.bool("enabled", true)
			w.beginObject("retentionPolicy")
			w.int("days", 0)
			w.bool("enabled", false)
			w.endObject()
			w.endObject()
		}
		w.endArray()
		w.beginArray("metrics")
		w.endArray()
		sub := g.subs[rg.sub].id
		w.str("workspaceId", "/subscriptions/"+sub+"/resourceGroups/rg-monitor-prod/providers/Microsoft.OperationalInsights/workspaces/log-central-prod")
		w.str("storageAccountId", "/subscriptions/"+sub+"/resourceGroups/rg-monitor-prod/providers/Microsoft.Storage/storageAccounts/stmonitorlogs01")
		w.str("eventHubAuthorizationRuleId", "/subscriptions/"+sub+"/resourceGroups/rg-monitor-prod/providers/Microsoft.EventHub/namespaces/evhns-monitor-prod/authorizationrules/RootManageSharedAccessKey")
		w.str("eventHubName", "insights-activity-logs")
		w.endObject()

	case bodyCluster:
		w.str("location", regions[res.region])
		g.tags(rg)
		w.beginObject("properties")
		g.provisioned(response, false)
		w.str("kubernetesVersion", []string{"1.29.4", "1.30.2", "1.31.1"}[g.r.IntN(3)])
		w.str("dnsPrefix", rg.app+"-"+rg.env)
		w.beginArray("agentPoolProfiles")
		for k, n := 0, 1+g.r.IntN(3); k < n; k++ {
			w.beginObject("")
			w.str("name", []string{"system", "user", "spot"}[k])
			w.int("count", int64(1+g.r.IntN(6)))
			w.str("vmSize", vmSizes[g.r.IntN(len(vmSizes))])
			w.str("mode", []string{"System", "User", "User"}[k])
			w.str("osType", "Linux")
			w.bool("enableAutoScaling", true)
			w.int("minCount", 1)
			w.int("maxCount", int64(3+g.r.IntN(10)))
			w.endObject()
		}
		w.endArray()
		w.beginObject("networkProfile")
		w.str("networkPlugin", "azure")
		w.str("networkPolicy", "calico")
		w.str("serviceCidr", "10.0.0.0/16")
		w.endObject()
		w.beginObject("aadProfile")
		w.bool("managed", true)
		w.bool("enableAzureRBAC", true)
		w.endObject()
		w.endObject()

	default:
		w.str("location", regions[res.region])
		g.tags(rg)
		w.beginObject("properties")
		g.provisioned(response, rt.provider == "Microsoft.Network")
		for k, n := 0, 2+g.r.IntN(5); k < n; k++ {
			g.genericProperty(k)
		}
		w.endObject()
	}
	w.endObject()
	return w.b
}

func (g *ActivityGenerator) provisioned(response, resourceGUID bool) {
	if !response {
		return
	}
	w := &g.inner
	w.str("provisioningState", "Succeeded")
	if resourceGUID {
		w.str("resourceGuid", g.guid())
	}
}

func (g *ActivityGenerator) tags(rg *resourceGroup) {
	w := &g.inner
	w.beginObject("tags")
	w.str("app", rg.app)
	w.str("env", rg.env)
	w.str("owner", rg.owner)
	w.str("costCenter", "CC-"+strconv.Itoa(1000+len(rg.app)*37%900))
	if g.r.IntN(3) == 0 {
		w.str("createdBy", "terraform")
	}
	w.endObject()
}

// genericProperty writes the k-th of a resource's made-up properties.
func (g *ActivityGenerator) genericProperty(k int) {
	w := &g.inner
	switch (k + g.r.IntN(3)) % 8 {
	case 0:
		w.str("publicNetworkAccess", []string{"Enabled", "Disabled"}[g.r.IntN(2)])
	case 1:
		w.int("capacity", int64(1+g.r.IntN(20)))
	case 2:
		w.bool("zoneRedundant", g.r.IntN(2) == 0)
	case 3:
		w.str("minimumTlsVersion", "1.2")
	case 4:
		w.beginArray("addressPrefixes")
		w.elem("10." + strconv.Itoa(g.r.IntN(256)) + ".0.0/16")
		w.endArray()
	case 5:
		w.beginObject("sku")
		w.str("name", []string{"Basic", "Standard", "Premium"}[g.r.IntN(3)])
		w.str("tier", "Standard")
		w.endObject()
	case 6:
		w.str("description", "Managed by "+[]string{"platform team", "terraform", "pipeline " + g.digits(5)}[g.r.IntN(3)])
	default:
		w.int("retentionInDays", int64(7*(1+g.r.IntN(52))))
	}
}

func (g *ActivityGenerator) deployment(res *resource, rg *resourceGroup, response bool) {
	w := &g.inner
	w.beginObject("properties")
	if response {
		w.str("provisioningState", "Succeeded")
		w.str("timestamp", "2025-06-02T08:00:00.0000000Z")
		w.str("duration", "PT"+strconv.Itoa(5+g.r.IntN(300))+"S")
		w.str("correlationId", g.guid())
	}
	w.str("mode", "Incremental")
	w.beginObject("template")
	w.str("$schema", "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#")
	w.str("contentVersion", "1.0.0.0")
	w.beginObject("parameters")
	for _, p := range []string{"location", "name", "env", "sku"} {
		w.beginObject(p)
		w.str("type", "string")
		if p == "location" {
			w.str("defaultValue", "[resourceGroup().location]")
		}
		w.endObject()
	}
	w.endObject()
	w.beginArray("resources")
	for k, n := 0, 2+g.r.IntN(5); k < n; k++ {
		t := &resourceTypes[g.r.IntN(len(resourceTypes))]
		w.beginObject("")
		w.str("type", t.provider+"/"+strings.Join(t.types, "/"))
		w.str("apiVersion", []string{"2023-01-01", "2023-05-01", "2024-03-01"}[g.r.IntN(3)])
		w.str("name", "[format('{0}-"+strconv.Itoa(k)+"', parameters('name'))]")
		w.str("location", "[parameters('location')]")
		w.beginObject("tags")
		w.str("env", "[parameters('env')]")
		w.str("app", rg.app)
		w.endObject()
		w.beginObject("properties")
		for j, m := 0, 2+g.r.IntN(4); j < m; j++ {
			g.genericProperty(j)
		}
		w.endObject()
		if k > 0 {
			w.beginArray("dependsOn")
			w.elem("[resourceId('" + t.provider + "/" + t.types[0] + "', parameters('name'))]")
			w.endArray()
		}
		w.endObject()
	}
	w.endArray()
	w.beginObject("outputs")
	w.endObject()
	w.endObject()
	w.beginObject("parameters")
	w.beginObject("name")
	w.str("value", rg.app+"-"+rg.env+"-"+g.alnum(5))
	w.endObject()
	w.beginObject("env")
	w.str("value", rg.env)
	w.endObject()
	w.beginObject("sku")
	w.str("value", storageSkus[g.r.IntN(len(storageSkus))])
	w.endObject()
	w.endObject()
	w.endObject()
}
