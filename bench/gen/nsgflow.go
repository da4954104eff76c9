package gen

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"time"
)

// FlowLogs writes flow-log blobs to w, one {"records":[…]} document per
// line, NSG version 2 and VNet version 4 alternating, until at least size
// bytes are written. The output depends only on seed.
func FlowLogs(w io.Writer, size int64, seed int64) (FlowCounts, error) {
	g := NewFlowGenerator(seed)
	err := g.Fill(w, size)
	return g.Counts, err
}

// FlowCounts counts what a FlowGenerator wrote.
type FlowCounts struct {
	Blobs, NSGRecords, VNetRecords, NSGTuples, VNetTuples int
}

// FlowGenerator writes PT1H.json blobs of NSG flow logs (version 2) and
// VNet flow logs (version 4) as Network Watcher does for a busy network:
// each blob is one NIC and one hour, up to 60 records of one minute, and
// each record holds thousands of tuples. A small network talks to a few
// hundred addresses: a few dozen private ones (its VMs) and a few hundred
// public ones (services it calls, scanners knocking), so addresses, ports,
// rules and MACs repeat as in real logs, while times and counters change
// from tuple to tuple.
type FlowGenerator struct {
	rng  *rand.Rand
	at   time.Time
	blob int
	// Counts counts what the generator has written.
	Counts FlowCounts

	// RecordsPerBlob is the number of one-minute records in a blob (60).
	RecordsPerBlob int
	// MinTuples and MaxTuples bound the tuples of one record (1000, 4000).
	MinTuples, MaxTuples int

	private, public, scanner []string
	macs                     []string
	nsgs                     []string
	flowLogs                 []string
	targets                  []string
	acls                     []string
	buf                      []byte
}

// NewFlowGenerator returns a generator with its own address, rule and
// resource pools.
func NewFlowGenerator(seed int64) *FlowGenerator {
	g := &FlowGenerator{
		rng:            rand.New(rand.NewPCG(uint64(seed), 0x6e7367666c6f77)),
		at:             time.Date(2024, 12, 31, 9, 0, 0, 0, time.UTC),
		RecordsPerBlob: 60,
		MinTuples:      1000,
		MaxTuples:      4000,
	}
	for i := 0; i < 40; i++ {
		g.private = append(g.private, fmt.Sprintf("10.%d.%d.%d", 1+i%3, i/10, 4+i))
	}
	for i := 0; i < 200; i++ {
		g.public = append(g.public, g.ipv4())
	}
	for i := 0; i < 150; i++ {
		g.scanner = append(g.scanner, g.ipv4())
	}
	for i := 0; i < 16; i++ {
		g.macs = append(g.macs, fmt.Sprintf("000D3A%06X", g.rng.IntN(1<<24)))
	}
	for i := 0; i < 8; i++ {
		sub := g.guid()
		g.nsgs = append(g.nsgs, "/SUBSCRIPTIONS/"+upper(sub)+"/RESOURCEGROUPS/RG-"+strconv.Itoa(i)+
			"/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/VM"+strconv.Itoa(i)+"-NSG")
		g.flowLogs = append(g.flowLogs, "/SUBSCRIPTIONS/"+upper(sub)+"/RESOURCEGROUPS/NETWORKWATCHERRG/PROVIDERS/MICROSOFT.NETWORK/NETWORKWATCHERS/NETWORKWATCHER_WESTUS/FLOWLOGS/VNET"+strconv.Itoa(i)+"-FLOWLOG")
		g.targets = append(g.targets, "/subscriptions/"+sub+"/resourceGroups/rg-"+strconv.Itoa(i)+"/providers/Microsoft.Network/virtualNetworks/vnet"+strconv.Itoa(i))
		g.acls = append(g.acls, "/subscriptions/"+sub+"/resourceGroups/rg-"+strconv.Itoa(i)+"/providers/Microsoft.Network/networkSecurityGroups/vm"+strconv.Itoa(i)+"-nsg")
	}
	return g
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

func (g *FlowGenerator) guid() string {
	const hex = "0123456789abcdef"
	b := make([]byte, 36)
	for i := range b {
		switch i {
		case 8, 13, 18, 23:
			b[i] = '-'
		default:
			b[i] = hex[g.rng.IntN(16)]
		}
	}
	return string(b)
}

func (g *FlowGenerator) ipv4() string {
	return fmt.Sprintf("%d.%d.%d.%d", 13+g.rng.IntN(200), g.rng.IntN(256), g.rng.IntN(256), 1+g.rng.IntN(254))
}

// Fill writes blobs to w, one per line, until at least size bytes are
// written.
func (g *FlowGenerator) Fill(w io.Writer, size int64) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	for written := int64(0); written < size; {
		g.buf = g.Blob(g.buf[:0])
		g.buf = append(g.buf, '\n')
		if _, err := bw.Write(g.buf); err != nil {
			return err
		}
		written += int64(len(g.buf))
	}
	return bw.Flush()
}

// Blob appends the next blob (one NIC, one hour) to dst: NSG and VNet
// blobs alternate.
func (g *FlowGenerator) Blob(dst []byte) []byte {
	vnet := g.blob%2 == 1
	g.blob++
	g.Counts.Blobs++
	i := g.rng.IntN(len(g.nsgs))
	mac := g.macs[g.rng.IntN(len(g.macs))]
	systemID := g.guid()
	guid := g.guid()
	dst = append(dst, `{"records":[`...)
	for r := 0; r < g.RecordsPerBlob; r++ {
		if r > 0 {
			dst = append(dst, ',')
		}
		minute := g.at.Add(time.Duration(r)*time.Minute + time.Duration(g.rng.IntN(1e9)))
		if vnet {
			dst = g.vnetRecord(dst, minute, i, mac, guid)
		} else {
			dst = g.nsgRecord(dst, minute, i, mac, systemID)
		}
	}
	g.at = g.at.Add(time.Hour)
	return append(dst, "]}"...)
}

var nsgRules = []struct {
	name     string
	inbound  bool
	deny     bool
	weight   int
	dstPorts []int
}{
	{"DefaultRule_AllowInternetOutBound", false, false, 40, []int{443, 443, 443, 80, 123, 53}},
	{"DefaultRule_DenyAllInBound", true, true, 25, nil},
	{"DefaultRule_AllowVnetInBound", true, false, 10, []int{22, 443, 5432, 6379, 8080}},
	{"DefaultRule_AllowVnetOutBound", false, false, 10, []int{443, 5432, 6379, 8080, 53}},
	{"UserRule_default-allow-ssh", true, false, 5, []int{22}},
	{"UserRule_allow-https", true, false, 8, []int{443}},
	{"UserRule_deny-smb", true, true, 2, []int{445}},
}

// pickRule chooses a rule by weight.
func (g *FlowGenerator) pickRule() int {
	n := g.rng.IntN(100)
	for i, r := range nsgRules {
		if n < r.weight {
			return i
		}
		n -= r.weight
	}
	return 0
}

// tupleCounts splits a record's tuples among its rules.
func (g *FlowGenerator) tupleCounts() [8]int {
	var c [8]int
	n := g.MinTuples + g.rng.IntN(g.MaxTuples-g.MinTuples+1)
	for i := 0; i < n; i++ {
		c[g.pickRule()]++
	}
	return c
}

func (g *FlowGenerator) nsgRecord(dst []byte, at time.Time, i int, mac, systemID string) []byte {
	g.Counts.NSGRecords++
	dst = append(dst, `{"time":"`...)
	dst = at.AppendFormat(dst, "2006-01-02T15:04:05.0000000Z")
	dst = append(dst, `","systemId":"`...)
	dst = append(dst, systemID...)
	dst = append(dst, `","macAddress":"`...)
	dst = append(dst, mac...)
	dst = append(dst, `","category":"NetworkSecurityGroupFlowEvent","resourceId":"`...)
	dst = append(dst, g.nsgs[i]...)
	dst = append(dst, `","operationName":"NetworkSecurityGroupFlowEvents","properties":{"Version":2,"flows":[`...)
	counts := g.tupleCounts()
	first := true
	for r, n := range counts {
		if n == 0 {
			continue
		}
		if !first {
			dst = append(dst, ',')
		}
		first = false
		dst = append(dst, `{"rule":"`...)
		dst = append(dst, nsgRules[r].name...)
		dst = append(dst, `","flows":[{"mac":"`...)
		dst = append(dst, mac...)
		dst = append(dst, `","flowTuples":[`...)
		for k := 0; k < n; k++ {
			if k > 0 {
				dst = append(dst, ',')
			}
			dst = g.tuple(dst, at.Unix()-int64(g.rng.IntN(60)), r, false)
		}
		g.Counts.NSGTuples += n
		dst = append(dst, "]}]}"...)
	}
	return append(dst, "]}}"...)
}

func (g *FlowGenerator) vnetRecord(dst []byte, at time.Time, i int, mac, guid string) []byte {
	g.Counts.VNetRecords++
	dst = append(dst, `{"time":"`...)
	dst = at.AppendFormat(dst, "2006-01-02T15:04:05.0000000Z")
	dst = append(dst, `","flowLogVersion":4,"flowLogGUID":"`...)
	dst = append(dst, guid...)
	dst = append(dst, `","macAddress":"`...)
	dst = append(dst, mac...)
	dst = append(dst, `","category":"FlowLogFlowEvent","flowLogResourceID":"`...)
	dst = append(dst, g.flowLogs[i]...)
	dst = append(dst, `","targetResourceID":"`...)
	dst = append(dst, g.targets[i]...)
	dst = append(dst, `","operationName":"FlowLogFlowEvent","flowRecords":{"flows":[`...)
	counts := g.tupleCounts()
	// Two ACLs: the platform's (PlatformRule) and the NSG's (its rules).
	dst = append(dst, `{"aclID":"00000000-0000-0000-0000-000000000000","flowGroups":[{"rule":"PlatformRule","flowTuples":[`...)
	platform := 1 + g.rng.IntN(20)
	for k := 0; k < platform; k++ {
		if k > 0 {
			dst = append(dst, ',')
		}
		dst = g.tuple(dst, at.UnixMilli()-int64(g.rng.IntN(60000)), 0, true)
	}
	g.Counts.VNetTuples += platform
	dst = append(dst, `]}]},{"aclID":"`...)
	dst = append(dst, g.acls[i]...)
	dst = append(dst, `","flowGroups":[`...)
	first := true
	for r, n := range counts {
		if n == 0 {
			continue
		}
		if !first {
			dst = append(dst, ',')
		}
		first = false
		dst = append(dst, `{"rule":"`...)
		dst = append(dst, nsgRules[r].name...)
		dst = append(dst, `","flowTuples":[`...)
		for k := 0; k < n; k++ {
			if k > 0 {
				dst = append(dst, ',')
			}
			dst = g.tuple(dst, at.UnixMilli()-int64(g.rng.IntN(60000)), r, true)
		}
		g.Counts.VNetTuples += n
		dst = append(dst, "]}"...)
	}
	return append(dst, "]}]}}"...)
}

var commonPorts = []int{22, 23, 80, 443, 445, 1433, 3389, 5060, 8080, 8443}

// tuple appends one quoted tuple of rule r.
func (g *FlowGenerator) tuple(dst []byte, epoch int64, r int, vnet bool) []byte {
	rule := nsgRules[r]
	var src, dst2 string
	var srcPort, dstPort int
	inbound := rule.inbound
	local := g.private[g.rng.IntN(len(g.private))]
	switch {
	case rule.deny:
		src, dst2 = g.scanner[g.rng.IntN(len(g.scanner))], local
		dstPort = commonPorts[g.rng.IntN(len(commonPorts))]
		if g.rng.IntN(3) == 0 {
			dstPort = 1 + g.rng.IntN(65535)
		}
	case inbound:
		src, dst2 = g.public[g.rng.IntN(len(g.public))], local
		if r == 2 {
			src = g.private[g.rng.IntN(len(g.private))]
		}
		dstPort = rule.dstPorts[g.rng.IntN(len(rule.dstPorts))]
	default:
		src, dst2 = local, g.public[g.rng.IntN(len(g.public))]
		if r == 3 {
			dst2 = g.private[g.rng.IntN(len(g.private))]
		}
		dstPort = rule.dstPorts[g.rng.IntN(len(rule.dstPorts))]
	}
	srcPort = 1024 + g.rng.IntN(64512)
	udp := dstPort == 53 || dstPort == 123 || (rule.deny && g.rng.IntN(8) == 0)
	dir := "O"
	if inbound {
		dir = "I"
	}
	// The state: denied flows begin (NSG) or are D (VNet); allowed flows
	// begin, continue or end.
	state := "B"
	switch n := g.rng.IntN(10); {
	case rule.deny && vnet:
		state = "D"
	case rule.deny:
		state = "B"
	case n < 4:
		state = "B"
	case n < 5:
		state = "C"
	default:
		state = "E"
	}
	dst = append(dst, '"')
	dst = strconv.AppendInt(dst, epoch, 10)
	dst = append(dst, ',')
	dst = append(dst, src...)
	dst = append(dst, ',')
	dst = append(dst, dst2...)
	dst = append(dst, ',')
	dst = strconv.AppendInt(dst, int64(srcPort), 10)
	dst = append(dst, ',')
	dst = strconv.AppendInt(dst, int64(dstPort), 10)
	dst = append(dst, ',')
	if vnet {
		if udp {
			dst = append(dst, "17,"...)
		} else {
			dst = append(dst, "6,"...)
		}
		dst = append(dst, dir...)
		dst = append(dst, ',')
		dst = append(dst, state...)
		dst = append(dst, ",NX,"...)
	} else {
		if udp {
			dst = append(dst, "U,"...)
		} else {
			dst = append(dst, "T,"...)
		}
		dst = append(dst, dir...)
		if rule.deny {
			dst = append(dst, ",D,"...)
		} else {
			dst = append(dst, ",A,"...)
		}
		dst = append(dst, state...)
		dst = append(dst, ',')
	}
	switch {
	case state == "B" && !vnet:
		dst = append(dst, ",,,"...)
	case state == "B" || state == "D":
		dst = append(dst, "0,0,0,0"...)
	default:
		p1, p2 := 1+g.rng.IntN(200), 1+g.rng.IntN(300)
		dst = strconv.AppendInt(dst, int64(p1), 10)
		dst = append(dst, ',')
		dst = strconv.AppendInt(dst, int64(p1*(60+g.rng.IntN(1400))), 10)
		dst = append(dst, ',')
		dst = strconv.AppendInt(dst, int64(p2), 10)
		dst = append(dst, ',')
		dst = strconv.AppendInt(dst, int64(p2*(60+g.rng.IntN(1400))), 10)
	}
	return append(dst, '"')
}
