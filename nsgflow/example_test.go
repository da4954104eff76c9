package nsgflow_test

import (
	"fmt"
	"strings"

	"github.com/azlogs/azlogs/nsgflow"
)

const vnetBlob = `{"records":[{"time":"2022-09-14T09:00:52.5625085Z","flowLogVersion":4,` +
	`"flowLogGUID":"abcdef01-2345-6789-0abc-def012345678","macAddress":"00224871C205","category":"FlowLogFlowEvent",` +
	`"flowLogResourceID":"/SUBSCRIPTIONS/0/RESOURCEGROUPS/NETWORKWATCHERRG/PROVIDERS/MICROSOFT.NETWORK/NETWORKWATCHERS/NW/FLOWLOGS/FL",` +
	`"targetResourceID":"/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/myVNet",` +
	`"operationName":"FlowLogFlowEvent","flowRecords":{"flows":[` +
	`{"aclID":"00000000-1234-abcd-ef00-c1c2c3c4c5c6","flowGroups":[{"rule":"DefaultRule_AllowInternetOutBound","flowTuples":[` +
	`"1663146003599,10.0.0.6,52.239.184.180,23956,443,6,O,B,NX,0,0,0,0",` +
	`"1663146003606,10.0.0.6,52.239.184.180,23956,443,6,O,E,NX,3,767,2,1580"]}]},` +
	`{"aclID":"01020304-abcd-ef00-1234-102030405060","flowGroups":[{"rule":"BlockHighRiskTCPPortsFromInternet","flowTuples":[` +
	`"1663145998065,101.33.218.153,10.0.0.6,55188,22,6,I,D,NX,0,0,0,0",` +
	`"1663146005503,192.241.200.164,10.0.0.6,35276,119,6,I,D,NX,0,0,0,0"]}]}]}}]}`

func ExampleDecoder() {
	dec := nsgflow.NewDecoder(strings.NewReader(vnetBlob))
	for dec.Next() {
		rec := dec.Record()
		fmt.Println(rec.Kind, rec.Version, rec.MACAddress, rec.NumTuples(), "tuples")
		for g := range rec.Groups() {
			for t, err := range g.Tuples() {
				if err != nil {
					fmt.Println(err)
					continue
				}
				c, _ := t.Counters()
				fmt.Println(g.Rule, t.SrcAddr(), "->", t.DstAddr(), t.DstPort(), t.State(), c.Bytes())
			}
		}
	}
	if err := dec.Err(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// vnet 4 00224871C205 4 tuples
	// DefaultRule_AllowInternetOutBound 10.0.0.6 -> 52.239.184.180 443 Begin 0
	// DefaultRule_AllowInternetOutBound 10.0.0.6 -> 52.239.184.180 443 End 2347
	// BlockHighRiskTCPPortsFromInternet 101.33.218.153 -> 10.0.0.6 22 Denied 0
	// BlockHighRiskTCPPortsFromInternet 192.241.200.164 -> 10.0.0.6 119 Denied 0
}

func ExampleRecord_Tuples() {
	dec := nsgflow.NewDecoder(strings.NewReader(vnetBlob))
	for dec.Next() {
		for t, err := range dec.Record().Tuples() {
			if err == nil && t.Decision() == nsgflow.Deny {
				fmt.Println("denied", t.SrcAddr(), t.DstPort())
			}
		}
	}
	// Output:
	// denied 101.33.218.153 22
	// denied 192.241.200.164 119
}

// A malformed tuple does not make its record bad: the iterator yields it
// with an error that says where it is, and Validate reports it too.
func ExampleTupleError() {
	blob := strings.Replace(vnetBlob, "35276,119,", "35276,70000,", 1)
	dec := nsgflow.NewDecoder(strings.NewReader(blob))
	for dec.Next() {
		for _, err := range dec.Record().Tuples() {
			if err != nil {
				fmt.Println(err)
			}
		}
		fmt.Println(dec.Record().Validate())
	}
	// Output:
	// nsgflow: /flowRecords/flows/1/flowGroups/0/flowTuples/1: tuple "1663146005503,192.241.200.164,10.0.0.6,35276,70000,6,I,D,NX,0,0,0,0": destination port "70000" is greater than 65535
	// azlogs: invalid record: /flowRecords/flows/1/flowGroups/0/flowTuples/1: out of range (destination port "70000" is greater than 65535)
}

// A collector polls a blob that grows every minute, keeping one offset.
func ExampleTailReader() {
	rec := func(min int) string {
		return fmt.Sprintf(`{"time":"2024-12-31T09:%02d:37Z","flowLogVersion":4,"category":"FlowLogFlowEvent","flowRecords":{"flows":[`+
			`{"aclID":"a","flowGroups":[{"rule":"r","flowTuples":["17356362%02d000,10.1.0.4,20.10.127.193,56354,443,6,O,E,NX,8,5183,9,6707"]}]}]}}`, min, min)
	}
	// The blob after one and three minutes; the second read is cut short
	// inside the third record, as a read racing an update can be.
	v1 := `{"records":[` + rec(1) + `]}`
	v3 := `{"records":[` + rec(1) + "," + rec(2) + "," + rec(3) + `]}`
	reads := []string{v1, v3[:len(v3)-40], v3}

	var offset int64 // persisted by the collector, per blob
	for _, blob := range reads {
		tr := nsgflow.NewTailReader(strings.NewReader(blob[offset:]), offset)
		for tr.Next() {
			fmt.Println("emit", tr.Record().Time.Format("15:04"))
		}
		if err := tr.Err(); err != nil {
			fmt.Println(err)
		}
		offset = tr.Offset()
		fmt.Println("offset", offset, "torn", tr.Torn())
	}
	// Output:
	// emit 09:01
	// offset 247 torn false
	// emit 09:02
	// offset 483 torn true
	// emit 09:03
	// offset 719 torn false
}

func ExampleSummary() {
	dec := nsgflow.NewDecoder(strings.NewReader(vnetBlob))
	var sum nsgflow.Summary
	for dec.Next() {
		sum.AddRecord(dec.Record())
	}
	for _, r := range sum.TopRules(5) {
		fmt.Println("rule", r.Key.Rule, r.Stats.Tuples, "tuples", r.Stats.Bytes, "bytes")
	}
	for _, r := range sum.TopTalkers(1) {
		fmt.Println("talker", r.Key, r.Stats.Bytes, "bytes")
	}
	for _, r := range sum.DeniedFlows(5) {
		fmt.Println("denied", r.Key.Src, "->", r.Key.Dst, r.Key.DstPort, r.Key.Protocol)
	}
	// Output:
	// rule DefaultRule_AllowInternetOutBound 2 tuples 2347 bytes
	// rule BlockHighRiskTCPPortsFromInternet 2 tuples 0 bytes
	// talker 10.0.0.6 2347 bytes
	// denied 101.33.218.153 -> 10.0.0.6 22 TCP
	// denied 192.241.200.164 -> 10.0.0.6 119 TCP
}

// A blob downloaded whole is decoded in place: nothing is copied.
func ExampleNewDecoderBytes() {
	dec := nsgflow.NewDecoderBytes([]byte(vnetBlob))
	for dec.Next() {
		rec := dec.Record()
		denied := 0
		for t, err := range rec.Tuples() {
			if err == nil && t.Decision() == nsgflow.Deny {
				denied++
			}
		}
		fmt.Println(rec.NumTuples(), "tuples,", denied, "denied")
	}
	// Output:
	// 4 tuples, 2 denied
}
