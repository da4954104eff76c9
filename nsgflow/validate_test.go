package nsgflow

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/azlogs/azlogs"
)

func TestValidate(t *testing.T) {
	nsg := `{"time":"2018-11-13T12:00:35Z","systemId":"s","macAddress":"000D3AF87856","category":"NetworkSecurityGroupFlowEvent",` +
		`"resourceId":"/X","operationName":"NetworkSecurityGroupFlowEvents","properties":{"Version":2,"flows":[` +
		`{"rule":"R","flows":[{"mac":"000D3AF87856","flowTuples":["1542110379,10.5.16.4,13.67.143.117,59932,443,T,O,A,E,1,66,1,66"]}]}]}}`
	vnet := `{"time":"2022-09-14T09:00:52Z","flowLogVersion":4,"flowLogGUID":"g","macAddress":"00224871C205",` +
		`"category":"FlowLogFlowEvent","flowLogResourceID":"/F","targetResourceID":"/T","operationName":"FlowLogFlowEvent",` +
		`"flowRecords":{"flows":[{"aclID":"a","flowGroups":[{"rule":"r","flowTuples":["1663146003606,10.0.0.6,52.239.184.180,23956,443,6,O,E,NX,3,767,2,1580"]}]}]}}`
	const nsgTuple = "1542110379,10.5.16.4,13.67.143.117,59932,443,T,O,A,E,1,66,1,66"
	const vnetTuple = "1663146003606,10.0.0.6,52.239.184.180,23956,443,6,O,E,NX,3,767,2,1580"
	for _, tc := range []struct {
		name, in, old, new string
		want               []string // pointer: cause
	}{
		{"nsg ok", nsg, "", "", nil},
		{"vnet ok", vnet, "", "", nil},
		{"nsg version", nsg, `"Version":2`, `"Version":3`, []string{"/properties/Version: out of range"}},
		{"nsg version missing", nsg, `"Version":2,`, ``, []string{"/properties/Version: missing"}},
		{"vnet version", vnet, `"flowLogVersion":4`, `"flowLogVersion":2`, []string{"/flowLogVersion: out of range", "/flowRecords/flows/0/flowGroups/0/flowTuples/0: out of range"}},
		{"bad mac", nsg, `"mac":"000D3AF87856"`, `"mac":"00-0D-3A-F8-78-56"`, []string{"/properties/flows/0/flows/0/mac: invalid value"}},
		{"bad record mac", vnet, `"macAddress":"00224871C205"`, `"macAddress":"0022487"`, []string{"/macAddress: invalid value"}},
		{"missing rule", vnet, `"rule":"r",`, ``, []string{"/flowRecords/flows/0/flowGroups/0/rule: missing"}},
		{"missing aclID", vnet, `"aclID":"a",`, ``, []string{"/flowRecords/flows/0/aclID: missing"}},
		{"category", vnet, `"category":"FlowLogFlowEvent"`, `"category":"NetworkSecurityGroupFlowEvent"`, []string{"/category: invalid value"}},
		{"v1 tuple in v2", nsg, nsgTuple, "1542110379,10.5.16.4,13.67.143.117,59932,443,T,O,A", []string{"/properties/flows/0/flows/0/flowTuples/0: invalid value"}},
		{"port range", nsg, nsgTuple, "1542110379,10.5.16.4,13.67.143.117,59932,65536,T,O,A,E,1,66,1,66", []string{"/properties/flows/0/flows/0/flowTuples/0: out of range"}},
		{"port zero", nsg, nsgTuple, "1542110379,10.5.16.4,13.67.143.117,0,443,T,O,A,E,1,66,1,66", []string{"/properties/flows/0/flows/0/flowTuples/0: invalid value"}},
		{"begin with counters v2", nsg, nsgTuple, "1542110379,10.5.16.4,13.67.143.117,59932,443,T,O,A,B,1,66,1,66", []string{"/properties/flows/0/flows/0/flowTuples/0: invalid value"}},
		{"end without counters v2", nsg, nsgTuple, "1542110379,10.5.16.4,13.67.143.117,59932,443,T,O,A,E,,,,", []string{"/properties/flows/0/flows/0/flowTuples/0: invalid value"}},
		{"denied with bytes v4", vnet, vnetTuple, "1663146003606,10.0.0.6,52.239.184.180,23956,443,6,I,D,NX,3,767,2,1580", []string{"/flowRecords/flows/0/flowGroups/0/flowTuples/0: invalid value"}},
		{"begin empty v4", vnet, vnetTuple, "1663146003606,10.0.0.6,52.239.184.180,23956,443,6,O,B,NX,,,,", nil},
		{"nsg tuple in vnet", vnet, vnetTuple, nsgTuple, []string{"/flowRecords/flows/0/flowGroups/0/flowTuples/0: invalid value"}},
		{"no time, no op", nsg, `"time":"2018-11-13T12:00:35Z","systemId":"s"`, `"systemId":"s"`, []string{"/time: missing"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.in
			if tc.old != "" {
				require.Contains(t, in, tc.old)
				in = strings.Replace(in, tc.old, tc.new, 1)
			}
			recs, err := decodeAll(t, []byte(in))
			require.NoError(t, err)
			err = recs[0].Validate()
			if tc.want == nil {
				require.NoError(t, err)
				return
			}
			var ve *azlogs.ValidationError
			require.ErrorAs(t, err, &ve)
			var got []string
			for _, f := range ve.Fields {
				got = append(got, f.Pointer+": "+f.Err.Error())
			}
			require.Equal(t, tc.want, got, err.Error())
			require.True(t, errors.Is(err, ve.Fields[0].Err))
		})
	}
}
