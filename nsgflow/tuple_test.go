package nsgflow

import (
	"encoding/json"
	"errors"
	"math"
	"net/netip"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/azlogs/azlogs"
)

// view is everything a Tuple tells, in a form that tables can spell.
type view struct {
	Version          int
	Epoch            int64
	Unit             time.Duration
	Time             string
	Src, Dst         string
	SrcPort, DstPort uint16
	Proto            Protocol
	Dir              Direction
	Decision         Decision
	State            FlowState
	Enc              Encryption
	EncText          string
	Counters         Counters
	HasCounters      bool
}

func viewOf(t Tuple) view {
	c, ok := t.Counters()
	v := view{
		Version: t.Version(), Epoch: t.Epoch(), Unit: t.EpochUnit(),
		Src: t.SrcAddr().String(), Dst: t.DstAddr().String(), SrcPort: t.SrcPort(), DstPort: t.DstPort(),
		Proto: t.Protocol(), Dir: t.Direction(), Decision: t.Decision(), State: t.State(),
		Enc: t.Encryption(), EncText: t.EncryptionText(), Counters: c, HasCounters: ok,
	}
	if !t.Time().IsZero() {
		v.Time = t.Time().Format(time.RFC3339Nano)
	}
	return v
}

func TestParseTuple(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		version int    // given to ParseTupleBytes; ParseTuple infers
		out     string // what AppendTo writes, when not the input
		want    view
	}{
		{
			name: "v1 docs", in: "1487282421,192.0.2.95,10.1.0.4,51529,5358,T,I,D", version: 1,
			want: view{Version: 1, Epoch: 1487282421, Unit: time.Second, Time: "2017-02-16T22:00:21Z",
				Src: "192.0.2.95", Dst: "10.1.0.4", SrcPort: 51529, DstPort: 5358, Proto: TCP, Dir: Inbound, Decision: Deny},
		},
		{
			name: "v1 UDP allow", in: "1487282481,198.51.100.194,10.1.0.4,53,1732,U,O,A", version: 1,
			want: view{Version: 1, Epoch: 1487282481, Unit: time.Second, Time: "2017-02-16T22:01:21Z",
				Src: "198.51.100.194", Dst: "10.1.0.4", SrcPort: 53, DstPort: 1732, Proto: UDP, Dir: Outbound, Decision: Allow},
		},
		{
			name: "v2 begin, empty counters", in: "1542110402,192.0.2.190,10.5.16.4,28746,443,U,I,D,B,,,,", version: 2,
			want: view{Version: 2, Epoch: 1542110402, Unit: time.Second, Time: "2018-11-13T12:00:02Z",
				Src: "192.0.2.190", Dst: "10.5.16.4", SrcPort: 28746, DstPort: 443, Proto: UDP, Dir: Inbound, Decision: Deny,
				State: Begin},
		},
		{
			name: "v2 inbound allowed begin", in: "1724090463,120.26.45.136,10.1.0.4,58136,22,T,I,A,B,,,,", version: 2,
			want: view{Version: 2, Epoch: 1724090463, Unit: time.Second, Time: "2024-08-19T18:01:03Z",
				Src: "120.26.45.136", Dst: "10.1.0.4", SrcPort: 58136, DstPort: 22, Proto: TCP, Dir: Inbound, Decision: Allow,
				State: Begin},
		},
		{
			name: "v2 end", in: "1542110379,10.5.16.4,203.0.113.117,59932,443,T,O,A,E,1,66,1,66", version: 2,
			want: view{Version: 2, Epoch: 1542110379, Unit: time.Second, Time: "2018-11-13T11:59:39Z",
				Src: "10.5.16.4", Dst: "203.0.113.117", SrcPort: 59932, DstPort: 443, Proto: TCP, Dir: Outbound, Decision: Allow,
				State: End, Counters: Counters{1, 66, 1, 66}, HasCounters: true},
		},
		{
			name: "v2 continuing", in: "1542110379,10.5.16.4,203.0.113.115,44931,443,T,O,A,C,30,16978,24,14008", version: 2,
			want: view{Version: 2, Epoch: 1542110379, Unit: time.Second, Time: "2018-11-13T11:59:39Z",
				Src: "10.5.16.4", Dst: "203.0.113.115", SrcPort: 44931, DstPort: 443, Proto: TCP, Dir: Outbound, Decision: Allow,
				State: Continuing, Counters: Counters{30, 16978, 24, 14008}, HasCounters: true},
		},
		{
			name: "v2 end with zero counters is not absent", in: "1724090383,10.1.0.4,40.79.154.80,33338,443,T,O,A,E,0,0,0,0", version: 2,
			want: view{Version: 2, Epoch: 1724090383, Unit: time.Second, Time: "2024-08-19T17:59:43Z",
				Src: "10.1.0.4", Dst: "40.79.154.80", SrcPort: 33338, DstPort: 443, Proto: TCP, Dir: Outbound, Decision: Allow,
				State: End, HasCounters: true},
		},
		{
			name: "v2 IPv6", in: "1542110379,2001:db8::4,2001:db8:85a3::8a2e:370:7334,59932,443,T,O,A,E,1,86,1,86", version: 2,
			want: view{Version: 2, Epoch: 1542110379, Unit: time.Second, Time: "2018-11-13T11:59:39Z",
				Src: "2001:db8::4", Dst: "2001:db8:85a3::8a2e:370:7334", SrcPort: 59932, DstPort: 443, Proto: TCP, Dir: Outbound,
				Decision: Allow, State: End, Counters: Counters{1, 86, 1, 86}, HasCounters: true},
		},
		{
			name: "v4 begin, milliseconds, zero counters", in: "1663146003599,10.0.0.6,52.239.184.180,23956,443,6,O,B,NX,0,0,0,0", version: 4,
			want: view{Version: 4, Epoch: 1663146003599, Unit: time.Millisecond, Time: "2022-09-14T09:00:03.599Z",
				Src: "10.0.0.6", Dst: "52.239.184.180", SrcPort: 23956, DstPort: 443, Proto: TCP, Dir: Outbound, Decision: Allow,
				State: Begin, Enc: EncryptionNX, EncText: "NX", HasCounters: true},
		},
		{
			name: "v4 denied", in: "1663145998065,101.33.218.153,10.0.0.6,55188,22,6,I,D,NX,0,0,0,0", version: 4,
			want: view{Version: 4, Epoch: 1663145998065, Unit: time.Millisecond, Time: "2022-09-14T08:59:58.065Z",
				Src: "101.33.218.153", Dst: "10.0.0.6", SrcPort: 55188, DstPort: 22, Proto: TCP, Dir: Inbound, Decision: Deny,
				State: Denied, Enc: EncryptionNX, EncText: "NX", HasCounters: true},
		},
		{
			name: "v4 UDP continuing", in: "1733975962447,10.1.0.4,40.119.6.228,123,123,17,O,C,NX,4,360,4,528", version: 4,
			want: view{Version: 4, Epoch: 1733975962447, Unit: time.Millisecond, Time: "2024-12-12T03:59:22.447Z",
				Src: "10.1.0.4", Dst: "40.119.6.228", SrcPort: 123, DstPort: 123, Proto: UDP, Dir: Outbound, Decision: Allow,
				State: Continuing, Enc: EncryptionNX, EncText: "NX", Counters: Counters{4, 360, 4, 528}, HasCounters: true},
		},
		{
			name: "v4 docs bandwidth example: seconds, empty counters", in: "1493763938,185.170.185.105,10.2.0.4,35370,23,6,I,B,NX,,,,", version: 4,
			want: view{Version: 4, Epoch: 1493763938, Unit: time.Second, Time: "2017-05-02T22:25:38Z",
				Src: "185.170.185.105", Dst: "10.2.0.4", SrcPort: 35370, DstPort: 23, Proto: TCP, Dir: Inbound, Decision: Allow,
				State: Begin, Enc: EncryptionNX, EncText: "NX"},
		},
		{
			name: "v4 docs bandwidth example: seconds, counters", in: "1493696138,185.170.185.105,10.2.0.4,35370,23,6,I,E,NX,52,29952,47,27072", version: 4,
			want: view{Version: 4, Epoch: 1493696138, Unit: time.Second, Time: "2017-05-02T03:35:38Z",
				Src: "185.170.185.105", Dst: "10.2.0.4", SrcPort: 35370, DstPort: 23, Proto: TCP, Dir: Inbound, Decision: Allow,
				State: End, Enc: EncryptionNX, EncText: "NX", Counters: Counters{52, 29952, 47, 27072}, HasCounters: true},
		},
		{
			name: "v4 encrypted ICMPv6 over IPv6", in: "1663146003599,2001:db8::6,fe80::1,0,0,58,O,E,X,3,300,3,300", version: 4,
			want: view{Version: 4, Epoch: 1663146003599, Unit: time.Millisecond, Time: "2022-09-14T09:00:03.599Z",
				Src: "2001:db8::6", Dst: "fe80::1", Proto: ICMPv6, Dir: Outbound, Decision: Allow,
				State: End, Enc: EncryptionX, EncText: "X", Counters: Counters{3, 300, 3, 300}, HasCounters: true},
		},
		{
			name: "v4 IPv4-mapped address kept", in: "1663146003599,::ffff:10.0.0.6,10.0.0.7,1,2,1,I,D,NX_LOCAL_DST,0,0,0,0", version: 4,
			want: view{Version: 4, Epoch: 1663146003599, Unit: time.Millisecond, Time: "2022-09-14T09:00:03.599Z",
				Src: "::ffff:10.0.0.6", Dst: "10.0.0.7", SrcPort: 1, DstPort: 2, Proto: ICMP, Dir: Inbound, Decision: Deny,
				State: Denied, Enc: EncryptionNXLocalDst, EncText: "NX_LOCAL_DST", HasCounters: true},
		},
		{
			name: "v4 unknown encryption kept", in: "1663146003599,10.0.0.6,10.0.0.7,65535,0,255,O,E,NX_SOMETHING_NEW_2030,1,2,3,4", version: 4,
			want: view{Version: 4, Epoch: 1663146003599, Unit: time.Millisecond, Time: "2022-09-14T09:00:03.599Z",
				Src: "10.0.0.6", Dst: "10.0.0.7", SrcPort: 65535, Proto: 255, Dir: Outbound, Decision: Allow,
				State: End, Enc: EncryptionOther, EncText: "NX_SOMETHING_NEW_2030", Counters: Counters{1, 2, 3, 4}, HasCounters: true},
		},
		{
			name: "v4 longest unknown encryption", in: "1663146003599,10.0.0.6,10.0.0.7,1,2,6,O,E,ABCDEFGHIJKLMNOPQRSTUVWXYZ012,1,2,3,4", version: 4,
			want: view{Version: 4, Epoch: 1663146003599, Unit: time.Millisecond, Time: "2022-09-14T09:00:03.599Z",
				Src: "10.0.0.6", Dst: "10.0.0.7", SrcPort: 1, DstPort: 2, Proto: TCP, Dir: Outbound, Decision: Allow,
				State: End, Enc: EncryptionOther, EncText: "ABCDEFGHIJKLMNOPQRSTUVWXYZ012", Counters: Counters{1, 2, 3, 4}, HasCounters: true},
		},
		{
			name: "largest counters", in: "1542110379,10.5.16.4,10.5.16.5,1,2,T,O,A,C,18446744073709551615,18446744073709551615,0,1", version: 2,
			want: view{Version: 2, Epoch: 1542110379, Unit: time.Second, Time: "2018-11-13T11:59:39Z",
				Src: "10.5.16.4", Dst: "10.5.16.5", SrcPort: 1, DstPort: 2, Proto: TCP, Dir: Outbound, Decision: Allow,
				State: Continuing, Counters: Counters{math.MaxUint64, math.MaxUint64, 0, 1}, HasCounters: true},
		},
		{
			name: "leading zeros past 19 digits",
			in:   "1542110379,10.5.16.4,10.5.16.5,1,2,T,O,A,C,000000000000000000001,0000000000000000000018446744073709551615,0,1", version: 2,
			out: "1542110379,10.5.16.4,10.5.16.5,1,2,T,O,A,C,1,18446744073709551615,0,1",
			want: view{Version: 2, Epoch: 1542110379, Unit: time.Second, Time: "2018-11-13T11:59:39Z",
				Src: "10.5.16.4", Dst: "10.5.16.5", SrcPort: 1, DstPort: 2, Proto: TCP, Dir: Outbound, Decision: Allow,
				State: Continuing, Counters: Counters{1, math.MaxUint64, 0, 1}, HasCounters: true},
		},
		{
			name: "12-digit epoch is milliseconds", in: "100000000000,10.0.0.1,10.0.0.2,1,2,T,I,A", version: 1,
			want: view{Version: 1, Epoch: 100000000000, Unit: time.Millisecond, Time: "1973-03-03T09:46:40Z",
				Src: "10.0.0.1", Dst: "10.0.0.2", SrcPort: 1, DstPort: 2, Proto: TCP, Dir: Inbound, Decision: Allow},
		},
		{
			name: "11-digit epoch is seconds", in: "99999999999,10.0.0.1,10.0.0.2,1,2,T,I,A", version: 1,
			want: view{Version: 1, Epoch: 99999999999, Unit: time.Second, Time: "5138-11-16T09:46:39Z",
				Src: "10.0.0.1", Dst: "10.0.0.2", SrcPort: 1, DstPort: 2, Proto: TCP, Dir: Inbound, Decision: Allow},
		},
		{
			name: "epoch 0", in: "0,10.0.0.1,10.0.0.2,0,0,U,O,D", version: 1,
			want: view{Version: 1, Epoch: 0, Unit: time.Second, Time: "1970-01-01T00:00:00Z",
				Src: "10.0.0.1", Dst: "10.0.0.2", Proto: UDP, Dir: Outbound, Decision: Deny},
		},
		{
			name: "leading zeros and IPv6 spelling are not kept",
			in:   "01487282421,192.0.2.95,2001:DB8:0:0::1,051529,05358,T,I,D", version: 1,
			out: "1487282421,192.0.2.95,2001:db8::1,51529,5358,T,I,D",
			want: view{Version: 1, Epoch: 1487282421, Unit: time.Second, Time: "2017-02-16T22:00:21Z",
				Src: "192.0.2.95", Dst: "2001:db8::1", SrcPort: 51529, DstPort: 5358, Proto: TCP, Dir: Inbound, Decision: Deny},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseTupleBytes([]byte(tt.in), tt.version)
			if err != nil {
				t.Fatalf("ParseTupleBytes(%q, %d): %v", tt.in, tt.version, err)
			}
			if v := viewOf(got); v != tt.want {
				t.Errorf("ParseTupleBytes(%q, %d):\n got %+v\nwant %+v", tt.in, tt.version, v, tt.want)
			}
			inferred, err := ParseTuple(tt.in)
			if err != nil || inferred != got {
				t.Errorf("ParseTuple(%q) = %v, %v; want %v", tt.in, inferred, err, got)
			}
			if ref, ok := refParseTuple(tt.in, tt.version); !ok || ref != got {
				t.Errorf("refParseTuple(%q, %d) = %v, %v; want %v", tt.in, tt.version, ref, ok, got)
			}
			out := tt.out
			if out == "" {
				out = tt.in
			}
			if s := string(got.AppendTo(nil)); s != out {
				t.Errorf("AppendTo = %q, want %q", s, out)
			}
			if s := got.String(); s != out {
				t.Errorf("String = %q, want %q", s, out)
			}
		})
	}
}

func TestParseTupleErrors(t *testing.T) {
	const (
		v1 = "1487282421,192.0.2.95,10.1.0.4,51529,5358,T,I,D"
		v2 = "1542110379,10.5.16.4,203.0.113.117,59932,443,T,O,A,E,1,66,1,66"
		v4 = "1663146003606,10.0.0.6,52.239.184.180,23956,443,6,O,E,NX,3,767,2,1580"
	)
	// field replaces field i of a tuple.
	field := func(tuple string, i int, s string) string {
		f := strings.Split(tuple, ",")
		f[i] = s
		return strings.Join(f, ",")
	}
	tests := []struct {
		in      string
		version int
		field   int
		msg     string // a part of the message
		cause   error
	}{
		{v2, 3, -1, "unsupported version 3", azlogs.ErrRange},
		{v2, -1, -1, "unsupported version -1", azlogs.ErrRange},
		{v2, 1, 7, "wrong number of fields: 13, want 8 for version 1", azlogs.ErrInvalid},
		{v1, 2, 7, "wrong number of fields: 8, want 13 for version 2", azlogs.ErrInvalid},
		{v1, 4, 5, `protocol "T" is not a decimal number`, azlogs.ErrInvalid},
		{v2, 4, 5, `protocol "T" is not a decimal number`, azlogs.ErrInvalid},
		{v4, 2, 5, `protocol "6" is not T or U`, azlogs.ErrRange},
		{v4, 1, 5, `protocol "6" is not T or U`, azlogs.ErrRange},
		{v1 + ",B", 0, 8, "wrong number of fields: 9, want 13 for version 2", azlogs.ErrInvalid},
		{v2 + ",1", 0, 12, "wrong number of fields: 14, want 13 for version 2", azlogs.ErrInvalid},
		{v4 + ",", 4, 12, "wrong number of fields: 14, want 13 for version 4", azlogs.ErrInvalid},
		{strings.TrimSuffix(v4, ",1580"), 0, 11, "wrong number of fields: 12, want 13 for version 4", azlogs.ErrInvalid},
		{"1542110402,192.0.2.190,10.5.16.4,28746,443,U,I,D,B,,,", 2, 11, "wrong number of fields: 12, want 13 for version 2", azlogs.ErrInvalid},
		{"1542110402,192.0.2.190,10.5.16.4,28746,443,U,I,D,B,", 2, 9, "wrong number of fields: 10, want 13 for version 2", azlogs.ErrInvalid},
		{"1487282421,192.0.2.95,10.1.0.4,51529,5358", 0, 4, "wrong number of fields: 5, want 8 (version 1) or 13 (versions 2 and 4)", azlogs.ErrInvalid},
		{"1487282421", 0, 0, "wrong number of fields: 1, want 8", azlogs.ErrInvalid},
		{"1487282421,192.0.2.95", 0, 1, "wrong number of fields: 2, want 8", azlogs.ErrInvalid},
		{"1487282421,192.0.2.95,10.1.0.4", 0, 2, "wrong number of fields: 3, want 8", azlogs.ErrInvalid},
		{"1487282421,192.0.2.95,10.1.0.4,51529", 0, 3, "wrong number of fields: 4, want 8", azlogs.ErrInvalid},
		{"1487282421,192.0.2.95,10.1.0.4,51529,5358,T", 0, 5, "wrong number of fields: 6, want 8", azlogs.ErrInvalid},
		{"1487282421,192.0.2.95,10.1.0.4,51529,5358,T,I", 0, 6, "wrong number of fields: 7, want 8", azlogs.ErrInvalid},
		{"1663146003606,10.0.0.6,52.239.184.180,23956,443,6,O,E", 0, 7, "wrong number of fields: 8, want 13 for version 4", azlogs.ErrInvalid},
		{"1663146003606,10.0.0.6,52.239.184.180,23956,443,6,O,E,NX", 0, 8, "wrong number of fields: 9, want 13 for version 4", azlogs.ErrInvalid},
		{"", 0, 0, "time is empty", azlogs.ErrInvalid},
		{field(v1, 0, "-1487282421"), 0, 0, `time "-1487282421" is negative`, azlogs.ErrRange},
		{field(v1, 0, "1487282421.5"), 0, 0, `time "1487282421.5" is not a decimal number`, azlogs.ErrInvalid},
		{field(v1, 0, " 1487282421"), 0, 0, `time " 1487282421" is not a decimal number`, azlogs.ErrInvalid},
		{field(v1, 0, "9223372036854775808"), 0, 0, `time "9223372036854775808" is greater than 9223372036854775807`, azlogs.ErrRange},
		{field(v1, 0, "99999999999999999999999"), 0, 0, `is greater than 9223372036854775807`, azlogs.ErrRange},
		{field(v1, 1, "10.0.0.256"), 0, 1, `source IP "10.0.0.256" is not an IP address`, azlogs.ErrInvalid},
		{field(v1, 1, ""), 0, 1, `source IP is empty`, azlogs.ErrInvalid},
		{field(v1, 2, "fe80::1%eth0"), 0, 2, `destination IP "fe80::1%eth0" is not an IP address`, azlogs.ErrInvalid},
		{field(v1, 2, "myhost"), 0, 2, `destination IP "myhost" is not an IP address`, azlogs.ErrInvalid},
		{field(v1, 3, "65536"), 0, 3, `source port "65536" is greater than 65535`, azlogs.ErrRange},
		{field(v1, 3, "-1"), 0, 3, `source port "-1" is negative`, azlogs.ErrRange},
		{field(v1, 4, ""), 0, 4, `destination port is empty`, azlogs.ErrInvalid},
		{field(v1, 4, "44 3"), 0, 4, `destination port "44 3" is not a decimal number`, azlogs.ErrInvalid},
		{field(v1, 5, "X"), 0, 5, `protocol "X" is not T, U or a protocol number`, azlogs.ErrRange},
		{field(v1, 5, "t"), 1, 5, `protocol "t" is not T or U`, azlogs.ErrRange},
		{field(v1, 5, "TCP"), 1, 5, `protocol "TCP" is not T or U`, azlogs.ErrRange},
		{field(v4, 5, "256"), 0, 5, `protocol "256" is greater than 255`, azlogs.ErrRange},
		{field(v1, 6, "X"), 0, 6, `direction "X" is not I or O`, azlogs.ErrRange},
		{field(v1, 6, ""), 0, 6, `direction "" is not I or O`, azlogs.ErrRange},
		{field(v1, 7, "R"), 0, 7, `decision "R" is not A or D`, azlogs.ErrRange},
		{field(v1, 7, "AD"), 0, 7, `decision "AD" is not A or D`, azlogs.ErrRange},
		{field(v2, 8, "D"), 0, 8, `flow state "D" is not B, C or E`, azlogs.ErrRange},
		{field(v4, 7, "A"), 0, 7, `flow state "A" is not B, C, E or D`, azlogs.ErrRange},
		{field(v4, 8, ""), 0, 8, `encryption is empty`, azlogs.ErrInvalid},
		{field(v4, 8, "NX-1"), 0, 8, `encryption "NX-1" is not a status name`, azlogs.ErrInvalid},
		{field(v4, 8, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123"), 0, 8, `is not a status name (at most 29`, azlogs.ErrInvalid},
		{field(v2, 9, "x"), 0, 9, `packets source to destination "x" is not a decimal number`, azlogs.ErrInvalid},
		{field(v2, 10, "-66"), 0, 10, `bytes source to destination "-66" is negative`, azlogs.ErrRange},
		{field(v4, 11, "18446744073709551616"), 0, 11, `packets destination to source "18446744073709551616" is greater than 18446744073709551615`, azlogs.ErrRange},
		{field(v4, 12, "1e3"), 0, 12, `bytes destination to source "1e3" is not a decimal number`, azlogs.ErrInvalid},
		{field(v2, 12, ""), 0, 12, `all empty or all numbers`, azlogs.ErrInvalid},
		{"1542110402,192.0.2.190,10.5.16.4,28746,443,U,I,D,B,1,,,", 0, 10, `all empty or all numbers`, azlogs.ErrInvalid},
		{"1542110402,192.0.2.190,10.5.16.4,28746,443,U,I,D,B,,,,5", 0, 12, `all empty or all numbers`, azlogs.ErrInvalid},
		{"1542110402,192.0.2.190,10.5.16.4,28746,443,U,I,D,B,,1,,", 0, 10, `all empty or all numbers`, azlogs.ErrInvalid},
	}
	for _, tt := range tests {
		got, err := ParseTupleBytes([]byte(tt.in), tt.version)
		if err == nil {
			t.Errorf("ParseTupleBytes(%q, %d) = %v, want an error", tt.in, tt.version, got)
			continue
		}
		if got != (Tuple{}) {
			t.Errorf("ParseTupleBytes(%q, %d) returned %#v with its error", tt.in, tt.version, got)
		}
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("ParseTupleBytes(%q, %d): error %T, want *ParseError", tt.in, tt.version, err)
			continue
		}
		if pe.Tuple != tt.in || pe.Field != tt.field || !strings.Contains(pe.Msg, tt.msg) || !errors.Is(err, tt.cause) ||
			!strings.HasPrefix(err.Error(), "nsgflow: tuple ") {
			t.Errorf("ParseTupleBytes(%q, %d): %v (field %d, cause %v); want field %d, message containing %q, cause %v",
				tt.in, tt.version, err, pe.Field, pe.Err, tt.field, tt.msg, tt.cause)
		}
		if _, ok := refParseTuple(tt.in, tt.version); ok {
			t.Errorf("refParseTuple(%q, %d) accepts what ParseTupleBytes rejects", tt.in, tt.version)
		}
	}
}

func TestParseErrorLongTuple(t *testing.T) {
	in := strings.Repeat("9", 1000)
	_, err := ParseTuple(in)
	if err == nil || len(err.Error()) > 400 {
		t.Fatalf("ParseTuple(1000 nines): %v; want a short error", err)
	}
}

func TestMustParseTuple(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("MustParseTuple did not panic on a bad tuple")
		}
	}()
	if MustParseTuple("1487282421,192.0.2.95,10.1.0.4,51529,5358,T,I,D").Version() != 1 {
		t.Fatal("MustParseTuple: wrong version")
	}
	MustParseTuple("bad")
}

func TestZeroTuple(t *testing.T) {
	var z Tuple
	if z.IsValid() || z.Version() != 0 || !z.Time().IsZero() || z.EpochUnit() != 0 || z.SrcAddr().IsValid() ||
		z.Encryption() != EncryptionNone || z.EncryptionText() != "" || z.State() != 0 {
		t.Errorf("zero Tuple: %+v", viewOf(z))
	}
	if _, ok := z.Counters(); ok {
		t.Error("zero Tuple has counters")
	}
	if s := z.String(); s != "invalid Tuple" {
		t.Errorf("zero Tuple String = %q", s)
	}
	if b := z.AppendTo([]byte("x")); string(b) != "x" {
		t.Errorf("zero Tuple AppendTo = %q", b)
	}
	if b, err := z.MarshalText(); err != nil || len(b) != 0 {
		t.Errorf("zero Tuple MarshalText = %q, %v", b, err)
	}
}

func TestText(t *testing.T) {
	in := `{"flowTuples":["1487282421,192.0.2.95,10.1.0.4,51529,5358,T,I,D",` +
		`"1542110402,192.0.2.190,10.5.16.4,28746,443,U,I,D,B,,,,",` +
		`"1663146003599,10.0.0.6,52.239.184.180,23956,443,6,O,B,NX,0,0,0,0",""]}`
	var v struct {
		FlowTuples []Tuple `json:"flowTuples"`
	}
	if err := json.Unmarshal([]byte(in), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.FlowTuples) != 4 || v.FlowTuples[0].Version() != 1 || v.FlowTuples[1].Version() != 2 ||
		v.FlowTuples[2].Version() != 4 || v.FlowTuples[3].IsValid() {
		t.Fatalf("json.Unmarshal: %v", v.FlowTuples)
	}
	out, err := json.Marshal(v)
	if err != nil || string(out) != in {
		t.Fatalf("json.Marshal = %s, %v; want %s", out, err, in)
	}

	keep := v.FlowTuples[0]
	if err := keep.UnmarshalText([]byte("1,2,3")); err == nil || keep != v.FlowTuples[0] {
		t.Errorf("UnmarshalText of a bad tuple: %v, and the Tuple became %v", err, keep)
	}
	if err := json.Unmarshal([]byte(`{"flowTuples":["1,2,3"]}`), &v); err == nil || !strings.Contains(err.Error(), "nsgflow: ") {
		t.Errorf("json.Unmarshal of a bad tuple: %v", err)
	}
}

func TestMapKey(t *testing.T) {
	seen := map[Tuple]int{}
	for _, s := range []string{
		"1733976181557,18.194.211.253,10.1.0.4,55107,22,6,I,D,NX,0,0,0,0",
		"1733976181557,18.194.211.253,10.1.0.4,55107,22,6,I,D,NX,0,0,0,0",
		"1733976181557,18.194.211.253,10.1.0.4,55107,22,6,I,D,NX,,,,",
		"1733976181557,18.194.211.253,10.1.0.4,55107,22,6,I,D,NX_OTHER,0,0,0,0",
		"1733976181557,18.194.211.253,10.1.0.4,55107,22,6,I,D,NX_OTHER,0,0,0,0",
	} {
		seen[MustParseTuple(s)]++
	}
	if len(seen) != 3 {
		t.Errorf("map of 5 tuples (2 pairs of equal ones) has %d keys, want 3", len(seen))
	}
}

func TestStrings(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{TCP.String(), "TCP"}, {UDP.String(), "UDP"}, {ICMP.String(), "ICMP"}, {ICMPv6.String(), "ICMPv6"},
		{Protocol(47).String(), "47"},
		{Inbound.String(), "Inbound"}, {Outbound.String(), "Outbound"}, {Direction(0).String(), "Direction(0)"},
		{Allow.String(), "Allow"}, {Deny.String(), "Deny"}, {Decision(9).String(), "Decision(9)"},
		{FlowState(0).String(), "None"}, {Begin.String(), "Begin"}, {Continuing.String(), "Continuing"},
		{End.String(), "End"}, {Denied.String(), "Denied"}, {FlowState(5).String(), "FlowState(5)"},
		{EncryptionNone.String(), "None"}, {EncryptionX.String(), "X"}, {EncryptionNX.String(), "NX"},
		{EncryptionNXHWNotSupported.String(), "NX_HW_NOT_SUPPORTED"}, {EncryptionNXSWNotReady.String(), "NX_SW_NOT_READY"},
		{EncryptionNXNotAccepted.String(), "NX_NOT_ACCEPTED"}, {EncryptionNXNotSupported.String(), "NX_NOT_SUPPORTED"},
		{EncryptionNXLocalDst.String(), "NX_LOCAL_DST"}, {EncryptionNXFallback.String(), "NX_FALLBACK"},
		{EncryptionOther.String(), "Other"}, {Encryption(99).String(), "Encryption(99)"},
	} {
		if c.got != c.want {
			t.Errorf("String() = %q, want %q", c.got, c.want)
		}
	}
	for e := EncryptionX; e < EncryptionOther; e++ {
		s := "1663146003599,10.0.0.6,10.0.0.7,1,2,6,O,E," + e.String() + ",1,2,3,4"
		if tu := MustParseTuple(s); tu.Encryption() != e || tu.String() != s {
			t.Errorf("encryption %v: parsed %v, wrote %q", e, tu.Encryption(), tu.String())
		}
	}
}

func TestCounters(t *testing.T) {
	// The documentation's worked example: a flow's total is the sum of its
	// tuples' counters.
	var packets, bytes uint64
	for _, s := range []string{
		"1708978215,203.0.113.105,10.0.0.5,35370,443,T,I,A,B,,,,",
		"1708978515,203.0.113.105,10.0.0.5,35370,443,T,I,A,C,1021,588096,8005,4610880",
		"1708978815,203.0.113.105,10.0.0.5,35370,443,T,I,A,E,52,29952,47,27072",
	} {
		if c, ok := MustParseTuple(s).Counters(); ok {
			packets += c.Packets()
			bytes += c.Bytes()
		}
	}
	if packets != 9125 || bytes != 5256000 {
		t.Errorf("totals %d packets, %d bytes; the documentation says 9125 and 5256000", packets, bytes)
	}
}

func TestSize(t *testing.T) {
	// Tuple is passed and returned by value; keep it within two cache lines.
	if n := unsafe.Sizeof(Tuple{}); n > 128 {
		t.Errorf("Tuple is %d bytes, want at most 128", n)
	}
}

// corpusTuple is one tuple of a sample file, with the version its record
// states.
type corpusTuple struct {
	file    string
	text    string
	version int
}

// tupleLiteral matches a JSON string that starts with digits and a comma:
// a flow tuple, since no other member of these files looks like one.
var tupleLiteral = regexp.MustCompile(`"(\d+,[^"]*)"`)

// corpusTuples returns every tuple of every file in testdata, in order.
func corpusTuples(tb testing.TB) []corpusTuple {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.*"))
	if err != nil {
		tb.Fatal(err)
	}
	var all []corpusTuple
	for _, file := range files {
		if strings.HasSuffix(file, ".md") {
			continue
		}
		data, err := os.ReadFile(file)
		if err != nil {
			tb.Fatal(err)
		}
		literals := tupleLiteral.FindAllSubmatch(data, -1)
		if strings.Contains(file, "msdocs__") {
			// Microsoft's version 1 example stops with "..." and is
			// not JSON: take its tuples with the regular expression.
			for _, m := range literals {
				all = append(all, corpusTuple{file, string(m[1]), 1})
			}
			continue
		}
		var blob struct {
			Records []struct {
				FlowLogVersion int `json:"flowLogVersion"`
				Properties     struct {
					Version int `json:"Version"`
					Flows   []struct {
						Flows []struct {
							FlowTuples []string `json:"flowTuples"`
						} `json:"flows"`
					} `json:"flows"`
				} `json:"properties"`
				FlowRecords struct {
					Flows []struct {
						FlowGroups []struct {
							FlowTuples []string `json:"flowTuples"`
						} `json:"flowGroups"`
					} `json:"flows"`
				} `json:"flowRecords"`
			} `json:"records"`
		}
		if err := json.Unmarshal(data, &blob); err != nil {
			tb.Fatalf("%s: %v", file, err)
		}
		n := 0
		for _, r := range blob.Records {
			for _, f := range r.Properties.Flows {
				for _, g := range f.Flows {
					for _, s := range g.FlowTuples {
						all = append(all, corpusTuple{file, s, r.Properties.Version})
						n++
					}
				}
			}
			for _, f := range r.FlowRecords.Flows {
				for _, g := range f.FlowGroups {
					for _, s := range g.FlowTuples {
						all = append(all, corpusTuple{file, s, r.FlowLogVersion})
						n++
					}
				}
			}
		}
		if n != len(literals) || n == 0 {
			tb.Fatalf("%s: %d tuples read as JSON, %d strings that look like tuples", file, n, len(literals))
		}
	}
	return all
}

func TestCorpus(t *testing.T) {
	tuples := corpusTuples(t)
	perVersion := map[int]int{}
	fast := 0
	for _, c := range tuples {
		perVersion[c.version]++
		var ft Tuple
		if ft.parseFast([]byte(c.text), 0, c.version, nil) {
			fast++
		}
		tu, err := ParseTupleBytes([]byte(c.text), c.version)
		if err != nil {
			t.Errorf("%s: %v", c.file, err)
			continue
		}
		if s := string(tu.AppendTo(nil)); s != c.text {
			t.Errorf("%s: AppendTo = %q, parsed %q", c.file, s, c.text)
		}
		if inferred, err := ParseTuple(c.text); err != nil || inferred != tu {
			t.Errorf("%s: ParseTuple(%q) = %v, %v; with version %d: %v", c.file, c.text, inferred, err, c.version, tu)
		}
		if ref, ok := refParseTuple(c.text, c.version); !ok || ref != tu {
			t.Errorf("%s: refParseTuple(%q) = %#v, %v; want %#v", c.file, c.text, ref, ok, tu)
		}
		text, err := tu.MarshalText()
		var back Tuple
		if err != nil || string(text) != c.text || back.UnmarshalText(text) != nil || back != tu {
			t.Errorf("%s: text round trip of %q: %q, %v, %v", c.file, c.text, text, err, back)
		}
		// What the samples show of each version.
		switch c.version {
		case 1, 2:
			if tu.EpochUnit() != time.Second || tu.Encryption() != EncryptionNone {
				t.Errorf("%s: %q: unit %v, encryption %v", c.file, c.text, tu.EpochUnit(), tu.Encryption())
			}
		case 4:
			if tu.EpochUnit() != time.Millisecond || tu.Encryption() != EncryptionNX {
				t.Errorf("%s: %q: unit %v, encryption %v", c.file, c.text, tu.EpochUnit(), tu.Encryption())
			}
		}
		if _, ok := tu.Counters(); c.version == 2 && ok == (tu.State() == Begin) {
			t.Errorf("%s: %q: counters present: %v", c.file, c.text, ok)
		}
	}
	if fast != len(tuples) {
		t.Errorf("parseFast read %d of the %d tuples", fast, len(tuples))
	}
	if perVersion[1] == 0 || perVersion[2] == 0 || perVersion[4] == 0 || len(perVersion) != 3 {
		t.Errorf("tuples per version: %v", perVersion)
	}
	t.Logf("%d tuples: %v", len(tuples), perVersion)
}

// allocSamples are tuples of every shape, for the allocation tests.
var allocSamples = []struct {
	text    string
	version int
}{
	{"1487282421,192.0.2.95,10.1.0.4,51529,5358,T,I,D", 1},
	{"1542110402,192.0.2.190,10.5.16.4,28746,443,U,I,D,B,,,,", 2},
	{"1542110379,10.5.16.4,203.0.113.115,44931,443,T,O,A,C,30,16978,24,14008", 2},
	{"1663146003606,10.0.0.6,52.239.184.180,23956,443,6,O,E,NX,3,767,2,1580", 4},
	{"1663146003606,2001:db8::6,::ffff:10.0.0.7,23956,443,6,O,E,NX_HW_NOT_SUPPORTED,3,767,2,1580", 4},
	{"1663146003606,10.0.0.6,10.0.0.7,23956,443,6,O,E,NX_SOMETHING_NEW,3,767,2,1580", 4},
}

func TestAllocs(t *testing.T) {
	buf := make([]byte, 0, 256)
	for _, s := range allocSamples {
		b := []byte(s.text)
		var tu Tuple
		var err error
		if n := testing.AllocsPerRun(200, func() { tu, err = ParseTupleBytes(b, s.version) }); n != 0 || err != nil {
			t.Errorf("ParseTupleBytes(%q): %v allocations, error %v", s.text, n, err)
		}
		if n := testing.AllocsPerRun(200, func() { tu, err = ParseTupleBytes(b, 0) }); n != 0 || err != nil {
			t.Errorf("ParseTupleBytes(%q, 0): %v allocations, error %v", s.text, n, err)
		}
		if n := testing.AllocsPerRun(200, func() { tu, err = ParseTuple(s.text) }); n != 0 || err != nil {
			t.Errorf("ParseTuple(%q): %v allocations, error %v", s.text, n, err)
		}
		if n := testing.AllocsPerRun(200, func() { buf = tu.AppendTo(buf[:0]) }); n != 0 {
			t.Errorf("AppendTo(%q): %v allocations", s.text, n)
		}
		var sink netip.Addr
		if n := testing.AllocsPerRun(200, func() {
			sink = tu.SrcAddr()
			_ = tu.Time()
			_, _ = tu.Counters()
		}); n != 0 {
			t.Errorf("accessors of %q: %v allocations", s.text, n)
		}
		_ = sink
	}
}

// benchSamples are the tuples the benchmarks parse.
var benchSamples = []struct {
	name    string
	text    string
	version int
}{
	{"v1", "1487282421,192.0.2.95,10.1.0.4,51529,5358,T,I,D", 1},
	{"v2-begin", "1542110402,192.0.2.190,10.5.16.4,28746,443,U,I,D,B,,,,", 2},
	{"v2-counters", "1542110379,10.5.16.4,203.0.113.115,44931,443,T,O,A,C,30,16978,24,14008", 2},
	{"v4", "1663146003606,10.0.0.6,52.239.184.180,23956,443,6,O,E,NX,3,767,2,1580", 4},
	{"v4-ipv6", "1663146003606,2001:db8::6,2001:db8:85a3::8a2e:370:7334,23956,443,6,O,E,NX,3,767,2,1580", 4},
}

var benchSink Tuple

// BenchmarkParseTuple runs ParseTupleBytes and the reference parser on the
// same inputs, one after the other.
func BenchmarkParseTuple(b *testing.B) {
	for _, s := range benchSamples {
		in := []byte(s.text)
		b.Run(s.name+"/ParseTupleBytes", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				benchSink, _ = ParseTupleBytes(in, s.version)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "tuples/s")
		})
		b.Run(s.name+"/reference", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				benchSink, _ = refParseTuple(string(in), s.version)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "tuples/s")
		})
	}
	corpus := corpusTuples(b)
	var size int64
	in := make([][]byte, len(corpus))
	for i, c := range corpus {
		in[i] = []byte(c.text)
		size += int64(len(c.text))
	}
	b.Run("corpus/ParseTupleBytes", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(size)
		for b.Loop() {
			for i, t := range in {
				benchSink, _ = ParseTupleBytes(t, corpus[i].version)
			}
		}
		b.ReportMetric(float64(b.N)*float64(len(in))/b.Elapsed().Seconds(), "tuples/s")
	})
	b.Run("corpus/reference", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(size)
		for b.Loop() {
			for i, t := range in {
				benchSink, _ = refParseTuple(string(t), corpus[i].version)
			}
		}
		b.ReportMetric(float64(b.N)*float64(len(in))/b.Elapsed().Seconds(), "tuples/s")
	})
}

func BenchmarkAppendTo(b *testing.B) {
	for _, s := range benchSamples {
		tu := MustParseTuple(s.text)
		buf := make([]byte, 0, 256)
		b.Run(s.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(s.text)))
			for b.Loop() {
				buf = tu.AppendTo(buf[:0])
			}
		})
	}
}
