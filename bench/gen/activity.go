package gen

import (
	"bufio"
	"container/heap"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// Activity writes activity-log records in the diagnostic-setting export form
// to w as JSON lines (one record per line, as the PT1H.json blobs of a
// storage-account export hold them since November 2018) until at least size
// bytes are written. The output depends only on seed: the same seed gives the
// same bytes on every run.
//
// The records imitate one busy tenant; see [ActivityGenerator] for their
// shape.
func Activity(w io.Writer, size int64, seed int64) error {
	return NewActivityGenerator(seed).Fill(w, size)
}

// Fill writes records to w as JSON lines, one record and a newline each,
// until at least size bytes are written.
func (g *ActivityGenerator) Fill(w io.Writer, size int64) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	var line []byte
	for written := int64(0); written < size; {
		line = g.Next(line[:0])
		line = append(line, '\n')
		if _, err := bw.Write(line); err != nil {
			return err
		}
		written += int64(len(line))
	}
	return bw.Flush()
}

// ActivityRecords returns the first n records that [Activity] writes for
// seed, each without its newline.
func ActivityRecords(n int, seed int64) [][]byte {
	g := NewActivityGenerator(seed)
	out := make([][]byte, n)
	for i := range out {
		out[i] = g.Next(nil)
	}
	return out
}

// Activity-log categories, in the order Counts reports them.
const (
	CategoryAdministrative = iota
	CategoryPolicy
	CategoryResourceHealth
	CategoryRecommendation
	CategoryServiceHealth
	CategoryAutoscale
	CategoryAlert
	CategorySecurity
	// NumCategories is the number of categories.
	NumCategories
)

// CategoryNames are the names of the categories, indexed by the Category
// constants, as the records spell them.
var CategoryNames = [NumCategories]string{"Administrative", "Policy", "ResourceHealth", "Recommendation", "ServiceHealth", "Autoscale", "Alert", "Security"}

// newEventWeights chooses the category of each new event (an Administrative
// event is one operation: two or three records). They are tuned so that
// about 80% of records are Administrative.
var newEventWeights = [NumCategories]int{
	CategoryAdministrative: 620,
	CategoryPolicy:         125,
	CategoryResourceHealth: 60,
	CategoryRecommendation: 35,
	CategoryServiceHealth:  30,
	CategoryAutoscale:      20,
	CategoryAlert:          15,
	CategorySecurity:       10,
}

// ActivityGenerator makes activity-log records one at a time, in time order.
//
// It models one tenant: a pool of 300 principals (users signing in through
// the portal, CLI or PowerShell, service principals and managed identities)
// whose tokens live about an hour, so the claims iat, nbf, exp, uti and aio
// repeat across many records and then change; about 3,000 resources in six
// subscriptions; about 250 operation names. Principals and resources are
// drawn with skewed (Zipf) frequencies, as automation dominates real
// tenants. Each Administrative operation yields a Start record and, after a
// delay during which other records are written, its outcome (Success or
// Failure, and for some long-running writes an Accept first), all sharing one
// correlationId. Time, correlationId, serviceRequestId and request and
// response bodies are new for every operation.
//
// About 80% of records are Administrative, carrying 20 to 35 claims, role
// evidence, and sometimes requestbody, responseBody or statusMessage members
// that hold escaped JSON. The rest are Policy (sharing the correlationId of
// the write they audit), ResourceHealth, Recommendation, ServiceHealth,
// Autoscale, Alert and Security records shaped like Azure's published
// samples, including their quirks: durationMs written as a string, numeric
// "Level" beside string "level", RFC 1123 times inside properties, keys with
// spaces, JSON arrays inside strings.
type ActivityGenerator struct {
	r        *rand.Rand
	zipfUser *rand.Zipf
	zipfRes  *rand.Zipf
	zipfInc  *rand.Zipf

	now    int64 // time of the next new event, Unix nanoseconds
	lastAt int64 // time of the last record written
	seq    uint64

	tenant     string
	subs       []subscription
	groups     []resourceGroup
	ops        [][]operation // per resource type
	resources  []resource
	principals []*principal
	incidents  []incident
	rules      []alertRule
	scalers    []autoscaler
	recTypes   []string // recommendation type IDs, one per advisorRecommendations entry
	policyIDs  []string // policy definition IDs, one per policyDefinitions entry

	pending pendingQueue
	recent  [32]*adminOp // recent writes, for Policy records
	nRecent int

	w      writer
	inner  writer // JSON nested inside a string member
	counts [NumCategories]int
}

type subscription struct {
	id, upper string
	hierarchy string
}

type resourceGroup struct {
	sub    int
	name   string
	region int
	app    string
	env    string
	owner  string
}

type opKind uint8

const (
	opWrite opKind = iota
	opDelete
	opAction
)

type operation struct {
	name  string // as the provider spells it: Microsoft.Storage/storageAccounts/write
	upper string // as the export's operationName writes it
	kind  opKind
}

type resource struct {
	typ    int
	group  int
	id     string // canonical case
	upper  string // as the export's resourceId writes it
	name   string
	region int
}

type principalKind uint8

const (
	kindUser principalKind = iota
	kindGuest
	kindServicePrincipal
	kindManagedIdentity
)

type principal struct {
	kind      principalKind
	oid       string
	oidHex    string // oid without dashes, as evidence.principalId writes it
	name      string // display name
	upn       string
	given     string
	surname   string
	puid      string
	nameID    string
	appID     string
	appACR    string
	ip        string
	amr       string
	groups    string
	wids      string
	onpremSID string
	altsecid  string
	deviceID  string
	idp       string
	mirid     string
	xmsRD     string
	idrel     string
	home      int // offset into resources, so each principal has its own hot set
	roles     map[int]*evidence
	tok       token
}

// token is the part of the claims that changes when the principal gets a
// new access token.
type token struct {
	iat, exp int64 // Unix seconds
	aio      string
	uti      string
	rh       string
	sid      string
	ftd      string
}

type evidence struct {
	role, scope, assignmentID, definitionID, principalID, principalType string
}

type adminOp struct {
	p        *principal
	res      *resource
	op       *operation
	corr     string
	fail     int // index into failures, or -1
	status   int // index into statusTexts
	accepted bool
}

type incident struct {
	trackingID, commID, service, kind, title, maintID string
	region                                            int
	start                                             int64
}

type alertRule struct {
	name, uri, incidents string
	res                  *resource
	metric               int
	threshold            int
	window               int
}

type autoscaler struct {
	name, id, target string
	count            int
}

// NewActivityGenerator returns a generator whose records depend only on seed.
func NewActivityGenerator(seed int64) *ActivityGenerator {
	g := &ActivityGenerator{r: rand.New(rand.NewPCG(uint64(seed), 0x617a6c6f6773))}
	g.now = time.Date(2025, 6, 2, 8, 0, 0, 0, time.UTC).UnixNano()
	g.tenant = g.guid()
	g.buildEstate()
	g.buildPrincipals()
	g.buildPools()
	g.zipfUser = rand.NewZipf(g.r, 1.3, 2, uint64(len(g.principals)-1))
	g.zipfRes = rand.NewZipf(g.r, 1.05, 8, uint64(len(g.resources)-1))
	g.zipfInc = rand.NewZipf(g.r, 1.3, 2, uint64(len(g.incidents)-1))
	return g
}

// Counts returns how many records of each category Next has made, indexed
// by the Category constants.
func (g *ActivityGenerator) Counts() [NumCategories]int { return g.counts }

// Next appends the next record, one line of JSON without its newline, to
// dst and returns the extended slice.
func (g *ActivityGenerator) Next(dst []byte) []byte {
	g.w.reset(dst)
	if len(g.pending) > 0 && g.pending[0].at <= g.now {
		it := heap.Pop(&g.pending).(pendingItem)
		g.writeAdminOutcome(it)
		return g.w.b
	}
	at := g.now
	gap := int64(g.r.ExpFloat64() * 450e6) // mean 0.45 s between new events
	g.now += gap - gap%100 + 100

	switch g.pickCategory() {
	case CategoryAdministrative:
		g.writeAdminStart(at)
	case CategoryPolicy:
		g.writePolicy(at)
	case CategoryResourceHealth:
		g.writeResourceHealth(at)
	case CategoryRecommendation:
		g.writeRecommendation(at)
	case CategoryServiceHealth:
		g.writeServiceHealth(at)
	case CategoryAutoscale:
		g.writeAutoscale(at)
	case CategoryAlert:
		g.writeAlert(at)
	case CategorySecurity:
		g.writeSecurity(at)
	}
	return g.w.b
}

func (g *ActivityGenerator) pickCategory() int {
	total := 0
	for _, w := range newEventWeights {
		total += w
	}
	n := g.r.IntN(total)
	for c, w := range newEventWeights {
		if n < w {
			return c
		}
		n -= w
	}
	return CategoryAdministrative
}

// The estate: subscriptions, resource groups, resources, principals.

func (g *ActivityGenerator) buildEstate() {
	mgs := []string{"mg-platform", "mg-landingzones", "mg-corp", "mg-online"}
	for i := 0; i < 6; i++ {
		id := g.guid()
		h := g.tenant + "/" + mgs[i%len(mgs)] + "/" + id
		if i == 0 {
			h = g.tenant + "/" + id
		}
		g.subs = append(g.subs, subscription{id: id, upper: strings.ToUpper(id), hierarchy: h})
	}
	for i := 0; i < 60; i++ {
		app := appNames[g.r.IntN(len(appNames))]
		env := envNames[g.r.IntN(len(envNames))]
		name := "rg-" + app + "-" + env
		if g.r.IntN(3) == 0 {
			name += "-" + strconv.Itoa(1+g.r.IntN(9))
		}
		g.groups = append(g.groups, resourceGroup{
			sub: g.r.IntN(len(g.subs)), name: name, region: g.r.IntN(len(regions)),
			app: app, env: env, owner: "team-" + app + "@contoso.com",
		})
	}
	g.ops = make([][]operation, len(resourceTypes))
	for t, rt := range resourceTypes {
		base := rt.provider + "/" + strings.Join(rt.types, "/") + "/"
		add := func(name string, k opKind) {
			g.ops[t] = append(g.ops[t], operation{name: name, upper: strings.ToUpper(name), kind: k})
		}
		add(base+"write", opWrite)
		if !rt.noDelete {
			add(base+"delete", opDelete)
		}
		for _, a := range rt.actions {
			add(base+a, opAction)
		}
	}
	totalWeight := 0
	for _, rt := range resourceTypes {
		totalWeight += rt.weight
	}
	for i := 0; i < 3000; i++ {
		n := g.r.IntN(totalWeight)
		t := 0
		for ; n >= resourceTypes[t].weight; t++ {
			n -= resourceTypes[t].weight
		}
		rt := &resourceTypes[t]
		gi := g.r.IntN(len(g.groups))
		rg := &g.groups[gi]
		var id strings.Builder
		id.WriteString("/subscriptions/")
		id.WriteString(g.subs[rg.sub].id)
		id.WriteString("/resourceGroups/")
		id.WriteString(rg.name)
		id.WriteString("/providers/")
		id.WriteString(rt.provider)
		var name string
		for s, typ := range rt.types {
			seg := g.resourceName(rt.prefixes[s], rg)
			id.WriteByte('/')
			id.WriteString(typ)
			id.WriteByte('/')
			id.WriteString(seg)
			name = seg
		}
		s := id.String()
		g.resources = append(g.resources, resource{typ: t, group: gi, id: s, upper: strings.ToUpper(s), name: name, region: rg.region})
	}
}

func (g *ActivityGenerator) resourceName(prefix string, rg *resourceGroup) string {
	switch prefix {
	case "":
		return g.guid()
	case "default", "appsettings", "staging", "RootManageSharedAccessKey", "add":
		return prefix
	case "st", "acr", "kv", "cosmos":
		// Globally unique names without dashes.
		return prefix + rg.app + g.alnum(8)
	case "privatelink":
		return "privatelink." + []string{"blob.core.windows.net", "vaultcore.azure.net", "database.windows.net", "azurecr.io"}[g.r.IntN(4)]
	case "deploy":
		return rg.app + "-" + rg.env + "-" + g.digits(8) + "-" + g.digits(4)
	}
	return prefix + "-" + rg.app + "-" + rg.env + "-" + strconv.Itoa(1+g.r.IntN(40))
}

func (g *ActivityGenerator) buildPrincipals() {
	for i := 0; i < 300; i++ {
		p := &principal{oid: g.guid(), roles: map[int]*evidence{}}
		p.oidHex = strings.ReplaceAll(p.oid, "-", "")
		p.home = g.r.IntN(3000)
		switch {
		case i%10 < 6:
			p.kind = kindUser
		case i%10 < 7:
			p.kind = kindGuest
		case i%10 < 9:
			p.kind = kindServicePrincipal
		default:
			p.kind = kindManagedIdentity
		}
		switch p.kind {
		case kindUser, kindGuest:
			p.given = givenNames[g.r.IntN(len(givenNames))]
			p.surname = surnames[g.r.IntN(len(surnames))]
			p.name = p.given + " " + p.surname
			local := strings.ToLower(p.given + "." + p.surname)
			p.upn = local + "@contoso.com"
			if p.kind == kindGuest {
				p.upn = local + "_fabrikam.com#EXT#@contoso.onmicrosoft.com"
				p.altsecid = "5::" + g.upperHex(16)
				p.idp = "https://sts.windows.net/" + g.guid() + "/"
			} else if g.r.IntN(2) == 0 {
				p.onpremSID = "S-1-5-21-" + g.digits(10) + "-" + g.digits(9) + "-" + g.digits(10) + "-" + g.digits(5)
			}
			app := clientApps[g.r.IntN(len(clientApps))]
			p.appID, p.appACR = app.id, app.acr
			p.puid = g.upperHex(16)
			p.nameID = g.b64url(43)
			p.amr = []string{"pwd", "pwd,mfa", "rsa,mfa", "pwd,rsa,mfa"}[g.r.IntN(4)]
			if g.r.IntN(3) > 0 {
				var b strings.Builder
				for k, n := 0, 1+g.r.IntN(5); k < n; k++ {
					if k > 0 {
						b.WriteByte(',')
					}
					b.WriteString(g.guid())
				}
				p.groups = b.String()
			}
			if g.r.IntN(4) == 0 {
				p.wids = "62e90394-69f5-4237-9190-012177145e10,b79fbf4d-3ef9-4689-8143-76b194e85509"
			} else if g.r.IntN(3) == 0 {
				p.wids = "b79fbf4d-3ef9-4689-8143-76b194e85509"
			}
			if g.r.IntN(3) == 0 {
				p.deviceID = g.guid()
			}
			p.ip = g.ipv4()
			p.idrel = strconv.Itoa(1+g.r.IntN(5)) + " " + strconv.Itoa(2+g.r.IntN(30))
		default:
			name := servicePrincipalNames[g.r.IntN(len(servicePrincipalNames))]
			rg := &g.groups[g.r.IntN(len(g.groups))]
			p.appID = g.guid()
			p.appACR = []string{"1", "2"}[g.r.IntN(2)]
			p.nameID = p.oid
			p.xmsRD = "0.4" + g.b64url(60) + "AA"
			p.idrel = strconv.Itoa(7+g.r.IntN(2)) + " " + strconv.Itoa(2+g.r.IntN(30))
			if p.kind == kindManagedIdentity {
				p.name = "id-" + rg.app + "-" + rg.env
				p.mirid = "/subscriptions/" + g.subs[rg.sub].id + "/resourcegroups/" + rg.name + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + p.name
				p.ip = "2001:db8:" + strconv.FormatInt(int64(g.r.IntN(0xffff)), 16) + "::" + strconv.FormatInt(int64(g.r.IntN(0xffff)), 16)
			} else {
				p.name = name + "-" + rg.env
				p.ip = g.ipv4()
			}
		}
		g.principals = append(g.principals, p)
	}
}

func (g *ActivityGenerator) buildPools() {
	for i := 0; i < 24; i++ {
		kind := incidentKinds[g.r.IntN(len(incidentKinds))]
		svc := incidentServices[g.r.IntN(len(incidentServices))]
		reg := g.r.IntN(len(regions))
		inc := incident{
			trackingID: strconv.Itoa(g.r.IntN(10)) + "_" + g.upperAlnum(3) + "-" + g.upperAlnum(3),
			commID:     "1100020" + g.digits(7),
			service:    svc, kind: kind.op, region: reg,
			start: g.now - int64(g.r.IntN(72*3600))*1e9,
		}
		switch kind.op {
		case "maintenance":
			inc.title = "Planned Maintenance for " + svc + " in " + regionNames[reg]
			inc.maintID = g.digits(12) + "/" + []string{"bn1", "am3", "db4", "ch1"}[g.r.IntN(4)]
		case "incident":
			inc.title = "Mitigated - Degraded " + svc + " availability in " + regionNames[reg]
		case "actionrequired":
			inc.title = "Action required: Transition to " + svc + " TLS 1.2 by 31 August"
		case "security":
			inc.title = "Security advisory: " + svc + " vulnerability remediation"
		default:
			inc.title = svc + " retirement notice"
		}
		g.incidents = append(g.incidents, inc)
	}
	for i := 0; i < 30; i++ {
		res := &g.resources[g.r.IntN(len(g.resources))]
		rg := &g.groups[res.group]
		name := "alert-" + rg.app + "-" + strconv.Itoa(i)
		uri := "/subscriptions/" + g.subs[rg.sub].id + "/resourceGroups/" + rg.name + "/providers/microsoft.insights/alertrules/" + name
		g.rules = append(g.rules, alertRule{
			name: name, uri: uri, incidents: uri + "/incidents/" + g.b64std(120),
			res: res, metric: g.r.IntN(len(alertMetrics)),
			threshold: []int{80, 90, 5, 100000, 1000}[g.r.IntN(5)], window: []int{5, 10, 15}[g.r.IntN(3)],
		})
	}
	for i := 0; i < 15; i++ {
		rg := &g.groups[g.r.IntN(len(g.groups))]
		name := "autoscale-" + rg.app + "-" + rg.env
		sub := g.subs[rg.sub].id
		g.scalers = append(g.scalers, autoscaler{
			name:   name,
			id:     "/subscriptions/" + sub + "/resourceGroups/" + rg.name + "/providers/microsoft.insights/autoscalesettings/" + name,
			target: "/subscriptions/" + sub + "/resourceGroups/" + rg.name + "/providers/Microsoft.Web/serverfarms/asp-" + rg.app + "-" + rg.env,
			count:  2 + g.r.IntN(6),
		})
	}
	for range advisorRecommendations {
		g.recTypes = append(g.recTypes, g.guid())
	}
	for range policyDefinitions {
		g.policyIDs = append(g.policyIDs, g.guid())
	}
}
