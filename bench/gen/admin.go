package gen

import (
	"container/heap"
	"strings"
)

// This file writes Administrative records: an operation's Start, Accept and
// outcome, and Privileged Identity Management events.

func (g *ActivityGenerator) pickPrincipal() *principal {
	return g.principals[g.zipfUser.Uint64()]
}

func (g *ActivityGenerator) pickResource(p *principal) *resource {
	return &g.resources[(p.home+int(g.zipfRes.Uint64()))%len(g.resources)]
}

// claimsFor renews p's token when it is an hour old.
func (g *ActivityGenerator) claimsFor(p *principal, at int64) {
	sec := at / 1e9
	if p.tok.iat != 0 && sec < p.tok.iat+3600 {
		return
	}
	iat := sec - int64(g.r.IntN(300))
	p.tok = token{iat: iat, exp: iat + 3900 + int64(g.r.IntN(1800)), uti: g.b64url(22)}
	if p.kind == kindUser || p.kind == kindGuest {
		p.tok.aio = "A" + g.b64std(150+4*g.r.IntN(30)) + "=="
		p.tok.sid = g.guid()
		p.tok.rh = "1.A" + g.b64url(50) + "."
	} else {
		p.tok.aio = "k2Bg" + g.b64std(52) + "="
		p.tok.rh = "0.A" + g.b64url(60) + "."
		p.tok.ftd = g.b64url(40) + "-" + []string{"francesouth-dsms", "eastus2-dsms", "westeurope-dsms"}[g.r.IntN(3)]
	}
}

func (g *ActivityGenerator) evidenceFor(p *principal, res *resource) *evidence {
	sub := g.groups[res.group].sub
	if e := p.roles[sub]; e != nil {
		return e
	}
	e := &evidence{scope: "/subscriptions/" + g.subs[sub].id, assignmentID: g.hex(32), principalID: p.oidHex}
	if g.r.IntN(4) == 0 {
		rg := &g.groups[res.group]
		e.scope += "/resourceGroups/" + rg.name
	}
	if g.r.IntN(3) == 0 {
		e.role = customRoles[g.r.IntN(len(customRoles))]
		e.definitionID = g.hex(32)
	} else {
		b := builtinRoles[g.r.IntN(2)]
		if g.r.IntN(6) == 0 {
			b = builtinRoles[3]
		}
		e.role, e.definitionID = b.name, b.id
	}
	switch p.kind {
	case kindServicePrincipal, kindManagedIdentity:
		e.principalType = "ServicePrincipal"
	default:
		e.principalType = "User"
		if g.r.IntN(3) == 0 {
			e.principalType = "Group"
			e.principalID = g.hex(32)
		}
	}
	p.roles[sub] = e
	return e
}

func (g *ActivityGenerator) writeAdminStart(at int64) {
	if g.r.IntN(60) == 0 {
		g.writePIM(at)
		return
	}
	p := g.pickPrincipal()
	res := g.pickResource(p)
	ops := g.ops[res.typ]
	var op *operation
	switch n := g.r.IntN(100); {
	case n < 55 || len(ops) == 1:
		op = &ops[0]
	case n < 85 && len(ops) > 2:
		op = &ops[len(ops)-1-g.r.IntN(len(ops)-2)] // an action (actions follow write and delete)
	default:
		op = &ops[1]
		if resourceTypes[res.typ].noDelete {
			op = &ops[g.r.IntN(len(ops))]
		}
	}
	a := &adminOp{p: p, res: res, op: op, corr: g.guid(), fail: -1}
	switch op.kind {
	case opWrite:
		a.status = g.r.IntN(2) // OK or Created
		kind := resourceTypes[res.typ].body
		if kind == bodyVM || kind == bodyCluster || kind == bodyDeployment || g.r.IntN(10) == 0 {
			a.accepted = true
		}
	case opDelete:
		a.status = []int{0, 2, 3}[g.r.IntN(3)]
	default:
		a.status = 0
	}
	if g.r.IntN(100) < 6 {
		a.fail = g.r.IntN(len(failures))
		a.accepted = false
	}
	g.claimsFor(p, at)
	g.adminRecord(at, a, phaseStart)

	// Schedule the outcome.
	var delay float64
	switch op.kind {
	case opWrite:
		delay = 0.2 + g.r.ExpFloat64()*3
	case opDelete:
		delay = 0.5 + g.r.ExpFloat64()*8
	default:
		delay = 0.05 + g.r.ExpFloat64()*0.5
	}
	t := at + int64(delay*1e9)
	t -= t % 100
	if a.accepted {
		heap.Push(&g.pending, pendingItem{at: t, seq: g.nextSeq(), op: a, phase: phaseAccept})
		t += int64((5 + g.r.ExpFloat64()*60) * 1e9)
		t -= t % 100
	}
	heap.Push(&g.pending, pendingItem{at: t, seq: g.nextSeq(), op: a, phase: phaseEnd})
	if op.kind == opWrite {
		g.recent[g.nRecent%len(g.recent)] = a
		g.nRecent++
	}
}

func (g *ActivityGenerator) nextSeq() uint64 { g.seq++; return g.seq }

func (g *ActivityGenerator) writeAdminOutcome(it pendingItem) {
	g.claimsFor(it.op.p, it.at)
	g.adminRecord(it.at, it.op, it.phase)
}

const (
	phaseStart uint8 = iota
	phaseAccept
	phaseEnd
)

// adminRecord writes one Administrative record of operation a.
func (g *ActivityGenerator) adminRecord(at int64, a *adminOp, phase uint8) {
	g.counts[CategoryAdministrative]++
	w := &g.w
	p, res, op := a.p, a.res, a.op
	rg := &g.groups[res.group]
	sub := &g.subs[rg.sub]
	failed := phase == phaseEnd && a.fail >= 0

	w.beginObject("")
	w.str("RoleLocation", roleLocations[int(at/3600e9)%len(roleLocations)])
	w.str("Stamp", stamps[g.r.IntN(len(stamps))])
	w.str("ReleaseVersion", releases[int(at/(6*3600e9))%len(releases)])
	g.time("time", at)
	w.str("resourceId", res.upper)
	w.str("operationName", op.upper)
	w.str("category", "Administrative")
	switch {
	case phase == phaseStart:
		w.str("resultType", "Start")
		w.str("resultSignature", "Started.")
	case phase == phaseAccept:
		w.str("resultType", "Accept")
		w.str("resultSignature", "Accepted.Created")
	case failed:
		w.str("resultType", "Failure")
		w.str("resultSignature", "Failed."+failures[a.fail].signature)
	default:
		w.str("resultType", "Success")
		w.str("resultSignature", "Succeeded."+statusTexts[a.status].signature)
	}
	w.str("durationMs", "0")
	w.str("callerIpAddress", p.ip)
	w.str("correlationId", a.corr)
	g.identity(p, res, op)
	switch {
	case failed:
		w.str("level", "Error")
	default:
		w.str("level", "Informational")
	}

	w.beginObject("properties")
	switch phase {
	case phaseStart:
		if op.kind == opWrite && g.r.IntN(10) < 7 {
			w.strBytes("requestbody", g.body(res, false))
		}
	case phaseAccept:
		w.str("statusCode", "Created")
		w.str("serviceRequestId", g.guid())
		if g.r.IntN(2) == 0 {
			w.strBytes("responseBody", g.body(res, true))
		}
	default:
		if failed {
			f := &failures[a.fail]
			w.str("statusCode", f.code)
			w.str("serviceRequestId", g.guid())
			w.strBytes("statusMessage", g.statusMessage(a, f))
		} else {
			w.str("statusCode", statusTexts[a.status].code)
			if op.kind == opAction && g.r.IntN(3) == 0 {
				w.null("serviceRequestId")
			} else {
				w.str("serviceRequestId", g.guid())
			}
			if op.kind == opWrite && !a.accepted && g.r.IntN(10) < 6 {
				w.strBytes("responseBody", g.body(res, true))
			}
		}
	}
	w.str("eventCategory", "Administrative")
	w.str("entity", res.id)
	w.str("message", op.name)
	w.str("hierarchy", sub.hierarchy)
	w.endObject()
	w.str("tenantId", g.tenant)
	w.endObject()
}

func (g *ActivityGenerator) identity(p *principal, res *resource, op *operation) {
	w := &g.w
	e := g.evidenceFor(p, res)
	w.beginObject("identity")
	w.beginObject("authorization")
	w.str("scope", res.id)
	w.str("action", op.name)
	w.beginObject("evidence")
	w.str("role", e.role)
	w.str("roleAssignmentScope", e.scope)
	w.str("roleAssignmentId", e.assignmentID)
	w.str("roleDefinitionId", e.definitionID)
	w.str("principalId", e.principalID)
	w.str("principalType", e.principalType)
	w.endObject()
	w.endObject()
	g.claims(p)
	w.endObject()
}

func (g *ActivityGenerator) claims(p *principal) {
	w := &g.w
	t := &p.tok
	w.beginObject("claims")
	w.str("aud", "https://management.core.windows.net/")
	w.str("iss", "https://sts.windows.net/"+g.tenant+"/")
	g.unix("iat", t.iat)
	g.unix("nbf", t.iat)
	g.unix("exp", t.exp)
	if p.kind == kindUser || p.kind == kindGuest {
		w.str("http://schemas.microsoft.com/claims/authnclassreference", "1")
		w.str("aio", t.aio)
		if p.altsecid != "" {
			w.str("altsecid", p.altsecid)
		}
		w.str("http://schemas.microsoft.com/claims/authnmethodsreferences", p.amr)
		w.str("appid", p.appID)
		w.str("appidacr", p.appACR)
		if p.deviceID != "" {
			w.str("deviceid", p.deviceID)
		}
		if p.kind == kindGuest {
			w.str("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", strings.Replace(strings.SplitN(p.upn, "#", 2)[0], "_fabrikam.com", "@fabrikam.com", 1))
		}
		w.str("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname", p.surname)
		w.str("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname", p.given)
		if p.groups != "" {
			w.str("groups", p.groups)
		}
		if p.idp != "" {
			w.str("http://schemas.microsoft.com/identity/claims/identityprovider", p.idp)
		}
		w.str("idtyp", "user")
		w.str("ipaddr", p.ip)
		w.str("name", p.name)
		w.str("http://schemas.microsoft.com/identity/claims/objectidentifier", p.oid)
		if p.onpremSID != "" {
			w.str("onprem_sid", p.onpremSID)
		}
		w.str("puid", p.puid)
		w.str("rh", t.rh)
		w.str("http://schemas.microsoft.com/identity/claims/scope", "user_impersonation")
		w.str("sid", t.sid)
		w.str("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier", p.nameID)
		w.str("http://schemas.microsoft.com/identity/claims/tenantid", g.tenant)
		w.str("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", p.upn)
		w.str("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", p.upn)
		w.str("uti", t.uti)
		w.str("ver", "1.0")
		if p.wids != "" {
			w.str("wids", p.wids)
			w.str("xms_edov", "true")
		}
		w.str("xms_idrel", p.idrel)
		w.str("xms_tcdt", "1391159646")
	} else {
		w.str("aio", t.aio)
		w.str("appid", p.appID)
		w.str("appidacr", p.appACR)
		if p.mirid != "" {
			w.str("xms_az_rid", p.mirid)
		}
		w.str("http://schemas.microsoft.com/identity/claims/identityprovider", "https://sts.windows.net/"+g.tenant+"/")
		w.str("idtyp", "app")
		w.str("http://schemas.microsoft.com/identity/claims/objectidentifier", p.oid)
		w.str("rh", t.rh)
		w.str("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier", p.nameID)
		w.str("http://schemas.microsoft.com/identity/claims/tenantid", g.tenant)
		w.str("uti", t.uti)
		w.str("ver", "1.0")
		w.str("xms_ftd", t.ftd)
		w.str("xms_idrel", p.idrel)
		if p.mirid != "" {
			w.str("xms_mirid", p.mirid)
		}
		w.str("xms_rd", p.xmsRD)
		w.str("xms_tcdt", "1391159646")
	}
	w.endObject()
}

func (g *ActivityGenerator) statusMessage(a *adminOp, f *failure) []byte {
	in := &g.inner
	in.reset(in.b[:0])
	if g.r.IntN(5) == 0 {
		// Plain text rather than JSON, as some providers write it.
		in.b = append(in.b, f.message...)
		return in.b
	}
	msg := f.message
	switch f.errCode {
	case "AuthorizationFailed":
		msg = "The client '" + a.p.upnOrOID() + "' with object id '" + a.p.oid + "' does not have authorization to perform action '" + a.op.name + "' over scope '" + a.res.id + "' or the scope is invalid. If access was recently granted, please refresh your credentials."
	case "InternalServerError":
		msg = strings.Replace(msg, "%s", g.guid(), 1)
	}
	in.beginObject("")
	if g.r.IntN(2) == 0 {
		in.str("status", "Failed")
	}
	in.beginObject("error")
	in.str("code", f.errCode)
	in.str("message", msg)
	if f.errCode == "Conflict" {
		in.beginArray("details")
		in.beginObject("")
		in.str("code", "AnotherOperationInProgress")
		in.str("message", "Another operation on this or dependent resource is in progress. To retrieve status of the operation use uri: https://management.azure.com/subscriptions/"+g.subs[g.groups[a.res.group].sub].id+"/providers/Microsoft.Network/locations/"+regions[a.res.region]+"/operations/"+g.guid()+"?api-version=2023-09-01.")
		in.endObject()
		in.endArray()
	}
	in.endObject()
	in.endObject()
	return in.b
}

func (p *principal) upnOrOID() string {
	if p.upn != "" {
		return p.upn
	}
	return p.appID
}

// writePIM writes a Privileged Identity Management event: an Administrative
// record without identity whose properties follow no published schema.
func (g *ActivityGenerator) writePIM(at int64) {
	g.counts[CategoryAdministrative]++
	w := &g.w
	p := g.pickPrincipal()
	res := g.pickResource(p)
	rg := &g.groups[res.group]
	sub := &g.subs[rg.sub]
	ev := pimEvents[g.r.IntN(len(pimEvents))]
	w.beginObject("")
	w.str("location", "global")
	w.str("resultType", "Succeeded")
	g.time("time", at)
	if ev.action == "Activate" {
		w.str("callerIpAddress", g.ipv4())
	}
	w.str("resourceId", "/SUBSCRIPTIONS/"+sub.upper)
	w.str("correlationId", g.guid())
	w.str("operationName", ev.op)
	w.str("category", "Administrative")
	w.beginObject("properties")
	w.str("SubscriptionID", sub.id)
	w.str("ResourceGroupName", rg.name)
	w.str("ResourceProviderName", "azurerbac")
	w.str("ResourceType", "subscription")
	w.str("TenantID", g.tenant)
	w.str("EventName", ev.event)
	w.str("EventID", g.guid())
	w.str("ActionType", ev.action)
	w.str("RoleAssignmentRequestId", g.guid())
	w.str("RoleDefinition", builtinRoles[g.r.IntN(len(builtinRoles))].name)
	w.str("RoleDefinitionOriginId", "/subscriptions/"+sub.id+"/providers/Microsoft.Authorization/roleDefinitions/"+g.guid())
	in := &g.inner
	in.reset(in.b[:0])
	in.b = append(in.b, '[')
	pairs := [][2]string{{"UPN", p.upn}, {"ObjectID", p.oid}, {"Username", p.upn}, {"Name", p.name}, {"ObjectClass", "User"}}
	for i, kv := range pairs {
		if i > 0 {
			in.b = append(in.b, ',')
		}
		in.b = append(in.b, `{"CallerIdentityType":`...)
		in.b = appendString(in.b, kv[0])
		in.b = append(in.b, `,"CallerIdentityValue":`...)
		in.b = appendString(in.b, kv[1])
		in.b = append(in.b, '}')
	}
	in.b = append(in.b, ']')
	w.strBytes("CallerInfo", in.b)
	if ev.action == "Activate" {
		w.str("Justification", "Incident INC"+g.digits(7)+": investigate failed deployment")
	}
	w.str("SubjectID", p.oid)
	w.str("SubjectName", p.name)
	w.endObject()
	w.endObject()
}
