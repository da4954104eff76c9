package diagnostics

import (
	"net/netip"
	"time"

	"github.com/azlogs/azlogs"
)

// NSGProperties is the typed view of NetworkSecurityGroupEvent and
// NetworkSecurityGroupRuleCounter records: which rule applied to which
// NIC, and how often.
type NSGProperties struct {
	// VNetResourceGUID is the virtual network's GUID; real data wraps it in
	// braces ({…}).
	VNetResourceGUID string
	SubnetPrefix     string
	// MACAddress is written 00-0D-3A-92-6A-7C or 000D3A926A7C.
	MACAddress         string
	PrimaryIPv4Address netip.Addr
	// RuleName is the rule's name, or its full resource ID.
	RuleName string
	// Direction is In or Out.
	Direction string
	// Priority is the rule's priority (a string in the documentation).
	Priority azlogs.OptInt
	// Type is allow or deny.
	Type string
	// Conditions are the rule's conditions (event only).
	Conditions NSGConditions
	// MatchedConnections is how many connections the rule matched in the
	// five-minute window (rule counter only).
	MatchedConnections azlogs.OptInt
}

// NSGConditions are the conditions of the rule an NSG event names, as
// written in the rule.
type NSGConditions struct {
	Protocols            string
	DestinationPortRange string
	SourcePortRange      string
	SourceIP             string
	DestinationIP        string
}

// NSG returns the typed view of an NSG event or rule counter record, or nil.
func (p *Properties) NSG() *NSGProperties {
	v, _ := p.view.(*NSGProperties)
	return v
}

func (p *NSGProperties) check() (ps problems) {
	v := &ps
	oneOf(v, "/properties/type", p.Type, "allow", "deny", "Allow", "Deny")
	oneOf(v, "/properties/direction", p.Direction, "In", "Out")
	return ps
}

var nsgView = &view[NSGProperties]{props: fields[NSGProperties]{
	"vnetResourceGuid":   func(p *NSGProperties, v *value) { p.VNetResourceGUID = v.str() },
	"subnetPrefix":       func(p *NSGProperties, v *value) { p.SubnetPrefix = v.str() },
	"macAddress":         func(p *NSGProperties, v *value) { p.MACAddress = v.str() },
	"primaryIPv4Address": func(p *NSGProperties, v *value) { p.PrimaryIPv4Address = v.addr() },
	"ruleName":           func(p *NSGProperties, v *value) { p.RuleName = v.str() },
	"direction":          func(p *NSGProperties, v *value) { p.Direction = v.str() },
	"priority":           func(p *NSGProperties, v *value) { p.Priority = v.optInt() },
	"type":               func(p *NSGProperties, v *value) { p.Type = v.str() },
	"matchedConnections": func(p *NSGProperties, v *value) { p.MatchedConnections = v.optInt() },
	"conditions": func(p *NSGProperties, v *value) {
		v.each(func(key []byte, m value) {
			switch string(key) {
			case "protocols":
				p.Conditions.Protocols = m.str()
			case "destinationPortRange":
				p.Conditions.DestinationPortRange = m.str()
			case "sourcePortRange":
				p.Conditions.SourcePortRange = m.str()
			case "sourceIP":
				p.Conditions.SourceIP = m.str()
			case "destinationIP":
				p.Conditions.DestinationIP = m.str()
			}
		})
	},
}}

// LoadBalancerProperties is the typed view of LoadBalancerAlertEvent and
// LoadBalancerProbeHealthStatus records (public Basic load balancers).
type LoadBalancerProperties struct {
	// EventName is the alert's reason, such as Resource Limits Hit (alert).
	EventName string
	// EventDescription is, for example, Ports exhausted (alert).
	EventDescription string
	// EventProperties is the alert's details, an object whose keys hold
	// spaces ("public ip address"). Borrowed.
	EventProperties azlogs.RawJSON
	// PublicIPAddress is the front end's address (probe health), or the
	// alert's "public ip address".
	PublicIPAddress netip.Addr
	// Port is the probe's port (a string in the documentation).
	Port azlogs.OptInt
	// TotalDipCount is how many back-end instances there are.
	TotalDipCount azlogs.OptInt
	// DipDownCount is how many are out of rotation.
	DipDownCount azlogs.OptInt
	// HealthPercentage is the percentage healthy.
	HealthPercentage OptFloat
	// EventTimeStampUTC is eventTimeStampUtc, the time in the 2015 layout
	// (1/23/2016 2:27:07 AM), UTC.
	EventTimeStampUTC time.Time
}

// LoadBalancer returns the typed view of a load balancer record, or nil.
func (p *Properties) LoadBalancer() *LoadBalancerProperties {
	v, _ := p.view.(*LoadBalancerProperties)
	return v
}

func (p *LoadBalancerProperties) check() (ps problems) {
	v := &ps
	checkPort(v, "/properties/port", p.Port)
	if h := p.HealthPercentage; h.Valid && (h.Value < 0 || h.Value > 100) {
		v.Add("/properties/healthPercentage", azlogs.ErrRange, "not a percentage")
	}
	return ps
}

var loadBalancerView = &view[LoadBalancerProperties]{props: fields[LoadBalancerProperties]{
	"eventName":        func(p *LoadBalancerProperties, v *value) { p.EventName = v.str() },
	"eventDescription": func(p *LoadBalancerProperties, v *value) { p.EventDescription = v.str() },
	"eventProperties": func(p *LoadBalancerProperties, v *value) {
		p.EventProperties = v.raw
		v.each(func(key []byte, m value) {
			if string(key) == "public ip address" {
				p.PublicIPAddress = m.addr()
			}
		})
	},
	"publicIpAddress":   func(p *LoadBalancerProperties, v *value) { p.PublicIPAddress = v.addr() },
	"port":              func(p *LoadBalancerProperties, v *value) { p.Port = v.optInt() },
	"totalDipCount":     func(p *LoadBalancerProperties, v *value) { p.TotalDipCount = v.optInt() },
	"dipDownCount":      func(p *LoadBalancerProperties, v *value) { p.DipDownCount = v.optInt() },
	"healthPercentage":  func(p *LoadBalancerProperties, v *value) { p.HealthPercentage = v.optFloat() },
	"eventTimeStampUtc": func(p *LoadBalancerProperties, v *value) { p.EventTimeStampUTC = v.time() },
}}
