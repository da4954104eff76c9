package activity

import (
	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/internal/jsonw"
)

// The members in the order each form writes them.
var (
	exportOrder = [...]field{fTime, fResourceID, fOperationName, fCategory, fResultType, fResultSignature,
		fResultDescription, fDurationMs, fCallerIPAddress, fCorrelationID, fIdentity, fLevel, fLocation,
		fProperties, fTenantID, fOperationVersion, fEventDataID,
		// REST members that an export record may carry all the same.
		fEventTimestamp, fSubmissionTimestamp, fDescription, fCaller, fChannels, fClaims, fAuthorization,
		fEventName, fID, fOperationID, fResourceGroupName, fResourceProviderName, fResourceType, fStatus,
		fSubStatus, fSubscriptionID, fHTTPRequest, fRelatedEvents}
	restOrder = [...]field{fAuthorization, fCaller, fChannels, fClaims, fCorrelationID, fDescription,
		fEventDataID, fEventName, fCategory, fEventTimestamp, fHTTPRequest, fID, fLevel, fOperationID,
		fOperationName, fProperties, fResourceGroupName, fResourceProviderName, fResourceID, fResourceType,
		fStatus, fSubStatus, fSubmissionTimestamp, fSubscriptionID, fTenantID, fRelatedEvents,
		// Export members that a REST record may carry all the same.
		fTime, fResultType, fResultSignature, fResultDescription, fDurationMs, fCallerIPAddress, fIdentity,
		fLocation, fOperationVersion}
)

// AppendJSON appends the record to dst as one JSON object in its own form,
// and returns the extended slice. Every member the record was decoded from
// is written: the known ones from the fields (in the schema's spelling and
// type: numbers that arrived as strings are written as numbers), the others
// from Extra and Properties.Members as they were. Decoding the result gives
// an equal record, but for Quirks. It does not allocate when dst has room.
func (rec *Record) AppendJSON(dst []byte) []byte {
	dst = append(dst, '{')
	order := exportOrder[:]
	if rec.Form == FormREST {
		order = restOrder[:]
	}
	for _, f := range order {
		if rec.alt&bit(f) != 0 || !rec.present(f) {
			continue
		}
		dst = rec.appendField(dst, f)
	}
	dst = jsonw.Members(dst, rec.Extra)
	return append(dst, '}')
}

// present reports whether member f is to be written: it was read, or its
// field is set and the form names it so.
func (rec *Record) present(f field) bool {
	if rec.has&bit(f) != 0 {
		return true
	}
	rest := rec.Form == FormREST
	switch f {
	case fTime:
		return !rest && !rec.Time.IsZero() && rec.has&bit(fEventTimestamp) == 0
	case fEventTimestamp:
		return rest && !rec.Time.IsZero() && rec.has&bit(fTime) == 0
	case fSubmissionTimestamp:
		return !rec.SubmissionTime.IsZero()
	case fResultDescription:
		return !rest && rec.Description != "" && rec.has&bit(fDescription) == 0
	case fDescription:
		return rest && rec.Description != "" && rec.has&bit(fResultDescription) == 0
	case fIdentity:
		return !rest && (len(rec.Identity.Claims) > 0 || rec.Identity.Text != "" || len(rec.Identity.Extra) > 0 || !rec.Identity.Authorization.isZero())
	case fClaims:
		return rest && len(rec.Identity.Claims) > 0
	case fAuthorization:
		return rest && !rec.Identity.Authorization.isZero()
	case fResourceID:
		return rec.ResourceID != ""
	case fOperationName:
		return !rec.OperationName.IsZero()
	case fCategory:
		return !rec.CategoryName.IsZero()
	case fResultType:
		return rec.ResultType != ""
	case fResultSignature:
		return rec.ResultSignature != ""
	case fDurationMs:
		return rec.DurationMs.Valid
	case fCallerIPAddress:
		return rec.CallerIPAddress != ""
	case fCorrelationID:
		return !rec.CorrelationID.IsZero()
	case fLevel:
		return rec.Level != azlogs.LevelUnknown
	case fLocation:
		return rec.Location != ""
	case fProperties:
		return len(rec.Properties.Members) > 0
	case fTenantID:
		return rec.TenantID != ""
	case fOperationVersion:
		return rec.OperationVersion != ""
	case fEventDataID:
		return !rec.EventDataID.IsZero()
	case fCaller:
		return rec.Caller != ""
	case fChannels:
		return rec.Channels != ""
	case fEventName:
		return !rec.EventName.IsZero()
	case fID:
		return rec.ID != ""
	case fOperationID:
		return !rec.OperationID.IsZero()
	case fResourceGroupName:
		return rec.ResourceGroupName != ""
	case fResourceProviderName:
		return !rec.ResourceProviderName.IsZero()
	case fResourceType:
		return !rec.ResourceType.IsZero()
	case fStatus:
		return !rec.Status.IsZero()
	case fSubStatus:
		return !rec.SubStatus.IsZero()
	case fSubscriptionID:
		return rec.SubscriptionID != ""
	case fHTTPRequest:
		return !rec.HTTPRequest.IsZero()
	case fRelatedEvents:
		return len(rec.RelatedEvents) > 0
	}
	return false
}

func (a *Authorization) isZero() bool {
	return a.Action == "" && a.Role == "" && a.Scope == "" && len(a.Extra) == 0 && a.Evidence.isZero()
}

func (e *Evidence) isZero() bool {
	return e.Role == "" && e.RoleAssignmentScope == "" && e.RoleAssignmentID == "" && e.RoleDefinitionID == "" &&
		e.PrincipalID == "" && e.PrincipalType == "" && len(e.Extra) == 0
}

func (rec *Record) appendField(dst []byte, f field) []byte {
	dst = jsonw.Key(dst, fieldNames[f])
	rest := rec.Form == FormREST
	switch f {
	case fTime, fEventTimestamp:
		return jsonw.Time(dst, rec.Time)
	case fSubmissionTimestamp:
		return jsonw.Time(dst, rec.SubmissionTime)
	case fResourceID:
		return jsonw.String(dst, rec.ResourceID)
	case fOperationName:
		return appendLocalizable(dst, &rec.OperationName, rest)
	case fCategory:
		return appendLocalizable(dst, &rec.CategoryName, rest)
	case fEventName:
		return appendLocalizable(dst, &rec.EventName, true)
	case fResourceProviderName:
		return appendLocalizable(dst, &rec.ResourceProviderName, true)
	case fResourceType:
		return appendLocalizable(dst, &rec.ResourceType, true)
	case fStatus:
		return appendLocalizable(dst, &rec.Status, true)
	case fSubStatus:
		return appendLocalizable(dst, &rec.SubStatus, true)
	case fResultType:
		return jsonw.String(dst, rec.ResultType)
	case fResultSignature:
		return jsonw.String(dst, rec.ResultSignature)
	case fResultDescription, fDescription:
		return jsonw.String(dst, rec.Description)
	case fDurationMs:
		return jsonw.Int(dst, rec.DurationMs.Value)
	case fCallerIPAddress:
		return jsonw.String(dst, rec.CallerIPAddress)
	case fCorrelationID:
		return jsonw.ID(dst, rec.CorrelationID)
	case fEventDataID:
		return jsonw.ID(dst, rec.EventDataID)
	case fOperationID:
		return jsonw.ID(dst, rec.OperationID)
	case fIdentity:
		if rec.Identity.Text != "" && len(rec.Identity.Claims) == 0 && rec.Identity.Authorization.isZero() && len(rec.Identity.Extra) == 0 {
			return jsonw.String(dst, rec.Identity.Text)
		}
		dst = append(dst, '{')
		if !rec.Identity.Authorization.isZero() {
			dst = appendAuthorization(jsonw.Key(dst, "authorization"), &rec.Identity.Authorization)
		}
		if len(rec.Identity.Claims) > 0 {
			dst = appendClaims(jsonw.Key(dst, "claims"), rec.Identity.Claims)
		}
		dst = jsonw.Members(dst, rec.Identity.Extra)
		return append(dst, '}')
	case fClaims:
		return appendClaims(dst, rec.Identity.Claims)
	case fAuthorization:
		return appendAuthorization(dst, &rec.Identity.Authorization)
	case fLevel:
		return jsonw.String(dst, rec.Level.String())
	case fLocation:
		return jsonw.String(dst, rec.Location)
	case fTenantID:
		return jsonw.String(dst, rec.TenantID)
	case fOperationVersion:
		return jsonw.String(dst, rec.OperationVersion)
	case fCaller:
		return jsonw.String(dst, rec.Caller)
	case fChannels:
		return jsonw.String(dst, rec.Channels)
	case fID:
		return jsonw.String(dst, rec.ID)
	case fResourceGroupName:
		return jsonw.String(dst, rec.ResourceGroupName)
	case fSubscriptionID:
		return jsonw.String(dst, rec.SubscriptionID)
	case fProperties:
		dst = append(dst, '{')
		dst = jsonw.Members(dst, rec.Properties.Members)
		return append(dst, '}')
	case fHTTPRequest:
		h := &rec.HTTPRequest
		dst = append(dst, '{')
		if !h.ClientRequestID.IsZero() {
			dst = jsonw.ID(jsonw.Key(dst, "clientRequestId"), h.ClientRequestID)
		}
		if h.ClientIPAddress != "" {
			dst = jsonw.StringMember(dst, "clientIpAddress", h.ClientIPAddress)
		}
		if h.Method != "" {
			dst = jsonw.StringMember(dst, "method", h.Method)
		}
		if h.URI != "" {
			dst = jsonw.StringMember(dst, "uri", h.URI)
		}
		dst = jsonw.Members(dst, h.Extra)
		return append(dst, '}')
	case fRelatedEvents:
		return jsonw.Raw(dst, rec.RelatedEvents)
	}
	return append(dst, "null"...)
}

func appendLocalizable(dst []byte, ls *LocalizableString, object bool) []byte {
	if !object {
		return jsonw.String(dst, ls.Value)
	}
	dst = append(dst, '{')
	dst = jsonw.Key(dst, "value")
	if ls.Null {
		dst = append(dst, "null"...)
	} else {
		dst = jsonw.String(dst, ls.Value)
	}
	if ls.HasLocalized || ls.LocalizedValue != "" {
		dst = jsonw.StringMember(dst, "localizedValue", ls.LocalizedValue)
	}
	return append(dst, '}')
}

func appendClaims(dst []byte, claims []Claim) []byte {
	dst = append(dst, '{')
	for i := range claims {
		c := &claims[i]
		dst = jsonw.Key(dst, c.Name)
		if c.JSON {
			dst = append(dst, c.Value...)
		} else {
			dst = jsonw.String(dst, c.Value)
		}
	}
	return append(dst, '}')
}

func appendAuthorization(dst []byte, a *Authorization) []byte {
	dst = append(dst, '{')
	if a.Scope != "" {
		dst = jsonw.StringMember(dst, "scope", a.Scope)
	}
	if a.Action != "" {
		dst = jsonw.StringMember(dst, "action", a.Action)
	}
	if a.Role != "" {
		dst = jsonw.StringMember(dst, "role", a.Role)
	}
	if e := &a.Evidence; !e.isZero() {
		dst = append(jsonw.Key(dst, "evidence"), '{')
		for _, m := range [...]struct{ k, v string }{
			{"role", e.Role}, {"roleAssignmentScope", e.RoleAssignmentScope}, {"roleAssignmentId", e.RoleAssignmentID},
			{"roleDefinitionId", e.RoleDefinitionID}, {"principalId", e.PrincipalID}, {"principalType", e.PrincipalType},
		} {
			if m.v != "" {
				dst = jsonw.StringMember(dst, m.k, m.v)
			}
		}
		dst = jsonw.Members(dst, e.Extra)
		dst = append(dst, '}')
	}
	dst = jsonw.Members(dst, a.Extra)
	return append(dst, '}')
}
