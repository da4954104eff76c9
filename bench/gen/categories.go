package gen

import (
	"strconv"
	"strings"
	"time"
)

// This file writes the records of the categories other than Administrative.

func (g *ActivityGenerator) writePolicy(at int64) {
	if g.nRecent == 0 {
		g.writeResourceHealth(at)
		return
	}
	g.counts[CategoryPolicy]++
	n := min(g.nRecent, len(g.recent))
	a := g.recent[(g.nRecent-1-g.r.IntN(min(n, 8)))%len(g.recent)]
	p, res := a.p, a.res
	rg := &g.groups[res.group]
	sub := &g.subs[rg.sub]
	eff := policyEffects[g.r.IntN(len(policyEffects))]
	g.claimsFor(p, at)
	w := &g.w
	w.beginObject("")
	w.str("RoleLocation", roleLocations[int(at/3600e9)%len(roleLocations)])
	w.str("Stamp", "FDWorker")
	w.str("ReleaseVersion", releases[int(at/(6*3600e9))%len(releases)])
	g.time("time", at)
	w.str("resourceId", res.upper)
	w.str("operationName", "MICROSOFT.AUTHORIZATION/POLICIES/"+strings.ToUpper(eff.op)+"/ACTION")
	w.str("category", "Policy")
	w.str("resultType", eff.result)
	if eff.result == "Success" {
		w.str("resultSignature", "Succeeded.")
	} else {
		w.str("resultSignature", "Failed.")
	}
	w.str("durationMs", "0")
	w.str("callerIpAddress", p.ip)
	w.str("correlationId", a.corr)
	g.identity(p, res, a.op)
	w.str("level", eff.level)
	w.beginObject("properties")
	if g.r.IntN(2) == 0 {
		w.str("isComplianceCheck", "False")
	} else {
		w.str("isComplianceCheck", "True")
	}
	w.str("resourceLocation", regions[res.region])
	w.str("ancestors", "mg-corp,"+g.tenant)
	w.strBytes("policies", g.policies(sub, eff.effect))
	w.str("eventCategory", "Policy")
	w.str("entity", res.id)
	w.str("message", "Microsoft.Authorization/policies/"+eff.op+"/action")
	w.str("hierarchy", "")
	w.endObject()
	w.str("tenantId", g.tenant)
	w.endObject()
}

func (g *ActivityGenerator) policies(sub *subscription, effect string) []byte {
	in := &g.inner
	in.reset(in.b[:0])
	in.beginArray("")
	for k, n := 0, 1+g.r.IntN(3); k < n; k++ {
		d := g.r.IntN(len(policyDefinitions))
		set := "1f3afdf9-d0c9-4c3d-847f-89da613e70a8"
		in.beginObject("")
		in.str("policyDefinitionId", "/providers/Microsoft.Authorization/policyDefinitions/"+g.policyIDs[d])
		in.str("policySetDefinitionId", "/providers/Microsoft.Authorization/policySetDefinitions/"+set)
		in.str("policyDefinitionReferenceId", "ref"+strconv.Itoa(d)+"Effect")
		in.str("policySetDefinitionName", set)
		in.str("policySetDefinitionDisplayName", "Microsoft cloud security benchmark")
		in.str("policySetDefinitionVersion", "57.49.0")
		in.str("policyDefinitionName", g.policyIDs[d])
		in.str("policyDefinitionDisplayName", policyDefinitions[d])
		in.str("policyDefinitionVersion", "3.0.0")
		in.str("policyDefinitionEffect", effect)
		in.str("policyAssignmentId", "/subscriptions/"+sub.id+"/providers/Microsoft.Authorization/policyAssignments/SecurityCenterBuiltIn")
		in.str("policyAssignmentName", "SecurityCenterBuiltIn")
		in.str("policyAssignmentDisplayName", "ASC Default (subscription: "+sub.id+")")
		in.str("policyAssignmentScope", "/subscriptions/"+sub.id)
		in.beginArray("policyExemptionIds")
		in.endArray()
		in.beginArray("policyEnrollmentIds")
		in.endArray()
		in.endObject()
	}
	in.endArray()
	return in.b
}

func (g *ActivityGenerator) writeResourceHealth(at int64) {
	g.counts[CategoryResourceHealth]++
	res := &g.resources[g.r.IntN(len(g.resources))]
	h := healthTitles[g.r.IntN(len(healthTitles))]
	w := &g.w
	w.beginObject("")
	// Resource Health writes fewer fractional digits than the other
	// categories (when that keeps time from going backwards).
	w.key("time")
	w.b = append(w.b, '"')
	if ms := at - at%1e6; ms >= g.lastAt {
		at = ms
	}
	w.b = time.Unix(0, at).UTC().AppendFormat(w.b, time.RFC3339Nano)
	w.b = append(w.b, '"')
	g.lastAt = at
	w.str("resourceId", res.upper)
	w.str("correlationId", g.guid())
	w.str("operationName", "Microsoft.Resourcehealth/healthevent/"+h.op+"/action")
	if h.current == "Unavailable" {
		w.str("level", "Critical")
	} else {
		w.str("level", "Informational")
	}
	w.str("resultType", h.result)
	w.str("category", "ResourceHealth")
	w.str("location", "global")
	w.beginObject("properties")
	if g.r.IntN(2) == 0 {
		w.str("title", h.title)
		w.str("details", h.details)
		w.str("currentHealthStatus", h.current)
		w.str("previousHealthStatus", h.previous)
		w.str("type", h.kind)
		w.str("cause", h.cause)
	} else {
		w.str("eventCategory", "ResourceHealth")
		w.beginObject("eventProperties")
		w.str("title", h.title)
		w.str("details", h.details)
		w.str("currentHealthStatus", h.current)
		w.str("previousHealthStatus", h.previous)
		w.str("type", h.kind)
		w.str("cause", h.cause)
		w.endObject()
	}
	w.endObject()
	w.endObject()
}

func (g *ActivityGenerator) writeRecommendation(at int64) {
	g.counts[CategoryRecommendation]++
	res := &g.resources[g.r.IntN(len(g.resources))]
	k := g.r.IntN(len(advisorRecommendations))
	rec := advisorRecommendations[k]
	w := &g.w
	w.beginObject("")
	w.str("correlationId", g.guid())
	g.time("time", at)
	w.str("eventDataId", g.guid())
	w.str("resourceId", res.upper)
	w.str("operationName", "Microsoft.Advisor/recommendations/available/action")
	w.str("resultType", "Active")
	w.beginObject("properties")
	w.str("recommendationSchemaVersion", "1.0")
	w.str("recommendationCategory", rec.category)
	w.str("recommendationImpact", rec.impact)
	w.str("recommendationName", rec.name)
	w.str("recommendationResourceLink", "https://portal.azure.com/#blade/Microsoft_Azure_Expert/RecommendationListBlade/source/ActivityLog/recommendationTypeId/"+g.recTypes[k]+"/resourceId/"+strings.ReplaceAll(strings.ToLower(res.id), "/", "%2F"))
	w.str("recommendationType", g.recTypes[k])
	w.endObject()
	w.str("location", "global")
	w.str("level", "Informational")
	w.str("category", "Recommendation")
	w.str("operationVersion", "2017-03-31")
	w.str("resultSignature", "Succeeded")
	w.str("resultDescription", "A new recommendation is available.")
	w.int("durationMs", int64(g.r.IntN(40)))
	w.str("callerIpAddress", "0.0.0.0")
	w.beginObject("identity")
	w.beginObject("claims")
	w.str("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "Microsoft.Advisor")
	w.endObject()
	w.endObject()
	w.endObject()
}

func (g *ActivityGenerator) writeServiceHealth(at int64) {
	g.counts[CategoryServiceHealth]++
	inc := &g.incidents[g.zipfInc.Uint64()]
	sub := &g.subs[g.r.IntN(len(g.subs))]
	var kind = incidentKinds[0]
	for _, k := range incidentKinds {
		if k.op == inc.kind {
			kind = k
		}
	}
	stage := "Active"
	result := "Active"
	if inc.kind == "maintenance" {
		stage = maintenanceStages[g.r.IntN(len(maintenanceStages))]
	} else if g.r.IntN(3) == 0 {
		stage, result = "Resolved", "Resolved"
	}
	region := regionNames[inc.region]
	w := &g.w
	w.beginObject("")
	g.time("time", at)
	w.str("resourceId", "/subscriptions/"+sub.id)
	w.str("operationName", "Microsoft.ServiceHealth/"+inc.kind+"/action")
	w.str("category", "ServiceHealth")
	w.str("resultType", result)
	w.str("resultDescription", result+": "+inc.title)
	w.str("correlationId", g.guid())
	w.str("level", kind.level)
	w.str("location", "global")
	w.beginObject("properties")
	w.str("title", inc.title)
	w.str("service", inc.service)
	w.str("region", region)
	comm := "<p><strong>Summary of Impact:</strong> Between " + time.Unix(0, inc.start).UTC().Format("15:04 UTC on 02 Jan 2006") +
		" and now, a subset of customers using " + inc.service + " in " + region +
		" may experience intermittent errors or increased latency when accessing their resources.</p><p><strong>Current Status:</strong> We have identified the cause and are applying mitigation. The next update will be provided in 60 minutes, or as events warrant.</p>"
	w.str("communication", comm)
	w.str("incidentType", kind.incidentType)
	w.str("trackingId", inc.trackingID)
	w.str("impactStartTime", time.Unix(0, inc.start).UTC().Format("2006-01-02T15:04:05.0000000Z"))
	w.str("impactMitigationTime", time.Unix(0, inc.start+14*24*3600e9).UTC().Format("2006-01-02T15:04:05.0000000Z"))
	in := &g.inner
	in.reset(in.b[:0])
	in.b = append(in.b, `[{"ImpactedRegions":[{"RegionName":`...)
	in.b = appendString(in.b, region)
	in.b = append(in.b, `,"RegionId":`...)
	in.b = appendString(in.b, regions[inc.region])
	in.b = append(in.b, `}],"ServiceName":`...)
	in.b = appendString(in.b, inc.service)
	in.b = append(in.b, `,"ServiceId":"`...)
	in.b = append(in.b, strings.ToLower(strings.ReplaceAll(inc.service, " ", ""))...)
	in.b = append(in.b, `","ServiceGuid":"`...)
	in.b = append(in.b, g.recTypes[0]...)
	in.b = append(in.b, `"}]`...)
	w.strBytes("impactedServices", in.b)
	w.str("defaultLanguageTitle", inc.title)
	w.str("defaultLanguageContent", comm)
	w.str("stage", stage)
	w.str("communicationId", inc.commID)
	if inc.maintID != "" {
		w.str("maintenanceId", inc.maintID)
		w.str("maintenanceType", "")
	}
	w.bool("isHIR", false)
	w.str("IsSynthetic", "False")
	w.str("impactType", "SubscriptionList")
	w.str("impactCategory", "Other")
	w.endObject()
	w.str("tenantId", g.tenant)
	w.endObject()
}

func (g *ActivityGenerator) writeAutoscale(at int64) {
	g.counts[CategoryAutoscale]++
	s := &g.scalers[g.r.IntN(len(g.scalers))]
	old := s.count
	dir := "SCALEUP"
	if s.count > 2 && g.r.IntN(2) == 0 {
		s.count--
		dir = "SCALEDOWN"
	} else {
		s.count++
	}
	w := &g.w
	w.beginObject("")
	w.int("Level", 5)
	w.str("category", "Autoscale")
	w.str("location", "global")
	w.str("resourceId", strings.ToUpper(s.id))
	g.time("time", at)
	w.str("level", "Informational")
	w.str("correlationId", g.guid())
	w.str("operationName", "MICROSOFT.INSIGHTS/AUTOSCALESETTINGS/"+dir+"/ACTION")
	w.str("resultType", "Succeeded")
	w.beginObject("properties")
	w.str("Description", "The autoscale engine attempting to scale resource '"+s.target+"' from "+strconv.Itoa(old)+" instances count to "+strconv.Itoa(s.count)+" instances count.")
	w.str("ResourceName", s.target)
	w.str("OldInstancesCount", strconv.Itoa(old))
	w.str("NewInstancesCount", strconv.Itoa(s.count))
	w.str("LastScaleActionTime", time.Unix(0, at).UTC().Format(time.RFC1123))
	w.endObject()
	w.str("tenantId", g.tenant)
	w.beginObject("identity")
	w.beginObject("claims")
	w.str("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/spn", "Microsoft.Insights/autoscaleSettings")
	w.endObject()
	w.endObject()
	w.endObject()
}

func (g *ActivityGenerator) writeAlert(at int64) {
	g.counts[CategoryAlert]++
	rule := &g.rules[g.r.IntN(len(g.rules))]
	m := alertMetrics[rule.metric]
	state, result := "ACTIVATED", "Activated"
	if g.r.IntN(2) == 0 {
		state, result = "RESOLVED", "Resolved"
	}
	w := &g.w
	w.beginObject("")
	w.int("Level", 5)
	w.str("category", "Alert")
	w.str("location", "global")
	w.str("resourceId", rule.res.upper)
	g.time("time", at)
	w.str("level", "Informational")
	w.str("correlationId", rule.incidents)
	w.str("operationName", "MICROSOFT.INSIGHTS/ALERTRULES/"+state+"/ACTION")
	w.str("resultType", result)
	w.beginObject("properties")
	if g.r.IntN(2) == 0 {
		w.str("webHookUri", "https://hooks.contoso.com/azure/alerts/"+rule.name)
	}
	w.str("RuleUri", rule.uri)
	w.str("RuleName", rule.name)
	w.str("RuleDescription", "")
	w.str("Threshold", strconv.Itoa(rule.threshold))
	w.str("WindowSizeInMinutes", strconv.Itoa(rule.window))
	w.str("Aggregation", m.agg)
	w.str("Operator", m.op)
	w.str("MetricName", m.metric)
	w.str("MetricUnit", m.unit)
	w.endObject()
	w.str("tenantId", g.tenant)
	w.beginObject("identity")
	w.beginObject("claims")
	w.str("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/spn", "Microsoft.Insights/alertRules")
	w.endObject()
	w.endObject()
	w.endObject()
}

func (g *ActivityGenerator) writeSecurity(at int64) {
	g.counts[CategorySecurity]++
	sub := &g.subs[g.r.IntN(len(g.subs))]
	a := securityAlerts[g.r.IntN(len(securityAlerts))]
	region := regions[g.r.IntN(len(regions))]
	w := &g.w
	w.beginObject("")
	w.int("Level", 5)
	w.str("category", "Security")
	w.str("location", region)
	w.str("resourceId", "/SUBSCRIPTIONS/"+sub.upper+"/PROVIDERS/MICROSOFT.SECURITY/LOCATIONS/"+strings.ToUpper(region)+"/ALERTS/"+g.digits(19)+"_"+strings.ToUpper(g.guid()))
	g.time("time", at)
	w.str("level", "Informational")
	w.str("correlationId", g.guid())
	w.str("operationName", "MICROSOFT.SECURITY/LOCATIONS/ALERTS/ACTIVATE/ACTION")
	w.str("resultType", "Active")
	w.beginObject("properties")
	w.str("accountLogonId", "0x"+g.hex(6))
	w.str("commandLine", a.command)
	w.str("domainName", "CORP")
	w.str("parentProcess", "unknown")
	w.str("parentProcess id", strconv.Itoa(g.r.IntN(9000)))
	w.str("processId", strconv.Itoa(g.r.IntN(9000)))
	w.str("processName", a.process)
	w.str("userName", strings.ToLower(givenNames[g.r.IntN(len(givenNames))]))
	w.str("UserSID", "S-1-5-21-"+g.digits(10)+"-"+g.digits(4))
	w.str("ActionTaken", "Detected")
	w.str("Severity", a.severity)
	w.str("eventCategory", "Security")
	w.endObject()
	w.str("tenantId", g.tenant)
	w.endObject()
}
