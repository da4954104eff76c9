package nsgflow_test

import (
	"encoding/json"
	"fmt"

	"github.com/azlogs/azlogs/nsgflow"
)

func ExampleParseTuple() {
	t, err := nsgflow.ParseTuple("1542110379,10.5.16.4,203.0.113.117,59932,443,T,O,A,E,1,66,1,66")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("version", t.Version(), "at", t.Time())
	fmt.Printf("%v:%d -> %v:%d %v\n", t.SrcAddr(), t.SrcPort(), t.DstAddr(), t.DstPort(), t.Protocol())
	fmt.Println(t.Direction(), t.Decision(), t.State())
	if c, ok := t.Counters(); ok {
		fmt.Println(c.Packets(), "packets,", c.Bytes(), "bytes")
	}
	// Output:
	// version 2 at 2018-11-13 11:59:39 +0000 UTC
	// 10.5.16.4:59932 -> 203.0.113.117:443 TCP
	// Outbound Allow End
	// 2 packets, 132 bytes
}

func ExampleParseTupleBytes() {
	// A VNet flow log tuple: the record's flowLogVersion is 4.
	b := []byte("1663145998065,101.33.218.153,10.0.0.6,55188,22,6,I,D,NX,0,0,0,0")
	t, err := nsgflow.ParseTupleBytes(b, 4)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.Time(), t.EpochUnit())
	fmt.Println(t.State(), t.Decision(), t.Encryption())
	// Output:
	// 2022-09-14 08:59:58.065 +0000 UTC 1ms
	// Denied Deny NX
}

func ExampleParseTupleBytes_error() {
	_, err := nsgflow.ParseTupleBytes([]byte("1542110402,192.0.2.190,10.5.16.4,28746,70000,U,I,D,B,,,,"), 2)
	fmt.Println(err)
	// Output:
	// nsgflow: tuple "1542110402,192.0.2.190,10.5.16.4,28746,70000,U,I,D,B,,,,": destination port "70000" is greater than 65535
}

func ExampleTuple_Counters() {
	// An NSG begin tuple has no counters; an end tuple may count zero.
	for _, s := range []string{
		"1724090350,10.1.0.4,20.42.73.216,51236,443,T,O,A,B,,,,",
		"1724090383,10.1.0.4,40.79.154.80,33338,443,T,O,A,E,0,0,0,0",
		"1724090355,10.1.0.4,20.42.73.216,51236,443,T,O,A,E,9,4817,0,0",
	} {
		c, ok := nsgflow.MustParseTuple(s).Counters()
		fmt.Printf("%v %+v\n", ok, c)
	}
	// Output:
	// false {SrcToDstPackets:0 SrcToDstBytes:0 DstToSrcPackets:0 DstToSrcBytes:0}
	// true {SrcToDstPackets:0 SrcToDstBytes:0 DstToSrcPackets:0 DstToSrcBytes:0}
	// true {SrcToDstPackets:9 SrcToDstBytes:4817 DstToSrcPackets:0 DstToSrcBytes:0}
}

func ExampleTuple_AppendTo() {
	t := nsgflow.MustParseTuple("1493763938,185.170.185.105,10.2.0.4,35370,23,6,I,B,NX,,,,")
	buf := make([]byte, 0, 128)
	buf = t.AppendTo(buf)
	fmt.Println(string(buf))
	fmt.Println(t.Version(), t.EpochUnit())
	// Output:
	// 1493763938,185.170.185.105,10.2.0.4,35370,23,6,I,B,NX,,,,
	// 4 1s
}

func ExampleTuple_UnmarshalText() {
	// Tuple is a text value, so encoding/json reads flowTuples arrays
	// directly; the version of each tuple is inferred.
	var group struct {
		Rule       string          `json:"rule"`
		FlowTuples []nsgflow.Tuple `json:"flowTuples"`
	}
	err := json.Unmarshal([]byte(`{"rule":"DefaultRule_AllowInternetOutBound","flowTuples":[
		"1663146003599,10.0.0.6,52.239.184.180,23956,443,6,O,B,NX,0,0,0,0",
		"1663146003606,10.0.0.6,52.239.184.180,23956,443,6,O,E,NX,3,767,2,1580"]}`), &group)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range group.FlowTuples {
		fmt.Println(group.Rule, t.State(), t.DstAddr(), t.Time().Format("15:04:05.000"))
	}
	// Output:
	// DefaultRule_AllowInternetOutBound Begin 52.239.184.180 09:00:03.599
	// DefaultRule_AllowInternetOutBound End 52.239.184.180 09:00:03.606
}

func ExampleTuple_mapKey() {
	// Tuples are comparable: count repeated ones.
	seen := map[nsgflow.Tuple]int{}
	for _, s := range []string{
		"1733976181557,18.194.211.253,10.1.0.4,55107,22,6,I,D,NX,0,0,0,0",
		"1733976181557,18.194.211.253,10.1.0.4,55107,22,6,I,D,NX,0,0,0,0",
		"1733976181557,18.194.211.253,10.1.0.4,55107,22,6,I,D,NX,0,0,0,0",
	} {
		seen[nsgflow.MustParseTuple(s)]++
	}
	fmt.Println(len(seen), "distinct tuple")
	// Output:
	// 1 distinct tuple
}
