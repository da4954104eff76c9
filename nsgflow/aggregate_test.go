package nsgflow

import (
	"net/netip"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSummary(t *testing.T) {
	data, err := os.ReadFile("testdata/elastic-integrations__azure_network_watcher_nsg__sample_logs__testdata.log")
	require.NoError(t, err)
	recs, err := decodeAll(t, data)
	require.NoError(t, err)
	var s Summary
	for _, r := range recs {
		s.AddRecord(r)
	}
	require.EqualValues(t, 2, s.Records)
	require.EqualValues(t, 11, s.Tuples)
	require.EqualValues(t, 7, s.Total.Denied)
	// 1,66,1,66 + 30,16978,24,14008 + 15,8489,12,7054
	require.EqualValues(t, 66+66+16978+14008+8489+7054, s.Total.Bytes)
	require.EqualValues(t, 1+1+30+24+15+12, s.Total.Packets)

	rules := s.TopRules(10)
	require.Len(t, rules, 2)
	require.Equal(t, "DefaultRule_AllowInternetOutBound", rules[0].Key.Rule)
	require.Equal(t, recs[0].ResourceID, rules[0].Key.ACL)
	require.EqualValues(t, 4, rules[0].Stats.Tuples)
	require.Equal(t, "DefaultRule_DenyAllInBound", rules[1].Key.Rule)
	require.EqualValues(t, 7, rules[1].Stats.Denied)

	talkers := s.TopTalkers(1)
	require.Equal(t, netip.MustParseAddr("10.5.16.4"), talkers[0].Key)

	denied := s.DeniedFlows(100)
	require.Len(t, denied, 7)
	for _, d := range denied {
		require.Equal(t, netip.MustParseAddr("10.5.16.4"), d.Key.Dst)
	}
	require.Len(t, s.DeniedSources(3), 3)
	require.Len(t, s.TopFlows(2), 2)
	require.Nil(t, s.TopFlows(0))

	// The same result when tuples are added one by one.
	var one Summary
	for _, r := range recs {
		for g := range r.Groups() {
			for tu, err := range g.Tuples() {
				require.NoError(t, err)
				one.Add(RuleKey{ACL: r.ResourceID, Rule: g.Rule}, tu)
			}
		}
	}
	require.Equal(t, s.Rules, one.Rules)
	require.Equal(t, s.Flows, one.Flows)
	require.Equal(t, s.Total, one.Total)

	s.Reset()
	require.Zero(t, s.Tuples)
	require.Empty(t, s.Flows)
}

func TestSummaryCountsBadTuples(t *testing.T) {
	in := `{"flowLogVersion":4,"flowRecords":{"flows":[{"aclID":"a","flowGroups":[{"rule":"r","flowTuples":["x","1663146003606,10.0.0.6,52.239.184.180,23956,443,6,O,E,NX,3,767,2,1580"]}]}]}}`
	recs, err := decodeAll(t, []byte(in))
	require.NoError(t, err)
	var s Summary
	s.AddRecord(recs[0])
	require.EqualValues(t, 1, s.BadTuples)
	require.EqualValues(t, 1, s.Tuples)
	require.Equal(t, RuleKey{ACL: "a", Rule: "r"}, s.TopRules(1)[0].Key)
}
