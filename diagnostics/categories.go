package diagnostics

import (
	"net/netip"
	"strings"
	"sync"

	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/internal/intern"
	"github.com/azlogs/azlogs/internal/jsontok"
)

// Category is a resource log category that the package types: a category
// name (the unit a diagnostic setting enables) together with the service
// that writes it, since services reuse names (AuditEvent is Key Vault's and
// Automation's, Audit is both Data Lake services'). Records of every other
// category have CategoryUnknown and decode generically.
type Category uint8

// The typed categories, by service. The comment of each names the
// category as Azure writes it, and the accessor of Properties that returns
// its typed view.
const (
	CategoryUnknown Category = iota

	KeyVaultAuditEvent              // AuditEvent (Key Vault, Managed HSM): Properties.KeyVault
	NetworkSecurityGroupEvent       // NetworkSecurityGroupEvent: Properties.NSG
	NetworkSecurityGroupRuleCounter // NetworkSecurityGroupRuleCounter: Properties.NSG
	LoadBalancerAlertEvent          // LoadBalancerAlertEvent: Properties.LoadBalancer
	LoadBalancerProbeHealthStatus   // LoadBalancerProbeHealthStatus: Properties.LoadBalancer
	ApplicationGatewayAccessLog     // ApplicationGatewayAccessLog (v1 and v2): Properties.AppGatewayAccess
	ApplicationGatewayPerformance   // ApplicationGatewayPerformanceLog: Properties.AppGatewayPerformance
	ApplicationGatewayFirewallLog   // ApplicationGatewayFirewallLog: Properties.AppGatewayFirewall
	AppServiceHTTPLogs              // AppServiceHTTPLogs: Properties.AppServiceHTTP
	AppServiceAppLogs               // AppServiceAppLogs: Properties.AppServiceApp
	AppServiceConsoleLogs           // AppServiceConsoleLogs: Properties.AppServiceApp
	AppServiceAuditLogs             // AppServiceAuditLogs: Properties.AppServiceAudit
	AppServiceFileAuditLogs         // AppServiceFileAuditLogs: Properties.AppServiceFileAudit
	AppServiceIPSecAuditLogs        // AppServiceIPSecAuditLogs: Properties.AppServiceIPSecAudit
	AppServicePlatformLogs          // AppServicePlatformLogs: Properties.AppServicePlatform
	AppServiceAuthenticationLogs    // AppServiceAuthenticationLogs: Properties.AppServiceAuthentication
	FunctionAppLogs                 // FunctionAppLogs: Properties.FunctionApp
	FrontDoorAccessLog              // FrontDoorAccessLog, FrontdoorAccessLog, AzureCdnAccessLog: Properties.FrontDoorAccess
	FrontDoorHealthProbeLog         // FrontDoorHealthProbeLog: Properties.FrontDoorHealthProbe
	FrontDoorWAFLog                 // FrontDoorWebApplicationFirewallLog (either spelling): Properties.FrontDoorWAF
	AzureFirewallLegacy             // AzureFirewallNetworkRule, AzureFirewallApplicationRule, AzureFirewallDnsProxy: Properties.Firewall
	AzureFirewallStructured         // AZFWNetworkRule, AZFWApplicationRule, AZFWNatRule, AZFWThreatIntel, AZFWIdpsSignature, …: Properties.Firewall
	AzureFirewallDNSQuery           // AZFWDnsQuery: Properties.FirewallDNS
	DataFactoryRuns                 // PipelineRuns, ActivityRuns, TriggerRuns: Properties.DataFactory
	MessagingOperational            // OperationalLogs (Service Bus, Event Hubs): Properties.Messaging
	MessagingRuntimeAudit           // RuntimeAuditLogs: Properties.Messaging
	MessagingVNetFilter             // VNetAndIPFilteringLogs: Properties.Messaging
	MessagingDiagnosticError        // DiagnosticErrorLogs: Properties.Messaging
	MessagingApplicationMetrics     // ApplicationMetricsLogs: Properties.Messaging
	EventHubsArchive                // ArchiveLogs: Properties.Messaging
	EventHubsAutoScale              // AutoScaleLogs: Properties.Messaging
	APIManagementGateway            // GatewayLogs: Properties.APIManagement
	AKSControlPlane                 // kube-audit, kube-audit-admin, kube-apiserver, kube-controller-manager, kube-scheduler, cluster-autoscaler, guard, cloud-controller-manager, csi-*: Properties.AKS
	GraphActivity                   // MicrosoftGraphActivityLogs: Properties.Graph
	AttestationOperational          // Operational (Microsoft.Attestation): Properties.Attestation
	StorageLogs                     // StorageRead, StorageWrite, StorageDelete: Properties.Storage
	LogicAppsWorkflowRuntime        // WorkflowRuntime: Properties.LogicApps
	SearchOperationLogs             // OperationLogs (Azure AI Search): Properties.Search
	BatchServiceLog                 // ServiceLog (Batch): Properties.Batch
	DataLakeStoreAudit              // Audit (Data Lake Store): Properties.DataLake
	DataLakeStoreRequests           // Requests (Data Lake Store): Properties.DataLake
	DataLakeAnalyticsAudit          // Audit (Data Lake Analytics): Properties.DataLake
	DataLakeAnalyticsRequests       // Requests (Data Lake Analytics): Properties.DataLake
	AutomationJobLogs               // JobLogs: Properties.Automation
	AutomationJobStreams            // JobStreams: Properties.Automation
	AutomationDscNodeStatus         // DscNodeStatus: Properties.Automation
	StreamAnalyticsExecution        // Execution (Stream Analytics): Properties.StreamAnalytics
	StreamAnalyticsAuthoring        // Authoring (Stream Analytics): Properties.StreamAnalytics
	numCategories
)

// categoryEntry is one row of the category table.
type categoryEntry struct {
	// names are the category names Azure writes, matched in any letter
	// case; the first is the canonical one.
	names []string
	// provider is the resource provider, upper case, that must appear in
	// the resource ID ("MICROSOFT.KEYVAULT"), or "" to match any record
	// whose name matches and whose provider no other entry claims.
	provider string
	// view decodes the typed view.
	view viewer
}

// categories is the table that drives decoding, Clone and the typed
// views: one entry per typed category.
var categories = [numCategories]categoryEntry{
	KeyVaultAuditEvent:              {names: []string{"AuditEvent"}, view: keyVaultView},
	NetworkSecurityGroupEvent:       {names: []string{"NetworkSecurityGroupEvent"}, view: nsgView},
	NetworkSecurityGroupRuleCounter: {names: []string{"NetworkSecurityGroupRuleCounter"}, view: nsgView},
	LoadBalancerAlertEvent:          {names: []string{"LoadBalancerAlertEvent"}, view: loadBalancerView},
	LoadBalancerProbeHealthStatus:   {names: []string{"LoadBalancerProbeHealthStatus"}, view: loadBalancerView},
	ApplicationGatewayAccessLog:     {names: []string{"ApplicationGatewayAccessLog"}, view: appGatewayAccessView},
	ApplicationGatewayPerformance:   {names: []string{"ApplicationGatewayPerformanceLog"}, view: appGatewayPerformanceView},
	ApplicationGatewayFirewallLog:   {names: []string{"ApplicationGatewayFirewallLog"}, view: appGatewayFirewallView},
	AppServiceHTTPLogs:              {names: []string{"AppServiceHTTPLogs"}, view: appServiceHTTPView},
	AppServiceAppLogs:               {names: []string{"AppServiceAppLogs"}, view: appServiceAppView},
	AppServiceConsoleLogs:           {names: []string{"AppServiceConsoleLogs"}, view: appServiceAppView},
	AppServiceAuditLogs:             {names: []string{"AppServiceAuditLogs"}, view: appServiceAuditView},
	AppServiceFileAuditLogs:         {names: []string{"AppServiceFileAuditLogs"}, view: appServiceFileAuditView},
	AppServiceIPSecAuditLogs:        {names: []string{"AppServiceIPSecAuditLogs"}, view: appServiceIPSecAuditView},
	AppServicePlatformLogs:          {names: []string{"AppServicePlatformLogs"}, view: appServicePlatformView},
	AppServiceAuthenticationLogs:    {names: []string{"AppServiceAuthenticationLogs"}, view: appServiceAuthenticationView},
	FunctionAppLogs:                 {names: []string{"FunctionAppLogs"}, view: functionAppView},
	FrontDoorAccessLog:              {names: []string{"FrontDoorAccessLog", "AzureCdnAccessLog"}, view: frontDoorAccessView},
	FrontDoorHealthProbeLog:         {names: []string{"FrontDoorHealthProbeLog"}, view: frontDoorHealthProbeView},
	FrontDoorWAFLog:                 {names: []string{"FrontDoorWebApplicationFirewallLog"}, view: frontDoorWAFView},
	AzureFirewallLegacy: {names: []string{"AzureFirewallNetworkRule", "AzureFirewallApplicationRule",
		"AzureFirewallDnsProxy"}, view: firewallView},
	AzureFirewallStructured: {names: []string{"AZFWNetworkRule", "AZFWApplicationRule", "AZFWNatRule",
		"AZFWThreatIntel", "AZFWIdpsSignature", "AZFWNetworkRuleAggregation", "AZFWApplicationRuleAggregation",
		"AZFWNatRuleAggregation", "AZFWFqdnResolveFailure", "AZFWFatFlow", "AZFWFlowTrace", "AZFWInternalFqdnResolutionFailure"},
		view: firewallView},
	AzureFirewallDNSQuery:       {names: []string{"AZFWDnsQuery"}, view: firewallDNSView},
	DataFactoryRuns:             {names: []string{"PipelineRuns", "ActivityRuns", "TriggerRuns"}, view: dataFactoryView},
	MessagingOperational:        {names: []string{"OperationalLogs"}, view: messagingView},
	MessagingRuntimeAudit:       {names: []string{"RuntimeAuditLogs"}, view: messagingView},
	MessagingVNetFilter:         {names: []string{"VNetAndIPFilteringLogs"}, view: messagingView},
	MessagingDiagnosticError:    {names: []string{"DiagnosticErrorLogs"}, view: messagingView},
	MessagingApplicationMetrics: {names: []string{"ApplicationMetricsLogs"}, view: messagingView},
	EventHubsArchive:            {names: []string{"ArchiveLogs"}, view: messagingView},
	EventHubsAutoScale:          {names: []string{"AutoScaleLogs"}, view: messagingView},
	APIManagementGateway:        {names: []string{"GatewayLogs"}, view: apimView},
	AKSControlPlane:             {names: aksCategoryNames, view: aksView},
	GraphActivity:               {names: []string{"MicrosoftGraphActivityLogs"}, view: graphView},
	AttestationOperational:      {names: []string{"Operational"}, provider: "MICROSOFT.ATTESTATION", view: attestationView},
	StorageLogs:                 {names: []string{"StorageRead", "StorageWrite", "StorageDelete"}, view: storageView},
	LogicAppsWorkflowRuntime:    {names: []string{"WorkflowRuntime"}, view: logicAppsView},
	SearchOperationLogs:         {names: []string{"OperationLogs"}, view: searchView},
	BatchServiceLog:             {names: []string{"ServiceLog"}, view: batchView},
	DataLakeStoreAudit:          {names: []string{"Audit"}, provider: "MICROSOFT.DATALAKESTORE", view: dataLakeView},
	DataLakeStoreRequests:       {names: []string{"Requests"}, provider: "MICROSOFT.DATALAKESTORE", view: dataLakeView},
	DataLakeAnalyticsAudit:      {names: []string{"Audit"}, provider: "MICROSOFT.DATALAKEANALYTICS", view: dataLakeView},
	DataLakeAnalyticsRequests:   {names: []string{"Requests"}, provider: "MICROSOFT.DATALAKEANALYTICS", view: dataLakeView},
	AutomationJobLogs:           {names: []string{"JobLogs"}, view: automationView},
	AutomationJobStreams:        {names: []string{"JobStreams"}, view: automationView},
	AutomationDscNodeStatus:     {names: []string{"DscNodeStatus"}, view: automationView},
	StreamAnalyticsExecution:    {names: []string{"Execution"}, provider: "MICROSOFT.STREAMANALYTICS", view: streamAnalyticsView},
	StreamAnalyticsAuthoring:    {names: []string{"Authoring"}, provider: "MICROSOFT.STREAMANALYTICS", view: streamAnalyticsView},
}

// byName maps a lower-case category name to the categories that use it,
// those bound to a provider first.
var byName = map[string][]Category{}

func init() {
	for c := Category(1); c < numCategories; c++ {
		for _, n := range categories[c].names {
			k := strings.ToLower(n)
			list := byName[k]
			if categories[c].provider != "" {
				list = append([]Category{c}, list...)
			} else {
				list = append(list, c)
			}
			byName[k] = list
		}
	}
}

// String returns the category's name as Azure writes it, such as
// "AuditEvent"; for a constant that stands for several of Azure's
// categories (AzureFirewallStructured: AZFWNetworkRule,
// AZFWApplicationRule, …), the constant's own name; "" for CategoryUnknown.
func (c Category) String() string {
	if c <= 0 || c >= numCategories {
		return ""
	}
	if label, ok := groupLabels[c]; ok {
		return label
	}
	return categories[c].names[0]
}

// groupLabels name the categories that stand for several of Azure's: their
// String is the group's name, not one member's (Record.CategoryName holds
// the record's own).
var groupLabels = map[Category]string{
	FrontDoorAccessLog:      "FrontDoorAccessLog",
	AzureFirewallLegacy:     "AzureFirewallLegacy",
	AzureFirewallStructured: "AzureFirewallStructured",
	DataFactoryRuns:         "DataFactoryRuns",
	StorageLogs:             "StorageLogs",
}

// MarshalText returns the category's name ("" when unknown).
func (c Category) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// ResolveCategory returns the typed category of a record with the given
// category name (in any letter case) and resource ID, or CategoryUnknown.
func ResolveCategory(name, resourceID string) Category {
	return resolve(named(name), resourceID)
}

// named returns the categories named name (in any letter case), those bound
// to a provider first.
func named(name string) []Category {
	var buf [64]byte
	if len(name) > len(buf) || len(name) == 0 {
		return nil
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return byName[string(buf[:len(name)])]
}

// resolve returns the category of list (from named) that a record with
// the given resource ID has, or CategoryUnknown.
func resolve(list []Category, resourceID string) Category {
	if len(list) == 0 {
		return CategoryUnknown
	}
	if categories[list[0]].provider == "" {
		return list[0] // a name no provider claims
	}
	prov := provider(resourceID)
	for _, c := range list {
		p := categories[c].provider
		if p == "" || strings.EqualFold(p, prov) {
			return c
		}
	}
	return CategoryUnknown
}

// provider returns the resource provider segment of an ARM ID
// (MICROSOFT.KEYVAULT in …/PROVIDERS/MICROSOFT.KEYVAULT/VAULTS/X), or "".
func provider(id string) string {
	const key = "/providers/"
	for i := 0; i+len(key) <= len(id); i++ {
		j := strings.IndexByte(id[i:], '/')
		if j < 0 {
			break
		}
		i += j
		if i+len(key) <= len(id) && strings.EqualFold(id[i:i+len(key)], key) {
			rest := id[i+len(key):]
			if j := strings.IndexByte(rest, '/'); j >= 0 {
				return rest[:j]
			}
			return rest
		}
	}
	return ""
}

// viewer decodes one category's typed view. view[T] implements it for
// each view type T.
type viewer interface {
	newView() any
	reset(any)
	// lookup returns the index of the setter of member name (of
	// properties, or of the record's top level when top), or -1.
	lookup(top bool, name string) int
	// hasTop reports whether the view reads top-level members.
	hasTop() bool
	// projectProps and projectTop read the record's properties and
	// top-level members into the view (see project).
	projectProps(d *Decoder, view any, rec *Record, sh *shape)
	projectTop(d *Decoder, view any, rec *Record, sh *shape)
	// readProps reads the members of properties into the view (see
	// Decoder.properties).
	readProps(d *Decoder, p *jsontok.Reader, view any, sh *shape, ms []azlogs.Member) ([]azlogs.Member, bool)
}

// fields maps member names to the setters that read them into a view.
type fields[T any] map[string]func(*T, *value)

// view is the viewer of view type T: setters for the members of
// properties, and for the top-level members some services write instead.
type view[T any] struct {
	props fields[T]
	top   fields[T]

	// The maps made fast to look up, on first use.
	once                sync.Once
	propNames, topNames *intern.Names
	propSet, topSet     []func(*T, *value)
}

// build turns the maps into probe tables: a Go map hashes every name
// looked up; a probe table mostly compares one string.
func (w *view[T]) build() {
	w.propNames, w.propSet = table(w.props)
	w.topNames, w.topSet = table(w.top)
}

func table[T any](fs fields[T]) (*intern.Names, []func(*T, *value)) {
	names := make([]string, 0, len(fs))
	sets := make([]func(*T, *value), 0, len(fs))
	for n, f := range fs {
		names = append(names, n)
		sets = append(sets, f)
	}
	return intern.NewNames(names, false), sets
}

func (w *view[T]) newView() any { return new(T) }
func (w *view[T]) reset(a any) {
	var zero T
	*a.(*T) = zero
}
func (w *view[T]) lookup(top bool, name string) int {
	w.once.Do(w.build)
	names := w.propNames
	if top {
		names = w.topNames
	}
	if i, ok := names.Lookup([]byte(name)); ok {
		return i
	}
	return -1
}

func (w *view[T]) hasTop() bool { return len(w.top) > 0 }

// with returns fs with each setter also under the alias names given as
// pairs (name, alias): the same member in another spelling.
func (fs fields[T]) with(pairs ...string) fields[T] {
	for i := 0; i+1 < len(pairs); i += 2 {
		fs[pairs[i+1]] = fs[pairs[i]]
	}
	return fs
}

// callerView is implemented by the views that know who acted.
type callerView interface{ caller() string }

// clientIPView is implemented by the views that know the client's address.
type clientIPView interface{ clientIP() netip.Addr }
