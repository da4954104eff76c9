package bench

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/bytedance/sonic"
	gojson "github.com/goccy/go-json"
	jsoniter "github.com/json-iterator/go"

	"github.com/azlogs/azlogs/diagnostics"
)

// DiagMethod is one way of decoding a stream of resource log records (JSON
// lines of any mix of categories): Decode and DecodeBytes decode every
// record (envelope, time and properties) and return what they found.
type DiagMethod = Runner[DiagResult]

// DiagResult is what a DiagMethod found. Every method computes it the same
// way from what it decoded, so methods that agree on it did the same work:
// they read every record, its time, its category and some of its
// properties.
type DiagResult struct {
	// Records counts the records decoded.
	Records int
	// Timed counts the records with a time; TimeSum adds up those times
	// as Unix milliseconds.
	Timed   int
	TimeSum int64
	// CategoryBytes adds up the lengths of the category names.
	CategoryBytes int
	// Statuses counts the HTTP statuses found in the properties of
	// Application Gateway access, Front Door access, Key Vault audit and
	// App Service HTTP records (httpStatus, httpStatusCode, ScStatus:
	// numbers or strings, properties an object or a string holding one),
	// and StatusSum adds them up.
	Statuses, StatusSum int
	// FirewallPorts adds up the DestinationPort of structured Azure
	// Firewall network rule records (AZFWNetworkRule).
	FirewallPorts int
	// Untyped adds up the number of properties members of the records of
	// the category that no decoder types (WidgetAudit in the corpus; for
	// azlogs, the records with no typed view).
	Untyped int
}

// DiagMethods lists the resource-log methods; the first, encoding/json, is
// the baseline that ratios refer to.
var DiagMethods = []DiagMethod{
	{Name: "encoding/json", Decode: DecodeDiagStdlib},
	{Name: "json-iterator", Decode: DecodeDiagJSONIter},
	{Name: "goccy/go-json", Decode: DecodeDiagGoccy},
	{Name: "bytedance/sonic", Decode: DecodeDiagSonic},
	{Name: "azlogs", Decode: DecodeDiagAzlogs},
	{Name: "encoding/json in memory", DecodeBytes: DecodeDiagStdlibBytes},
	{Name: "azlogs in place", DecodeBytes: DecodeDiagAzlogsBytes},
}

// diagRecord is what a Go program decoding resource logs without azlogs
// writes: the common envelope typed, the members whose type drifts kept raw
// (resultSignature and level may be numbers, durationMs a number or a
// string, identity an object or a string), and properties raw so that it
// can be decoded into a map whatever the category, even when it arrives
// as a string holding JSON. It matches decodeStd's struct in the
// diagnostics package's benchmarks, plus the three other names that
// services give the time.
type diagRecord struct {
	Time              string          `json:"time"`
	TimeStamp         string          `json:"timeStamp"`       // Application Gateway access logs
	EventTimestamp    string          `json:"eventTimestamp"`  // Service Bus runtime audit logs
	EventTimeString   string          `json:"EventTimeString"` // Service Bus operational logs
	ResourceID        string          `json:"resourceId"`
	TenantID          string          `json:"tenantId"`
	OperationName     string          `json:"operationName"`
	OperationVersion  string          `json:"operationVersion"`
	Category          string          `json:"category"`
	ResultType        string          `json:"resultType"`
	ResultSignature   json.RawMessage `json:"resultSignature"`
	ResultDescription string          `json:"resultDescription"`
	DurationMs        json.RawMessage `json:"durationMs"`
	CallerIPAddress   string          `json:"callerIpAddress"`
	CorrelationID     string          `json:"correlationId"`
	Identity          json.RawMessage `json:"identity"`
	Level             json.RawMessage `json:"level"`
	Location          string          `json:"location"`
	Properties        json.RawMessage `json:"properties"`
}

// messagingTimeLayout is how Service Bus writes eventTimestamp and
// EventTimeString.
const messagingTimeLayout = "1/2/2006 3:04:05 PM -07:00"

// time returns the record's time: time, else timeStamp (both RFC 3339),
// else the Service Bus forms; the zero Time when there is none.
func (rec *diagRecord) time() time.Time {
	if rec.Time != "" {
		t, _ := time.Parse(time.RFC3339Nano, rec.Time)
		return t
	}
	if rec.TimeStamp != "" {
		t, _ := time.Parse(time.RFC3339Nano, rec.TimeStamp)
		return t
	}
	s := rec.EventTimestamp
	if s == "" {
		s = rec.EventTimeString
	}
	if s == "" {
		return time.Time{}
	}
	t, _ := time.Parse(messagingTimeLayout, s)
	return t
}

// unmarshaler is a JSON library's Unmarshal.
type unmarshaler func(data []byte, v any) error

// decodeDiagLines is the loop every JSON library method runs: a
// bufio.Scanner over the stream (the usual way to read PT1H.json), one
// fresh diagRecord per line, the time parsed, properties decoded into a map
// (unquoted first when it is a string), and the result folded in.
func decodeDiagLines(r io.Reader, unmarshal unmarshaler) (DiagResult, error) {
	var res DiagResult
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		if err := res.decodeStdLine(sc.Bytes(), unmarshal); err != nil {
			return res, err
		}
	}
	return res, sc.Err()
}

// DecodeDiagStdlibBytes is the encoding/json method on a stream held in
// memory: the lines are cut out of b in place, with no reader or scanner.
func DecodeDiagStdlibBytes(b []byte) (DiagResult, error) {
	var res DiagResult
	for len(b) > 0 {
		line := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			b = nil
		}
		if err := res.decodeStdLine(line, json.Unmarshal); err != nil {
			return res, err
		}
	}
	return res, nil
}

// decodeStdLine decodes one line with a JSON library: a fresh diagRecord,
// the time parsed, properties decoded into a map (unquoted first when it
// is a string), and the result folded in.
func (res *DiagResult) decodeStdLine(line []byte, unmarshal unmarshaler) error {
	if len(line) == 0 {
		return nil
	}
	var rec diagRecord
	if err := unmarshal(line, &rec); err != nil {
		return err
	}
	t := rec.time()
	var props map[string]any
	if p := rec.Properties; len(p) > 0 {
		if p[0] == '"' {
			var s string
			if unmarshal(p, &s) == nil {
				p = []byte(s)
			}
		}
		// Properties that are not JSON (the single-quoted form some
		// services write) stay undecoded: a program using a JSON
		// library gets an error here and goes on.
		_ = unmarshal(p, &props)
	}
	res.foldStd(&rec, t, props)
	return nil
}

// foldStd adds a record decoded by a JSON library to res.
func (res *DiagResult) foldStd(rec *diagRecord, t time.Time, props map[string]any) {
	res.Records++
	res.CategoryBytes += len(rec.Category)
	res.addTime(t)
	switch rec.Category {
	case "ApplicationGatewayAccessLog":
		res.addStatus(anyInt(props["httpStatus"]))
	case "FrontDoorAccessLog":
		res.addStatus(anyInt(props["httpStatusCode"]))
	case "AuditEvent":
		res.addStatus(anyInt(props["httpStatusCode"]))
	case "AppServiceHTTPLogs":
		res.addStatus(anyInt(props["ScStatus"]))
	case "AZFWNetworkRule":
		port, _ := anyInt(props["DestinationPort"])
		res.FirewallPorts += int(port)
	case "WidgetAudit":
		res.Untyped += len(props)
	}
}

func (res *DiagResult) addTime(t time.Time) {
	if !t.IsZero() {
		res.Timed++
		res.TimeSum += t.UnixMilli()
	}
}

func (res *DiagResult) addStatus(v int64, ok bool) {
	if ok {
		res.Statuses++
		res.StatusSum += int(v)
	}
}

// anyInt reads an integer that a map from a JSON library holds as a
// number or as a string of digits.
func anyInt(v any) (int64, bool) {
	switch v := v.(type) {
	case float64:
		return int64(v), true
	case string:
		n, err := strconv.ParseInt(v, 10, 64)
		return n, err == nil
	}
	return 0, false
}

// DecodeDiagStdlib decodes with encoding/json: the baseline.
func DecodeDiagStdlib(r io.Reader) (DiagResult, error) {
	return decodeDiagLines(r, json.Unmarshal)
}

// DecodeDiagJSONIter decodes with json-iterator's ConfigFastest, as the
// activity-log comparison does (its map numbers are float64 too).
func DecodeDiagJSONIter(r io.Reader) (DiagResult, error) {
	return decodeDiagLines(r, jsoniter.ConfigFastest.Unmarshal)
}

// DecodeDiagGoccy decodes with goccy/go-json.
func DecodeDiagGoccy(r io.Reader) (DiagResult, error) {
	return decodeDiagLines(r, gojson.Unmarshal)
}

// sonicAPI is sonic's default configuration (its fastest) with strings
// copied out of the input, as the other libraries copy them: the scanner
// reuses its buffer for the next line, and a program keeping a record's
// strings must not see them change.
var sonicAPI = sonic.Config{CopyString: true}.Froze()

// DecodeDiagSonic decodes with bytedance/sonic, the JIT-compiled decoder
// (amd64 and arm64; it falls back to encoding/json elsewhere).
func DecodeDiagSonic(r io.Reader) (DiagResult, error) {
	return decodeDiagLines(r, sonicAPI.Unmarshal)
}

// diagDecoder is reused across calls through Reset, as a program reading
// blob after blob would reuse it.
var diagDecoder = diagnostics.NewDecoder(nil)

// DecodeDiagAzlogs decodes with diagnostics.Decoder, reused through Reset,
// and reads every record's category, time and typed properties view (the
// members of the properties of records with no view).
func DecodeDiagAzlogs(r io.Reader) (DiagResult, error) {
	diagDecoder.Reset(r)
	return foldAzlogs(diagDecoder)
}

// DecodeDiagAzlogsBytes decodes with diagnostics.Decoder reading b in
// place (ResetBytes), reused as DecodeDiagAzlogs reuses it.
func DecodeDiagAzlogsBytes(b []byte) (DiagResult, error) {
	diagDecoder.ResetBytes(b)
	return foldAzlogs(diagDecoder)
}

// foldAzlogs runs dec to the end and folds every record into the result.
func foldAzlogs(dec *diagnostics.Decoder) (DiagResult, error) {
	var res DiagResult
	for dec.Next() {
		rec := dec.Record()
		res.Records++
		res.CategoryBytes += len(rec.CategoryName)
		res.addTime(rec.Time)
		switch v := rec.Properties.View().(type) {
		case *diagnostics.AppGatewayAccessProperties:
			res.addStatus(v.HTTPStatus.Int())
		case *diagnostics.FrontDoorAccessProperties:
			res.addStatus(v.HTTPStatusCode.Int())
		case *diagnostics.KeyVaultProperties:
			res.addStatus(v.HTTPStatusCode.Int())
		case *diagnostics.AppServiceHTTPProperties:
			res.addStatus(v.ScStatus.Int())
		case *diagnostics.FirewallProperties:
			// The legacy records' ports are parsed out of msg, which the
			// JSON library methods leave as text.
			if rec.Category == diagnostics.AzureFirewallStructured {
				port, _ := v.DestinationPort.Int()
				res.FirewallPorts += int(port)
			}
		case nil:
			res.Untyped += len(rec.Properties.Members)
		}
	}
	return res, dec.Err()
}

// DiagCategory is one category of a resource-log corpus: its name, how
// many records it has and how many bytes they take (newlines included).
type DiagCategory struct {
	Name           string
	Records, Bytes int
}

// DiagGroupByCategory returns the JSON lines of data reordered so that
// the records of each category follow one another (categories in the order
// they first appear, records in their order): the same records, laid out
// as blobs hold them, one folder and blob per category, where a generated
// corpus interleaves them as an Event Hub fed by many diagnostic settings
// does.
func DiagGroupByCategory(data []byte) ([]byte, error) {
	var groups [][]byte
	err := diagLines(data, func(cat int, _ string, line []byte) {
		if cat == len(groups) {
			groups = append(groups, nil)
		}
		groups[cat] = append(groups[cat], line...)
		if line[len(line)-1] != '\n' {
			groups[cat] = append(groups[cat], '\n')
		}
	})
	return bytes.Join(groups, nil), err
}

// DiagCorpusMix returns the categories of a corpus of JSON lines, the
// largest (by records) first, reading only each line's category with
// encoding/json.
func DiagCorpusMix(data []byte) ([]DiagCategory, error) {
	var out []DiagCategory
	err := diagLines(data, func(cat int, name string, line []byte) {
		if cat == len(out) {
			out = append(out, DiagCategory{Name: name})
		}
		out[cat].Records++
		out[cat].Bytes += len(line)
	})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(out, func(a, b DiagCategory) int { return b.Records - a.Records })
	return out, nil
}

// diagLines calls fn for each non-blank line of data (its newline
// included) with its category, as a name and as the name's index among
// the categories in the order they first appear.
func diagLines(data []byte, fn func(cat int, name string, line []byte)) error {
	index := map[string]int{}
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i+1], data[i+1:]
		} else {
			data = nil
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var rec struct {
			Category string `json:"category"`
		}
		if err := json.Unmarshal(line, &rec); err != nil {
			return err
		}
		i, ok := index[rec.Category]
		if !ok {
			i = len(index)
			index[rec.Category] = i
		}
		fn(i, rec.Category, line)
	}
	return nil
}
