package diagnostics

import "github.com/azlogs/azlogs"

// aksCategoryNames are the AKS control-plane categories.
var aksCategoryNames = []string{"kube-audit", "kube-audit-admin", "kube-apiserver", "kube-controller-manager",
	"kube-scheduler", "cluster-autoscaler", "guard", "cloud-controller-manager", "csi-azuredisk-controller",
	"csi-azurefile-controller", "csi-snapshot-controller"}

// AKSProperties is the typed view of AKS control-plane records (kube-audit
// and the other component logs). properties.log holds the component's line;
// for kube-audit it is a Kubernetes audit event as JSON in a string, which
// Log.Embedded decodes.
type AKSProperties struct {
	// Log is the log line, a JSON string. Borrowed.
	Log         azlogs.RawJSON
	Pod         string
	Stream      string
	ContainerID string
	// Top-level members AKS adds.
	CCPNamespace string
	Cloud        string
	Environment  string
}

// AKS returns the typed view of an AKS control-plane record, or nil.
func (p *Properties) AKS() *AKSProperties {
	v, _ := p.view.(*AKSProperties)
	return v
}

var aksView = &view[AKSProperties]{
	props: fields[AKSProperties]{
		"log":         func(p *AKSProperties, v *value) { p.Log = v.raw },
		"pod":         func(p *AKSProperties, v *value) { p.Pod = v.str() },
		"stream":      func(p *AKSProperties, v *value) { p.Stream = v.str() },
		"containerID": func(p *AKSProperties, v *value) { p.ContainerID = v.str() },
	},
	top: fields[AKSProperties]{
		"ccpNamespace": func(p *AKSProperties, v *value) { p.CCPNamespace = v.str() },
		"Cloud":        func(p *AKSProperties, v *value) { p.Cloud = v.str() },
		"Environment":  func(p *AKSProperties, v *value) { p.Environment = v.str() },
	},
}
