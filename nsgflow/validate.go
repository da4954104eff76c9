package nsgflow

import (
	"errors"

	"github.com/azlogs/azlogs"
)

// Validate checks the record against the schema of its kind and reports
// every problem in a *azlogs.ValidationError, each with its JSON pointer
// and one of the sentinels azlogs.ErrMissing, ErrInvalid and ErrRange. It
// allocates nothing for a valid record.
//
// It checks:
//   - the envelope: time, category (one of the two, and matching where the
//     tuples are), operationName, and per kind systemId and resourceId
//     (NSG) or flowLogGUID, flowLogResourceID, targetResourceID and
//     macAddress (VNet);
//   - the version: properties.Version 1 or 2 (NSG), flowLogVersion 4
//     (VNet);
//   - MAC addresses (the record's and each NSG group's): twelve hex
//     digits, no separators;
//   - the grouping: every rule, mac, aclID and flowTuples present;
//   - every tuple, parsed in the layout of the record's version, so that a
//     wrong number of fields, a port above 65535, an address or letter
//     that does not parse are reported at the tuple's pointer
//     (/properties/flows/1/flows/0/flowTuples/3), with the parser's
//     message as detail;
//   - counters against the flow state: begin tuples of version 2 carry
//     none; begin and denied tuples of version 4 carry none or zeros;
//     continuing and end tuples carry them; TCP and UDP tuples have
//     non-zero ports.
func (rec *Record) Validate() error {
	var v azlogs.Validator
	if rec.seen&seenTime == 0 {
		v.Add("/time", azlogs.ErrMissing, "")
	}
	switch {
	case rec.seen&seenCategory == 0:
		v.Add("/category", azlogs.ErrMissing, "")
	case rec.Category != CategoryNSG && rec.Category != CategoryVNet:
		v.Add("/category", azlogs.ErrInvalid, "want NetworkSecurityGroupFlowEvent or FlowLogFlowEvent")
	case rec.Kind == KindNSG && rec.Category != CategoryNSG:
		v.Add("/category", azlogs.ErrInvalid, "an NSG record (properties.flows) has category NetworkSecurityGroupFlowEvent")
	case rec.Kind == KindVNet && rec.Category != CategoryVNet:
		v.Add("/category", azlogs.ErrInvalid, "a VNet record (flowRecords) has category FlowLogFlowEvent")
	}
	if rec.seen&seenOperation == 0 {
		v.Add("/operationName", azlogs.ErrMissing, "")
	}
	if rec.seen&seenMAC != 0 && !validMAC(rec.MACAddress) {
		v.Add("/macAddress", azlogs.ErrInvalid, "want 12 hex digits")
	}
	switch rec.Kind {
	case KindNSG:
		if rec.seen&seenSystemID == 0 {
			v.Add("/systemId", azlogs.ErrMissing, "")
		}
		if rec.seen&seenResourceID == 0 {
			v.Add("/resourceId", azlogs.ErrMissing, "")
		}
		switch {
		case rec.seen&seenPropsVersion == 0:
			v.Add("/properties/Version", azlogs.ErrMissing, "")
		case rec.Version != 1 && rec.Version != 2:
			v.Add("/properties/Version", azlogs.ErrRange, "want 1 or 2")
		}
		if rec.seen&seenFlows == 0 {
			v.Add("/properties/flows", azlogs.ErrMissing, "")
		}
	case KindVNet:
		if rec.seen&seenGUID == 0 {
			v.Add("/flowLogGUID", azlogs.ErrMissing, "")
		}
		if rec.seen&seenFlowLogResourceID == 0 {
			v.Add("/flowLogResourceID", azlogs.ErrMissing, "")
		}
		if rec.seen&seenTarget == 0 {
			v.Add("/targetResourceID", azlogs.ErrMissing, "")
		}
		if rec.seen&seenMAC == 0 {
			v.Add("/macAddress", azlogs.ErrMissing, "")
		}
		switch {
		case rec.seen&seenVersion == 0:
			v.Add("/flowLogVersion", azlogs.ErrMissing, "")
		case rec.Version != 4:
			v.Add("/flowLogVersion", azlogs.ErrRange, "want 4")
		}
		if rec.seen&seenFlows == 0 {
			v.Add("/flowRecords/flows", azlogs.ErrMissing, "")
		}
	default:
		v.Add("/properties", azlogs.ErrMissing, "neither properties.flows nor flowRecords")
	}
	rec.validateGroups(&v)
	return v.Err()
}

func (rec *Record) validateGroups(v *azlogs.Validator) {
	vnet := rec.Kind == KindVNet
	for oi := range rec.outers {
		o := &rec.outers[oi]
		if !o.hasKey {
			name := "/rule"
			if vnet {
				name = "/aclID"
			}
			v.Add(rec.outerPointer(oi)+name, azlogs.ErrMissing, "")
		}
		if !o.hasList {
			name := "/flows"
			if vnet {
				name = "/flowGroups"
			}
			v.Add(rec.outerPointer(oi)+name, azlogs.ErrMissing, "")
		}
	}
	version := rec.tupleVersion()
	c := rec.addrs.claim()
	defer c.release()
	for g := range rec.inners {
		in := &rec.inners[g]
		switch {
		case !in.hasKey && vnet:
			v.Add(rec.groupPointer(g)+"/rule", azlogs.ErrMissing, "")
		case !in.hasKey:
			v.Add(rec.groupPointer(g)+"/mac", azlogs.ErrMissing, "")
		case !vnet && !validMAC(in.key):
			v.Add(rec.groupPointer(g)+"/mac", azlogs.ErrInvalid, "want 12 hex digits")
		}
		if !in.hasTuples {
			v.Add(rec.groupPointer(g)+"/flowTuples", azlogs.ErrMissing, "")
		}
		for i := in.first; i < in.end; i++ {
			t, err := parseTuple(rec.TupleText(int(i)), version, c)
			if err != nil {
				cause := azlogs.ErrInvalid
				if errors.Is(err, azlogs.ErrRange) {
					cause = azlogs.ErrRange
				}
				detail := err.Error()
				var pe *ParseError
				if errors.As(err, &pe) {
					detail = pe.Msg
				}
				v.Add(rec.groupTuplePointer(g, int(i)), cause, detail)
				continue
			}
			if why := t.inconsistency(); why != "" {
				v.Add(rec.groupTuplePointer(g, int(i)), azlogs.ErrInvalid, why)
			}
		}
	}
}

// inconsistency says what in a parsed tuple contradicts the schema, or "".
func (t Tuple) inconsistency() string {
	if (t.proto == TCP || t.proto == UDP) && (t.srcPort == 0 || t.dstPort == 0) {
		return "port 0 in a TCP or UDP tuple"
	}
	c, ok := t.Counters()
	switch t.version {
	case 2:
		switch {
		case t.state == Begin && ok:
			return "begin tuple with counters"
		case t.state != Begin && !ok:
			return "continuing or end tuple without counters"
		}
	case 4:
		switch {
		case (t.state == Begin || t.state == Denied) && ok && c != (Counters{}):
			return "begin or denied tuple with non-zero counters"
		case (t.state == Continuing || t.state == End) && !ok:
			return "continuing or end tuple without counters"
		}
	}
	return ""
}

func (rec *Record) outerPointer(oi int) string {
	if rec.Kind == KindVNet {
		return "/flowRecords/flows/" + itoa(oi)
	}
	return "/properties/flows/" + itoa(oi)
}

// validMAC reports whether s is twelve hex digits, as Azure writes MACs.
func validMAC(s string) bool {
	if len(s) != 12 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'A' <= c && c <= 'F' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
