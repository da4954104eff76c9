package diagnostics

import (
	"os"
	"testing"

	"github.com/azlogs/azlogs/internal/testkit"
	"github.com/stretchr/testify/require"
)

// documented are samples from Microsoft's documentation (quoted in the
// fact sheet shared/schemas/diagnostics.md), for the typed categories that
// have no file in testdata.
var documented = map[Category]string{
	BatchServiceLog:           `{"Tenant":"65298bc2729a4c93b11c00ad7e660501","time":"2019-08-22T20:59:13.5698778Z","resourceId":"/SUBSCRIPTIONS/XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX/RESOURCEGROUPS/MYRESOURCEGROUP/PROVIDERS/MICROSOFT.BATCH/BATCHACCOUNTS/MYBATCHACCOUNT/","category":"ServiceLog","operationName":"PoolResizeCompleteEvent","operationVersion":"2017-06-01","properties":{"id":"MYPOOLID","nodeDeallocationOption":"Requeue","currentDedicatedNodes":10,"targetDedicatedNodes":100,"currentLowPriorityNodes":0,"targetLowPriorityNodes":0,"enableAutoScale":false,"isAutoPool":false,"startTime":"2019-08-22 20:50:59.522","endTime":"2019-08-22 20:59:12.489","resultCode":"Success","resultMessage":"The operation succeeded"}}`,
	DataLakeStoreRequests:     `{"time":"2016-07-07T21:02:53.456Z","resourceId":"/SUBSCRIPTIONS/<subscription_id>/RESOURCEGROUPS/<resource_group_name>/PROVIDERS/MICROSOFT.DATALAKESTORE/ACCOUNTS/<data_lake_store_account_name>","category":"Requests","operationName":"GETCustomerIngressEgress","resultType":"200","callerIpAddress":"::ffff:1.1.1.1","correlationId":"4a11c709-05f5-417c-a98d-6e81b3e29c58","identity":"1808bd5f-62af-45f4-89d8-03c5e81bac30","properties":{"HttpMethod":"GET","Path":"/webhdfs/v1/Samples/Outputs/Drivers.csv","RequestContentLength":0,"ClientRequestId":"3b7adbd9-3519-4f28-a61c-bd89506163b8","StartTime":"2016-07-07T21:02:52.472Z","EndTime":"2016-07-07T21:02:53.456Z"}}`,
	DataLakeStoreAudit:        `{"time":"2016-07-08T19:08:59.359Z","resourceId":"/SUBSCRIPTIONS/<subscription_id>/RESOURCEGROUPS/<resource_group_name>/PROVIDERS/MICROSOFT.DATALAKESTORE/ACCOUNTS/<data_lake_storage_gen1_account_name>","category":"Audit","operationName":"SeOpenStream","resultType":"0","resultSignature":"0","correlationId":"381110fc03534e1cb99ec52376ceebdf;Append_BrEKAmg;25.66.9.145","identity":"A9DAFFAF-FFEE-4BB5-A4A0-1B6CBBF24355","properties":{"StreamName":"adl://<data_lake_storage_gen1_account_name>.azuredatalakestore.net/logs.csv"}}`,
	DataLakeAnalyticsAudit:    `{"time":"2016-07-28T19:15:16.245Z","resourceId":"/SUBSCRIPTIONS/<subscription_id>/RESOURCEGROUPS/<resource_group_name>/PROVIDERS/MICROSOFT.DATALAKEANALYTICS/ACCOUNTS/<data_lake_ANALYTICS_account_name>","category":"Audit","operationName":"JobSubmitted","identity":"user@somewhere.com","properties":{"JobId":"D74B928F-5194-4E6C-971F-C27026C290E6","JobName":"New Job","JobRuntimeName":"default","SubmitTime":"7/28/2016 7:14:57 PM"}}`,
	DataLakeAnalyticsRequests: `{"time":"2016-07-07T21:02:53.456Z","resourceId":"/SUBSCRIPTIONS/<subscription_id>/RESOURCEGROUPS/<resource_group_name>/PROVIDERS/MICROSOFT.DATALAKEANALYTICS/ACCOUNTS/<data_lake_analytics_account_name>","category":"Requests","operationName":"GetAggregatedJobHistory","resultType":"200","callerIpAddress":"::ffff:1.1.1.1","correlationId":"4a11c709-05f5-417c-a98d-6e81b3e29c58","identity":"1808bd5f-62af-45f4-89d8-03c5e81bac30","properties":{"HttpMethod":"POST","Path":"/JobAggregatedHistory","RequestContentLength":122,"ClientRequestId":"3b7adbd9-3519-4f28-a61c-bd89506163b8","StartTime":"2016-07-07T21:02:52.472Z","EndTime":"2016-07-07T21:02:53.456Z"}}`,
	EventHubsArchive:          `{"TaskName":"EventHubArchiveUserError","ActivityId":"000000000-0000-0000-0000-0000000000000","trackingId":"0000000-0000-0000-0000-00000000000000000","resourceId":"/SUBSCRIPTIONS/000000000-0000-0000-0000-0000000000000/RESOURCEGROUPS/<Resource Group Name>/PROVIDERS/MICROSOFT.EVENTHUB/NAMESPACES/<Event Hubs Namespace Name>","eventHub":"<Event Hub full name>","partitionId":"1","archiveStep":"ArchiveFlushWriter","startTime":"9/22/2016 5:11:21 AM","failures":3,"durationInSeconds":360,"message":"Microsoft.WindowsAzure.Storage.StorageException: The remote server returned an error: (404) Not Found.","category":"ArchiveLogs"}`,
	EventHubsAutoScale:        `{"TrackingId":"fb1b3676-bb2d-4b17-85b7-be1c7aa1967e","Message":"Scaled-up EventHub TUs (UpdateStartTimeUTC: 5/13/2020 7:48:36 AM, PreviousValue: 1, UpdatedThroughputUnitValue: 2, AutoScaleReason: 'IncomingMessagesPerSecond reached 2170')","ResourceId":"/subscriptions/0000000-0000-0000-0000-000000000000/resourcegroups/testrg/providers/microsoft.eventhub/namespaces/namespace-name","category":"AutoScaleLogs"}`,
	LoadBalancerAlertEvent:    `{"time":"2016-01-26T10:37:46.6024215Z","systemId":"32077926-b9c4-42fb-94c1-762e528b5b27","category":"LoadBalancerAlertEvent","resourceId":"/SUBSCRIPTIONS/XXXXXXXXXXXXXXXXX-XXXX-XXXX-XXXXXXXXX/RESOURCEGROUPS/RG7/PROVIDERS/MICROSOFT.NETWORK/LOADBALANCERS/WWEBLB","operationName":"LoadBalancerProbeHealthStatus","properties":{"eventName":"Resource Limits Hit","eventDescription":"Ports exhausted","eventProperties":{"public ip address":"40.117.227.32"}}}`,
	SearchOperationLogs:       `{"time":"2015-12-07T00:00:43.6872559Z","resourceId":"/SUBSCRIPTIONS/11111111-1111-1111-1111-111111111111/RESOURCEGROUPS/DEFAULT/PROVIDERS/MICROSOFT.SEARCH/SEARCHSERVICES/SEARCHSERVICE","operationName":"Query.Search","operationVersion":"2015-02-28","category":"OperationLogs","resultType":"Success","resultSignature":200,"durationMS":50,"properties":{"Description":"GET /indexes('content')/docs","Query":"?search=AzureSearch&$count=true&api-version=2015-02-28","Documents":42,"IndexName":"testindex"}}`,
	AutomationJobLogs:         `{"TimeGenerated":"2017-05-04T21:17:21Z","RunbookName_s":"Test","Caller_s":"user@contoso.com","Tenant_g":"aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e","JobId_g":"bbbb1b1b-cc2c-dd3d-ee4e-ffffff5f5f5f","ResultType":"Completed","Category":"JobLogs","OperationName":"Job","Resource":"MyAutomation","SourceSystem":"Azure","ResultDescription":"Job Completed","CorrelationId":"cccc2c2c-dd3d-ee4e-ff5f-aaaaaa6a6a6a","ResourceId":"/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.AUTOMATION/AUTOMATIONACCOUNTS/MYAUTOMATION"}`,
	AutomationJobStreams:      `{"TimeGenerated":"2017-05-04T21:17:21Z","RunbookName_s":"Test","StreamType_s":"Output","ResultType":"In Progress","Category":"JobStreams","OperationName":"Job","ResultDescription":"Hello","ResourceId":"/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.AUTOMATION/AUTOMATIONACCOUNTS/MYAUTOMATION"}`,
	AutomationDscNodeStatus:   `{"TimeGenerated":"2017-05-04T21:17:21Z","OperationName":"DscNodeStatusData","ResultType":"Compliant","Category":"DscNodeStatus","NodeName_s":"DSCTEST1","NodeId_g":"dddd3d3d-ee4e-ff5f-aa6a-bbbbbb7b7b7b","ConfigurationName_s":"Config.localhost","ResourceId":"/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.AUTOMATION/AUTOMATIONACCOUNTS/MYAUTOMATION"}`,
	StreamAnalyticsExecution:  `{"time":"2019-03-22T22:34:18.5664937Z","resourceId":"/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.STREAMANALYTICS/STREAMINGJOBS/JOB","category":"Execution","operationName":"Receive Events: ","status":"Failed","level":"Error","properties":"{\"Source\":\"InputTelemetryData\",\"Type\":\"DataError\",\"DataErrorType\":\"InputDeserializerError.InvalidData\",\"BriefMessage\":\"Json input stream should either be an array of objects or line separated objects. Found token type: Integer\",\"Message\":\"Input Message Id: x\",\"EventCount\":1}"}`,
	StreamAnalyticsAuthoring:  `{"time":"2019-03-22T22:34:18Z","resourceId":"/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.STREAMANALYTICS/STREAMINGJOBS/JOB","category":"Authoring","operationName":"Start job","status":"Succeeded","level":"Informational","properties":"{\"Message\":\"Job started\",\"Type\":\"JobStart\"}"}`,
}

// TestCategorySamples checks that every typed category has a sample, real
// (in testdata) or documented (above), that decodes to it with a typed
// view, and spot-checks a field of the documented ones.
func TestCategorySamples(t *testing.T) {
	seen := map[Category]bool{}
	for _, file := range testkit.Samples(t) {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		recs, _, err := decodeAll(t, data)
		require.NoError(t, err)
		for _, r := range recs {
			if r.Category != CategoryUnknown {
				require.NotNil(t, r.Properties.View(), file)
				seen[r.Category] = true
			}
		}
	}
	for c, in := range documented {
		r := decodeOne(t, in)
		require.Equal(t, c, r.Category, in)
		require.NotNil(t, r.Properties.View())
		seen[c] = true
	}
	for c := Category(1); c < numCategories; c++ {
		require.True(t, seen[c], "no sample for %v (%d)", c, c)
	}

	r := decodeOne(t, documented[BatchServiceLog])
	require.Equal(t, "MYPOOLID", r.Properties.Batch().ID)
	r = decodeOne(t, documented[DataLakeStoreRequests])
	require.Equal(t, int64(0), r.Properties.DataLake().RequestContentLength.Value)
	require.True(t, r.Properties.DataLake().RequestContentLength.Valid)
	require.Equal(t, "1808bd5f-62af-45f4-89d8-03c5e81bac30", r.EventCaller())
	r = decodeOne(t, documented[EventHubsArchive])
	require.Equal(t, int64(3), r.Properties.Messaging().Failures.Value)
	require.Equal(t, 2016, r.Time.Year(), "startTime stands for time")
	r = decodeOne(t, documented[AutomationJobLogs])
	require.Equal(t, "user@contoso.com", r.EventCaller())
	require.Equal(t, "Test", r.Properties.Automation().RunbookName)
	r = decodeOne(t, documented[StreamAnalyticsExecution])
	require.Equal(t, "InputDeserializerError.InvalidData", r.Properties.StreamAnalytics().DataErrorType)
	r = decodeOne(t, documented[SearchOperationLogs])
	require.Equal(t, "testindex", r.Properties.Search().IndexName)
}
