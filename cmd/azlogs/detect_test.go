package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestDetect(t *testing.T) {
	for in, want := range map[string]kind{
		`{"records":[{"time":"x","category":"NetworkSecurityGroupFlowEvent"`:                          kindFlow,
		`{"time":"x","category":"FlowLogFlowEvent"`:                                                   kindFlow,
		`{"time":"x","category":"Administrative"}`:                                                    kindActivity,
		`{"value":[{"category":{"value":"Policy","localizedValue":"Policy"}`:                          kindActivity,
		`{"category":"NonInteractiveUserSignInLogs","properties":{"eventCategory":"Administrative"}}`: kindActivity,
		`{"time":"x","category":"AuditEvent","operationName":"VaultGet"}`:                             kindDiagnostics,
		`{"Category":"AppServiceAuditLogs"}`:                                                          kindDiagnostics,
		`{"eventTimestamp":"2017-07-21T01:00:51Z","submissionTimestamp":"x"}`:                         kindActivity,
		`{"records":[{"count":4,"metricName":"IncomingRequests"}]}`:                                   kindDiagnostics,
	} {
		require.Equal(t, want, detect([]byte(in)), in)
	}
	// Every embedded sample is detected as the family it came from.
	for dir, want := range map[string]kind{"samples/activity": kindActivity, "samples/diagnostics": kindDiagnostics, "samples/nsgflow": kindFlow} {
		entries, err := os.ReadDir(dir)
		require.NoError(t, err)
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join(dir, e.Name()))
			require.NoError(t, err)
			require.Equal(t, want, detect(data), e.Name())
		}
	}
}
