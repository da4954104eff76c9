package diagnostics

import "github.com/azlogs/azlogs"

// KeyVaultProperties is the typed view of Key Vault and Managed HSM
// AuditEvent records. Managed HSM writes these members at the top level
// rather than under properties; both are read.
type KeyVaultProperties struct {
	// ClientInfo is the client's user agent.
	ClientInfo string
	// RequestURI is the URI of the REST request, with its query string. It
	// is unique per request, so it is kept as its JSON value (a string),
	// borrowed until the decoder's next Next; Text returns the string.
	RequestURI azlogs.RawJSON
	// ID is the URI of the vault, key, secret or certificate returned; its
	// values are bounded by the vault's objects and versions, so it is a
	// string.
	ID string
	// HTTPStatusCode is the status of the REST call.
	HTTPStatusCode azlogs.OptInt
	// Managed HSM members.
	PoolType            string
	PoolName            string
	SKUFamily           string
	SKUName             string
	SubnetID            string
	IsAddressAuthorized azlogs.OptBool
}

// KeyVault returns the typed view of a KeyVaultAuditEvent record, or nil.
func (p *Properties) KeyVault() *KeyVaultProperties {
	v, _ := p.view.(*KeyVaultProperties)
	return v
}

func (p *KeyVaultProperties) check() (ps problems) {
	v := &ps
	checkHTTPStatus(v, "/properties/httpStatusCode", p.HTTPStatusCode)
	return ps
}

var keyVaultFields = fields[KeyVaultProperties]{
	"clientInfo":          func(p *KeyVaultProperties, v *value) { p.ClientInfo = v.str() },
	"requestUri":          func(p *KeyVaultProperties, v *value) { p.RequestURI = v.raw },
	"id":                  func(p *KeyVaultProperties, v *value) { p.ID = v.str() },
	"httpStatusCode":      func(p *KeyVaultProperties, v *value) { p.HTTPStatusCode = v.optInt() },
	"PoolType":            func(p *KeyVaultProperties, v *value) { p.PoolType = v.str() },
	"PoolName":            func(p *KeyVaultProperties, v *value) { p.PoolName = v.str() },
	"sku_Family":          func(p *KeyVaultProperties, v *value) { p.SKUFamily = v.str() },
	"sku_Name":            func(p *KeyVaultProperties, v *value) { p.SKUName = v.str() },
	"subnetId":            func(p *KeyVaultProperties, v *value) { p.SubnetID = v.str() },
	"isAddressAuthorized": func(p *KeyVaultProperties, v *value) { p.IsAddressAuthorized = v.optBool() },
}

var keyVaultView = &view[KeyVaultProperties]{props: keyVaultFields, top: keyVaultFields}
