// Package nsgflow decodes the flow logs of Azure Network Watcher: NSG flow
// logs, format versions 1 and 2 (category NetworkSecurityGroupFlowEvent),
// and virtual network (VNet) flow logs, version 4 (category
// FlowLogFlowEvent).
//
// # Where they are
//
// Network Watcher writes flow logs to a storage account as PT1H.json block
// blobs, one per network interface (macAddress=) and hour, in the
// containers
//
//	insights-logs-networksecuritygroupflowevent   NSG flow logs
//	insights-logs-flowlogflowevent                VNet flow logs
//
// Each blob is one JSON document, {"records":[…]}, to which a record is
// added about once a minute while the hour lasts. No new NSG flow logs can
// be created after 2025-06-30 and they retire on 2027-09-30; VNet flow
// logs replace them, but old blobs keep turning up.
//
// # Records, flows and tuples
//
// The traffic itself is in strings called flow tuples, nested inside each
// record. An NSG record puts them under properties, grouped by rule and
// NIC, and states its version as properties.Version (capital V):
//
//	records[].properties.flows[].flows[].flowTuples[]
//
// A VNet record has no properties object; it groups the tuples by ACL
// (aclID) and rule, and states its version as flowLogVersion:
//
//	records[].flowRecords.flows[].flowGroups[].flowTuples[]
//
// A real NSG record, version 2 (from the Elastic integration's test data):
//
//	{
//	  "time": "2018-11-13T12:01:35.3918317Z",
//	  "systemId": "a0fca5ce-022c-47b1-9735-89943b42f2fa",
//	  "category": "NetworkSecurityGroupFlowEvent",
//	  "resourceId": "/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/FABRIKAMRG/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/FABRIAKMVM1-NSG",
//	  "operationName": "NetworkSecurityGroupFlowEvents",
//	  "properties": {"Version": 2, "flows": [{"rule": "DefaultRule_DenyAllInBound", "flows": [{"mac": "000D3AF87856", "flowTuples": [
//	    "1542110437,125.64.94.197,10.5.16.4,59752,18264,T,I,D,B,,,,",
//	    "1542110475,80.211.72.221,10.5.16.4,37433,8088,T,I,D,B,,,,",
//	    "1542110487,46.101.199.124,10.5.16.4,60577,8088,T,I,D,B,,,,",
//	    "1542110490,176.119.4.30,10.5.16.4,57067,52801,T,I,D,B,,,,"
//	  ]}]}]}
//	}
//
// A real VNet record, version 4 (from the OpenTelemetry Collector's test
// data):
//
//	{
//	  "time": "2025-11-07T15:59:52.9326845Z",
//	  "flowLogGUID": "00000000-0000-0000-0000-000000000000",
//	  "macAddress": "000000000000",
//	  "category": "FlowLogFlowEvent",
//	  "flowLogResourceID": "/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/TEST-RG/PROVIDERS/MICROSOFT.NETWORK/NETWORKWATCHERS/NETWORKWATCHER_EASTUS2/FLOWLOGS/TEST-VNET-FLOWLOG",
//	  "targetResourceID": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/test-rg/providers/Microsoft.Network/virtualNetworks/test-vnet",
//	  "flowLogVersion": 4,
//	  "operationName": "FlowLogFlowEvent",
//	  "resourceId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/test-rg/providers/Microsoft.Network/virtualNetworks/test-vnet",
//	  "flowRecords": {"flows": [{"aclID": "00000000-0000-0000-0000-000000000000", "flowGroups": [{"rule": "PlatformRule", "flowTuples": [
//	    "1762531163718,10.0.0.1,1.1.1.1,43652,443,6,O,E,NX,1,66,1,635",
//	    "1762531163718,10.0.0.1,1.1.1.1,43652,443,6,O,B,NX,0,0,0,0"
//	  ]}]}]}
//	}
//
// # Tuple layouts
//
// A tuple is a comma-separated string; its layout depends on the record's
// version. [Tuple] holds one, [ParseTuple] and [ParseTupleBytes] read it,
// and [Tuple.AppendTo] writes it back in the same layout.
//
// Version 1, 8 fields:
//
//	1487282421,192.0.2.95,10.1.0.4,51529,5358,T,I,D
//	0 time in Unix seconds   3 source port        6 direction: I inbound, O outbound
//	1 source IP              4 destination port   7 decision: A allowed, D denied
//	2 destination IP         5 protocol: T TCP, U UDP
//
// Version 2, 13 fields: those of version 1, then
//
//	1542110379,10.5.16.4,203.0.113.117,59932,443,T,O,A,E,1,66,1,66
//	8 flow state: B begin, C continuing, E end
//	9 packets source to destination    11 packets destination to source
//	10 bytes source to destination     12 bytes destination to source
//
// The counters are packets and bytes since the previous tuple of the same
// flow; a continuing tuple comes about every five minutes. A begin tuple
// leaves the four counters empty ("…,B,,,,").
//
// Version 4 (VNet), 13 fields in another order:
//
//	1663146003606,10.0.0.6,52.239.184.180,23956,443,6,O,E,NX,3,767,2,1580
//	0 time in Unix milliseconds        5 protocol: the IANA number (6 TCP, 17 UDP)
//	1 source IP                        6 direction: I or O
//	2 destination IP                   7 flow state: B, C, E, or D denied
//	3 source port                      8 encryption: X, NX, NX_HW_NOT_SUPPORTED, …
//	4 destination port                 9 to 12: the counters, as in version 2
//
// Version 4 has no decision field: a denied flow has the state D.
// [Tuple.Decision] derives Allow or Deny from it, so that the same test
// works for every version. The encryption status says whether virtual
// network encryption applied; [Encryption] lists the documented values,
// and unknown ones are kept as written.
//
// # Decoding
//
// [Decoder] reads records of both kinds, mixed, in any framing (the blob's
// {"records":[…]} document, JSON lines, an array), with the loop every
// package of this module shares:
//
//	dec := nsgflow.NewDecoder(blob)
//	for dec.Next() {
//		rec := dec.Record() // one resource, one minute
//		for g := range rec.Groups() { // rule and MAC (NSG), ACL and rule (VNet)
//			for t, err := range g.Tuples() {
//				…
//			}
//		}
//	}
//	if err := dec.Err(); err != nil { … }
//
// A [Record] holds the envelope (time, category, resource IDs, MAC,
// version) as fields, the grouping as [Group] values, and each tuple's
// text as a span of the record's bytes. A tuple is parsed only when it is
// asked for, by [Record.Tuples], [Record.Tuple], [Group.Tuples] or
// [Group.Tuple], into a [Tuple] on the stack: in steady state nothing is
// allocated per record or per tuple. Members the package has no field for
// are kept (Record.Extra, Record.PropertiesExtra, [Record.GroupExtra]) and
// [Record.AppendJSON] writes every one back.
//
// # Speed
//
// Decoding a record finds where each tuple string ends by scanning the
// flowTuples array 64 bytes at a time, with SSE2 assembly on amd64 (every
// amd64 processor has SSE2) and with portable Go elsewhere or under the
// build tag purego; both give the same results. The scan also notes where
// the commas are, so the parser reads a tuple's fields without each
// waiting for the one before it. Numbers and IPv4 addresses are read
// eight bytes at a time, and each decoder remembers the addresses it has
// read. bench/README.md in the repository has the measurements and how
// to repeat them.
//
// # Malformed tuples
//
// A tuple that does not parse does not make its record bad, and is never
// dropped: the iterators yield it, as the zero Tuple with a [*TupleError]
// that holds its JSON pointer (/properties/flows/1/flows/0/flowTuples/3)
// and the [*ParseError]; [Record.Validate] reports it at the same pointer;
// [Summary] counts it in BadTuples. (By default a raw control byte inside
// a tuple string, which JSON forbids, is read as part of a malformed tuple
// too; azlogs.WithStrict makes it a syntax error.) A record whose JSON is
// malformed, or
// whose structure has the wrong types (a tuple that is not a string), is a
// bad record: it stops the decoder, or goes to the handler of
// azlogs.WithErrorHandler.
//
// # Growing blobs
//
// Network Watcher re-commits a blob about once a minute while the hour
// lasts: the first block is {"records":[ (12 bytes), the last ]} (2
// bytes), and each new record is inserted before the last block as a
// block that starts with a comma. A reader polling the blob reads from
// where it stopped, so its next read starts with a comma and has no head,
// and a read that races an update may stop inside a record. [TailReader]
// takes the bytes from a saved offset and that offset, returns every
// complete record once, treats a torn or missing tail as the normal end of
// a poll, and says where to resume ([TailReader.Offset]). A plain Decoder
// reading a torn blob returns the complete records and then an error
// wrapping azlogs.ErrTruncated, with its position; Microsoft's version 1
// example, which ends in "..." with no closing brackets, decodes that way.
//
// # Aggregating
//
// [Summary] adds up records into flows by 5-tuple ([FlowKey]), traffic per
// rule ([RuleKey]: the NSG or ACL with the rule name) and per source
// address, with top lists: [Summary.TopTalkers], [Summary.TopRules],
// [Summary.TopFlows], [Summary.DeniedFlows], [Summary.DeniedSources].
// Adding a tuple whose keys are known allocates nothing.
//
// # Validation
//
// [Record.Validate] checks the envelope of each kind, the versions (1 or 2
// for NSG, 4 for VNet), MAC addresses (twelve hex digits), the grouping,
// every tuple in the layout its record's version sets (so a version 1
// tuple in a version 2 record is reported), ports (0 to 65535, not 0 for
// TCP and UDP), and counters against the flow state (none on NSG begin
// tuples, none or zeros on VNet begin and denied tuples, present on
// continuing and end tuples).
//
// # Departures from Microsoft's documentation
//
// What real samples show, and how this package reads it:
//
//   - Times of version 4 tuples. The VNet page calls the field a Unix
//     epoch; its record example and every real sample write milliseconds
//     (13 digits), while its bandwidth example writes seconds (10 digits).
//     Every version accepts both: values of 10^11 and more are
//     milliseconds. [Tuple.EpochUnit] says which was read.
//   - Counters of version 4 begin and denied tuples. The bandwidth example
//     leaves them empty, as NSG version 2 does; every real sample writes
//     "0,0,0,0". Both are accepted and kept apart: [Tuple.Counters]
//     reports whether the tuple had counters at all.
//   - Empty counters in version 2. The docs tie them to begin tuples and
//     to denied flows. In the samples they go with the B state alone:
//     denied tuples are all B tuples, and allowed B tuples (including
//     inbound ones) are empty too. End tuples may carry "0,0,0,0", so zero
//     counters are not the same as absent ones.
//   - Counters of UDP flows. The NSG page describes the counters as TCP
//     packets and bytes; version 4 UDP tuples (protocol 17) carry them too.
//   - Order. The bandwidth example gives its begin tuple a later time than
//     the continuing and end tuples of the same flow. In real blobs tuples
//     are not in time order within a record, an end tuple can come before
//     the begin tuple of the same flow, and the same tuple can appear
//     several times in one flow group. This package checks no order and
//     removes no duplicates.
//   - Record time. A record's time is when it was written: its tuples are
//     up to about a minute older.
//   - Addresses. All documented and sampled tuples carry IPv4 addresses;
//     any IPv4 or IPv6 address is accepted (but not an IPv6 zone).
//   - Encryption. Only NX occurs in the samples; the other documented
//     statuses are recognized, and undocumented ones are kept.
//   - Version 1 example. Microsoft's version 1 example is not valid JSON
//     (one edition ends with "...", another nests a records array inside
//     records); its tuples are well formed. The decoder returns its
//     complete records, then reports the tear.
//   - Member names. The field list writes resourceid, the samples
//     resourceId; NSG records write Version with a capital V. Every member
//     name is matched in any letter case.
//   - macAddress on NSG records. Not in the documented schema, but written
//     by real blobs (and declared by Microsoft's own connector); it is
//     read when present.
//   - resourceId on VNet records. Not documented; some writers repeat the
//     target there. It is read, and Record.EventResourceID prefers it.
package nsgflow
