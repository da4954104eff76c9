package diagnostics

import (
	"bytes"
	"net/netip"

	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/internal/decoding"
	"github.com/azlogs/azlogs/internal/netaddr"
)

// FirewallProperties is the typed view of Azure Firewall rule logs, in
// both generations: the legacy categories (AzureFirewallNetworkRule,
// AzureFirewallApplicationRule, AzureFirewallDnsProxy) write one free-text
// properties.msg, which is parsed into the fields below; the structured
// AZFW* categories write the fields as members.
//
// A legacy message reads, in its variants:
//
//	TCP request from 10.0.0.4:50306 to 10.1.0.4:3389. Action: Allow.. Rule Collection: C. Rule: R
//	ICMP Type=8 request from 10.0.0.4 to 10.1.0.4. Action: Deny.
//	TCP request from 10.0.0.4:50306 to 10.1.0.4:3389 was DNAT'ed to 10.0.0.2:3389. Rule Collection: DNAT. Rule: r
//	HTTP request from 10.0.0.4:54314 to example.com:80. Url: example.com. Action: Deny. ThreatIntel: Bot Networks
//	TCP request from 10.0.0.4:51890 to 10.1.0.4:443. Action: drop. Signature: 2028816. IDS: …. Priority: 3. Classification: …
type FirewallProperties struct {
	// Msg is the legacy message as written. Borrowed.
	Msg azlogs.RawJSON
	// Protocol is TCP, UDP, ICMP, HTTP, HTTPS, …
	Protocol string
	// ICMPType is the Type=N of an ICMP message.
	ICMPType   azlogs.OptInt
	SourceIP   netip.Addr
	SourcePort azlogs.OptInt
	// DestinationIP is the destination when it is an address;
	// DestinationFQDN when it is a host name (application rules).
	DestinationIP   netip.Addr
	DestinationFQDN string
	DestinationPort azlogs.OptInt
	// TranslatedIP and TranslatedPort are where a NAT rule sent the
	// traffic ("was DNAT'ed to").
	TranslatedIP   netip.Addr
	TranslatedPort azlogs.OptInt
	// Action is Allow, Deny, Drop, Alert, … as written.
	Action       string
	ActionReason string
	Policy       string
	// RuleCollectionGroup, RuleCollection and Rule name the matching rule.
	RuleCollectionGroup string
	RuleCollection      string
	Rule                string
	// URL is the legacy "Url:", the host name of an application rule's
	// request, read from the message (so kept as a string), or the member
	// Url of the same meaning.
	URL string
	// TargetURL is the structured categories' request URL, with its path and
	// query string when TLS is inspected. It is unique per request, so it is
	// kept as its JSON value (a string), borrowed until the decoder's next
	// Next; Text returns the string.
	TargetURL azlogs.RawJSON
	Fqdn      string
	// WebCategory is the web category of an application rule.
	WebCategory            string
	IsTLSInspected         azlogs.OptBool
	IsExplicitProxyRequest azlogs.OptBool
	// ThreatIntel is the legacy "ThreatIntel:" text; ThreatDescription the
	// structured one.
	ThreatIntel       string
	ThreatDescription string
	// IDS fields: Signature, the IDS rule's description, priority and
	// classification.
	Signature      string
	IDSDescription string
	Priority       azlogs.OptInt
	Classification string
}

// Firewall returns the typed view of an Azure Firewall rule log record,
// legacy or structured, or nil.
func (p *Properties) Firewall() *FirewallProperties {
	v, _ := p.view.(*FirewallProperties)
	return v
}

func (p *FirewallProperties) clientIP() netip.Addr { return p.SourceIP }

func (p *FirewallProperties) check() (ps problems) {
	v := &ps
	checkPort(v, "/properties/SourcePort", p.SourcePort)
	checkPort(v, "/properties/DestinationPort", p.DestinationPort)
	return ps
}

type fw = FirewallProperties

var firewallView = &view[fw]{props: fields[fw]{
	"msg":                    func(p *fw, v *value) { p.Msg = v.raw; p.parseMsg(v) },
	"Action":                 func(p *fw, v *value) { p.Action = v.str() },
	"ActionReason":           func(p *fw, v *value) { p.ActionReason = v.str() },
	"DestinationIp":          func(p *fw, v *value) { p.DestinationIP = v.addr() },
	"DestinationPort":        func(p *fw, v *value) { p.DestinationPort = v.optInt() },
	"Fqdn":                   func(p *fw, v *value) { p.Fqdn = v.str() },
	"IsExplicitProxyRequest": func(p *fw, v *value) { p.IsExplicitProxyRequest = v.optBool() },
	"IsTlsInspected":         func(p *fw, v *value) { p.IsTLSInspected = v.optBool() },
	"Policy":                 func(p *fw, v *value) { p.Policy = v.str() },
	"Protocol":               func(p *fw, v *value) { p.Protocol = v.str() },
	"Rule":                   func(p *fw, v *value) { p.Rule = v.str() },
	"RuleCollection":         func(p *fw, v *value) { p.RuleCollection = v.str() },
	"RuleCollectionGroup":    func(p *fw, v *value) { p.RuleCollectionGroup = v.str() },
	"SourceIp":               func(p *fw, v *value) { p.SourceIP = v.addr() },
	"SourcePort":             func(p *fw, v *value) { p.SourcePort = v.optInt() },
	"TargetUrl":              func(p *fw, v *value) { p.TargetURL = v.raw },
	"Url":                    func(p *fw, v *value) { p.URL = v.str() },
	"WebCategory":            func(p *fw, v *value) { p.WebCategory = v.str() },
	"ThreatDescription":      func(p *fw, v *value) { p.ThreatDescription = v.str() },
	"TranslatedIp":           func(p *fw, v *value) { p.TranslatedIP = v.addr() },
	"TranslatedPort":         func(p *fw, v *value) { p.TranslatedPort = v.optInt() },
	"SignatureId":            func(p *fw, v *value) { p.Signature = v.str() },
	"Description":            func(p *fw, v *value) { p.IDSDescription = v.str() },
	"Category":               func(p *fw, v *value) { p.Classification = v.str() },
	"Severity":               func(p *fw, v *value) { p.Priority = v.optInt() },
}}

// parseMsg reads a legacy message into p. Parts it does not recognize are
// left in Msg only.
func (p *FirewallProperties) parseMsg(v *value) {
	msg, _, ok := v.scalar()
	if !ok {
		return
	}
	head, rest, ok := bytes.Cut(msg, []byte(" request from "))
	if !ok {
		return
	}
	proto, icmp, _ := bytes.Cut(head, []byte(" Type="))
	p.Protocol = v.part("Protocol", proto)
	if n, ok := decoding.ParseInt(icmp); ok {
		p.ICMPType = azlogs.NewOptInt(n)
	}
	src, rest, ok := bytes.Cut(rest, []byte(" to "))
	if !ok {
		return
	}
	p.SourceIP, p.SourcePort = hostPort(src)
	end := bytes.Index(rest, []byte(". "))
	natIn := rest
	if end >= 0 {
		natIn = rest[:end] // a translation is told before the first ". "
	}
	nat := bytes.Index(natIn, []byte(" was DNAT'ed to "))
	var dst []byte
	switch {
	case nat >= 0 && (end < 0 || nat < end):
		dst = rest[:nat]
		rest = rest[nat+len(" was DNAT'ed to "):]
		to := rest
		if i := bytes.Index(rest, []byte(". ")); i >= 0 {
			to, rest = rest[:i], rest[i:]
		} else {
			rest = nil
		}
		p.TranslatedIP, p.TranslatedPort = hostPort(bytes.TrimSuffix(to, []byte(".")))
	case end >= 0:
		dst, rest = rest[:end], rest[end:]
	default:
		dst, rest = bytes.TrimSuffix(rest, []byte(".")), nil
	}
	p.DestinationIP, p.DestinationPort = hostPort(dst)
	if !p.DestinationIP.IsValid() {
		host := dst
		if i := bytes.LastIndexByte(dst, ':'); i >= 0 {
			host = dst[:i]
		}
		p.DestinationFQDN = v.part("DestinationFQDN", host)
	}
	// The rest is ". Key: value" parts; values may end with a stray '.'.
	for len(rest) > 0 {
		rest = bytes.TrimLeft(rest, ". ")
		part := rest
		if i := bytes.Index(rest, []byte(". ")); i >= 0 {
			part, rest = rest[:i], rest[i:]
		} else {
			rest = nil
		}
		part = bytes.TrimRight(part, ". ")
		key, val, ok := bytes.Cut(part, []byte(": "))
		if !ok {
			if len(part) > 0 && p.ActionReason == "" {
				p.ActionReason = v.part("Reason", part) // "No rule matched"
			}
			continue
		}
		switch string(key) {
		case "Action":
			p.Action = v.part("Action", val)
		case "Policy":
			p.Policy = v.part("Policy", val)
		case "Rule Collection Group":
			p.RuleCollectionGroup = v.part("Rule Collection Group", val)
		case "Rule Collection":
			p.RuleCollection = v.part("Rule Collection", val)
		case "Rule":
			p.Rule = v.part("Rule", val)
		case "Url":
			p.URL = v.part("Url", val)
		case "ThreatIntel":
			p.ThreatIntel = v.part("ThreatIntel", val)
		case "Signature":
			p.Signature = v.part("Signature", val)
		case "IDS":
			p.IDSDescription = v.part("IDS", val)
		case "Priority":
			if n, ok := decoding.ParseInt(val); ok {
				p.Priority = azlogs.NewOptInt(n)
			}
		case "Classification":
			p.Classification = v.part("Classification", val)
		case "Reason":
			p.ActionReason = v.part("Reason", val)
		}
	}
}

// hostPort splits "ip:port", "ip:" or "ip" (IPv6 in brackets when a port
// follows).
func hostPort(b []byte) (netip.Addr, azlogs.OptInt) {
	b = bytes.TrimSpace(b)
	if a, port, ok := netaddr.ParseCallerIP(b); ok {
		if port != 0 {
			return a, azlogs.NewOptInt(int64(port))
		}
		return a, azlogs.OptInt{}
	}
	if i := bytes.LastIndexByte(b, ':'); i >= 0 {
		a, _ := netaddr.ParseAddr(b[:i])
		var port azlogs.OptInt
		if n, ok := decoding.ParseInt(b[i+1:]); ok {
			port = azlogs.NewOptInt(n)
		}
		return a, port
	}
	return netip.Addr{}, azlogs.OptInt{}
}

// FirewallDNSProperties is the typed view of AZFWDnsQuery records: DNS
// proxy queries.
type FirewallDNSProperties struct {
	SourceIP   netip.Addr
	SourcePort azlogs.OptInt
	QueryID    azlogs.OptInt
	QueryType  string
	QueryClass string
	// QueryName is the name looked up; names are bounded by what an
	// environment resolves, so it is a string.
	QueryName           string
	Protocol            string
	RequestSize         azlogs.OptInt
	DnssecOkBit         azlogs.OptBool
	EDNS0BufferSize     azlogs.OptInt
	ResponseCode        string
	ResponseFlags       string
	ResponseSize        azlogs.OptInt
	RequestDurationSecs OptFloat
	ErrorNumber         azlogs.OptInt
	// ErrorMessage is the resolver's error, which names the addresses and
	// ports of the exchange. It is unique per request, so it is kept as its
	// JSON value (a string), borrowed until the decoder's next Next; Text
	// returns the string.
	ErrorMessage azlogs.RawJSON
}

// FirewallDNS returns the typed view of an AZFWDnsQuery record, or nil.
func (p *Properties) FirewallDNS() *FirewallDNSProperties {
	v, _ := p.view.(*FirewallDNSProperties)
	return v
}

func (p *FirewallDNSProperties) clientIP() netip.Addr { return p.SourceIP }

type fwDNS = FirewallDNSProperties

var firewallDNSView = &view[fwDNS]{props: fields[fwDNS]{
	"SourceIp":            func(p *fwDNS, v *value) { p.SourceIP = v.addr() },
	"SourcePort":          func(p *fwDNS, v *value) { p.SourcePort = v.optInt() },
	"QueryId":             func(p *fwDNS, v *value) { p.QueryID = v.optInt() },
	"QueryType":           func(p *fwDNS, v *value) { p.QueryType = v.str() },
	"QueryClass":          func(p *fwDNS, v *value) { p.QueryClass = v.str() },
	"QueryName":           func(p *fwDNS, v *value) { p.QueryName = v.str() },
	"Protocol":            func(p *fwDNS, v *value) { p.Protocol = v.str() },
	"RequestSize":         func(p *fwDNS, v *value) { p.RequestSize = v.optInt() },
	"DnssecOkBit":         func(p *fwDNS, v *value) { p.DnssecOkBit = v.optBool() },
	"EDNS0BufferSize":     func(p *fwDNS, v *value) { p.EDNS0BufferSize = v.optInt() },
	"ResponseCode":        func(p *fwDNS, v *value) { p.ResponseCode = v.str() },
	"ResponseFlags":       func(p *fwDNS, v *value) { p.ResponseFlags = v.str() },
	"ResponseSize":        func(p *fwDNS, v *value) { p.ResponseSize = v.optInt() },
	"RequestDurationSecs": func(p *fwDNS, v *value) { p.RequestDurationSecs = v.optFloat() },
	"ErrorNumber":         func(p *fwDNS, v *value) { p.ErrorNumber = v.optInt() },
	"ErrorMessage":        func(p *fwDNS, v *value) { p.ErrorMessage = v.raw },
}}
