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
//     records); its tuples are well formed.
package nsgflow
