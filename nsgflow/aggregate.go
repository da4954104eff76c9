package nsgflow

import (
	"cmp"
	"net/netip"
	"slices"
)

// FlowKey is a flow's 5-tuple: what stays the same across the begin,
// continuing and end tuples of one flow. It is comparable, for map keys.
type FlowKey struct {
	Src, Dst         netip.Addr
	SrcPort, DstPort uint16
	Protocol         Protocol
}

// Key returns the tuple's 5-tuple.
func (t Tuple) Key() FlowKey {
	return FlowKey{Src: t.src, Dst: t.dst, SrcPort: t.srcPort, DstPort: t.dstPort, Protocol: t.proto}
}

// Stats adds up tuples.
type Stats struct {
	// Tuples counts the tuples added.
	Tuples uint64
	// Denied counts the tuples whose Decision is Deny.
	Denied uint64
	// Packets and Bytes add up the counters of both directions. Counters
	// are increments since the previous tuple of the same flow, so the
	// sums are the traffic seen.
	Packets, Bytes uint64
	// First and Last are the smallest and largest tuple times, in Unix
	// milliseconds.
	First, Last int64
}

// Add counts t.
func (s *Stats) Add(t Tuple) {
	ms := t.epoch
	if t.flags&flagMillis == 0 {
		ms *= 1000
	}
	if s.Tuples == 0 || ms < s.First {
		s.First = ms
	}
	if s.Tuples == 0 || ms > s.Last {
		s.Last = ms
	}
	s.Tuples++
	if t.decision == Deny {
		s.Denied++
	}
	s.Packets += t.counters.SrcToDstPackets + t.counters.DstToSrcPackets
	s.Bytes += t.counters.SrcToDstBytes + t.counters.DstToSrcBytes
}

// RuleKey names a rule across records. Rule names repeat from one NSG to
// the next (every NSG has DefaultRule_DenyAllInBound), so the key holds
// what evaluated the rule too: the NSG's resource ID for NSG records, the
// aclID for VNet records.
type RuleKey struct {
	ACL  string
	Rule string
}

// Summary aggregates records: flows by 5-tuple, traffic per rule and per
// source address, and denied flows. Its maps grow with the number of
// distinct flows, rules and addresses, not with the number of tuples:
// once a key is known, adding a tuple allocates nothing. The zero Summary
// is ready to use; it is not safe for concurrent use.
//
// A collector or a stats command needs little more than:
//
//	var sum nsgflow.Summary
//	for dec.Next() {
//		sum.AddRecord(dec.Record())
//	}
//	top := sum.TopTalkers(10)
//	denied := sum.DeniedFlows(10)
//	rules := sum.TopRules(10)
type Summary struct {
	// Records and Tuples count what was added; BadTuples counts the
	// malformed tuples, which are skipped.
	Records, Tuples, BadTuples uint64
	// Flows holds the traffic of every 5-tuple.
	Flows map[FlowKey]Stats
	// Rules holds the traffic each rule matched.
	Rules map[RuleKey]Stats
	// Sources holds the traffic of each source address.
	Sources map[netip.Addr]Stats
	// Total adds up every tuple.
	Total Stats
}

// AddRecord adds every tuple of rec, under its group's rule.
func (s *Summary) AddRecord(rec *Record) {
	if s.Flows == nil {
		s.Flows = make(map[FlowKey]Stats)
		s.Rules = make(map[RuleKey]Stats)
		s.Sources = make(map[netip.Addr]Stats)
	}
	s.Records++
	v := rec.tupleVersion()
	c := rec.addrs.claim()
	defer c.release()
	for g := range rec.inners {
		in := &rec.inners[g]
		o := &rec.outers[in.outer]
		rk := RuleKey{ACL: rec.ResourceID, Rule: o.key}
		if rec.Kind == KindVNet {
			rk = RuleKey{ACL: o.key, Rule: in.key}
		}
		rs := s.Rules[rk]
		for i := in.first; i < in.end; i++ {
			var t Tuple // parsed in place: see parseInto
			sp := rec.spans[i]
			if t.parseInto(rec.text(sp), rec.commaMask(sp), v, c) != nil {
				s.BadTuples++
				continue
			}
			s.Tuples++
			rs.Add(t)
			s.Total.Add(t)
			k := t.Key()
			fs := s.Flows[k]
			fs.Add(t)
			s.Flows[k] = fs
			ss := s.Sources[k.Src]
			ss.Add(t)
			s.Sources[k.Src] = ss
		}
		s.Rules[rk] = rs
	}
}

// Add adds one tuple under rule.
func (s *Summary) Add(rule RuleKey, t Tuple) {
	if s.Flows == nil {
		s.Flows = make(map[FlowKey]Stats)
		s.Rules = make(map[RuleKey]Stats)
		s.Sources = make(map[netip.Addr]Stats)
	}
	s.Tuples++
	s.Total.Add(t)
	rs := s.Rules[rule]
	rs.Add(t)
	s.Rules[rule] = rs
	k := t.Key()
	fs := s.Flows[k]
	fs.Add(t)
	s.Flows[k] = fs
	ss := s.Sources[k.Src]
	ss.Add(t)
	s.Sources[k.Src] = ss
}

// Reset empties s, keeping its maps' memory.
func (s *Summary) Reset() {
	clear(s.Flows)
	clear(s.Rules)
	clear(s.Sources)
	s.Records, s.Tuples, s.BadTuples, s.Total = 0, 0, 0, Stats{}
}

// Ranked is one entry of a top list: a key and its traffic.
type Ranked[K comparable] struct {
	Key   K
	Stats Stats
}

// TopTalkers returns the n source addresses that sent the most bytes
// (then the most tuples), largest first.
func (s *Summary) TopTalkers(n int) []Ranked[netip.Addr] {
	return top(s.Sources, n, byBytes[netip.Addr], nil)
}

// TopRules returns the n rules that matched the most bytes (then the
// most tuples), largest first.
func (s *Summary) TopRules(n int) []Ranked[RuleKey] {
	return top(s.Rules, n, byBytes[RuleKey], nil)
}

// TopFlows returns the n 5-tuples with the most bytes (then the most
// tuples), largest first.
func (s *Summary) TopFlows(n int) []Ranked[FlowKey] {
	return top(s.Flows, n, byBytes[FlowKey], nil)
}

// DeniedFlows returns the n 5-tuples denied most often, most first.
func (s *Summary) DeniedFlows(n int) []Ranked[FlowKey] {
	return top(s.Flows, n, byDenied[FlowKey], func(st Stats) bool { return st.Denied > 0 })
}

// DeniedSources returns the n source addresses denied most often, most
// first: the scanners knocking on an NSG.
func (s *Summary) DeniedSources(n int) []Ranked[netip.Addr] {
	return top(s.Sources, n, byDenied[netip.Addr], func(st Stats) bool { return st.Denied > 0 })
}

func byBytes[K comparable](a, b Ranked[K]) int {
	if c := cmp.Compare(b.Stats.Bytes, a.Stats.Bytes); c != 0 {
		return c
	}
	return cmp.Compare(b.Stats.Tuples, a.Stats.Tuples)
}

func byDenied[K comparable](a, b Ranked[K]) int {
	if c := cmp.Compare(b.Stats.Denied, a.Stats.Denied); c != 0 {
		return c
	}
	return cmp.Compare(b.Stats.Tuples, a.Stats.Tuples)
}

// top returns the n largest entries of m by less, among those keep
// accepts (all when nil). Ties are broken by the keys' text, so that the
// result does not depend on map order.
func top[K comparable](m map[K]Stats, n int, order func(a, b Ranked[K]) int, keep func(Stats) bool) []Ranked[K] {
	if n <= 0 {
		return nil
	}
	all := make([]Ranked[K], 0, len(m))
	for k, st := range m {
		if keep == nil || keep(st) {
			all = append(all, Ranked[K]{k, st})
		}
	}
	slices.SortFunc(all, func(a, b Ranked[K]) int {
		if c := order(a, b); c != 0 {
			return c
		}
		return compareKeys(a.Key, b.Key)
	})
	if len(all) > n {
		all = all[:n:n]
	}
	return all
}

func compareKeys[K comparable](a, b K) int {
	switch x := any(a).(type) {
	case netip.Addr:
		return x.Compare(any(b).(netip.Addr))
	case RuleKey:
		y := any(b).(RuleKey)
		if c := cmp.Compare(x.ACL, y.ACL); c != 0 {
			return c
		}
		return cmp.Compare(x.Rule, y.Rule)
	case FlowKey:
		y := any(b).(FlowKey)
		if c := x.Src.Compare(y.Src); c != 0 {
			return c
		}
		if c := x.Dst.Compare(y.Dst); c != 0 {
			return c
		}
		if c := cmp.Compare(x.SrcPort, y.SrcPort); c != 0 {
			return c
		}
		if c := cmp.Compare(x.DstPort, y.DstPort); c != 0 {
			return c
		}
		return cmp.Compare(x.Protocol, y.Protocol)
	}
	return 0
}
