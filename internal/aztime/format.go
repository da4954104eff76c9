package aztime

import (
	"slices"
	"time"
)

// maxISO is the length of the longest ISO timestamp that AppendISO writes
// for the years 0001 to 9999: 2006-01-02T15:04:05.999999999Z.
const maxISO = 30

// AppendISO appends t, converted to UTC, in the ISO layout that Azure
// writes, such as 2025-04-15T10:16:32.9873441Z, and returns the extended
// buffer. The fraction keeps every significant digit of the nanoseconds,
// without trailing zeros (so Azure's 7-digit ticks come out as at most 7
// digits), and is left out when it is zero. The result is the same as
// t.UTC().AppendFormat(dst, time.RFC3339Nano). Parse reads it back to the
// same instant for the years 0001 to 9999.
//
// For the years 0001 to 9999, AppendISO does not allocate when dst has room
// for 30 more bytes.
func AppendISO(dst []byte, t time.Time) []byte {
	sec := t.Unix()
	if sec < minUnix || sec > maxUnix {
		// Years that Parse does not read: leave the signs and the extra
		// digits to the time package.
		return t.UTC().AppendFormat(dst, time.RFC3339Nano)
	}
	since1 := uint64(sec - minUnix) // seconds since 0001-01-01, never negative
	y, m, d := civil(since1 / secondsPerDay)
	rem := uint32(since1 % secondsPerDay)
	h, mi, s := rem/3600, rem/60%60, rem%60

	// Write in place: one capacity check instead of one per append.
	dst = slices.Grow(dst, maxISO)
	n := len(dst)
	b := dst[n : n+maxISO]
	b[0] = byte('0' + y/1000)
	b[1] = byte('0' + y/100%10)
	b[2] = byte('0' + y/10%10)
	b[3] = byte('0' + y%10)
	b[4] = '-'
	b[5] = byte('0' + m/10)
	b[6] = byte('0' + m%10)
	b[7] = '-'
	b[8] = byte('0' + d/10)
	b[9] = byte('0' + d%10)
	b[10] = 'T'
	b[11] = byte('0' + h/10)
	b[12] = byte('0' + h%10)
	b[13] = ':'
	b[14] = byte('0' + mi/10)
	b[15] = byte('0' + mi%10)
	b[16] = ':'
	b[17] = byte('0' + s/10)
	b[18] = byte('0' + s%10)
	i := 19
	if ns := uint32(t.Nanosecond()); ns != 0 {
		b[19] = '.'
		for j := 28; j >= 20; j-- {
			b[j] = byte('0' + ns%10)
			ns /= 10
		}
		i = 29
		for b[i-1] == '0' {
			i--
		}
	}
	b[i] = 'Z'
	return dst[:n+i+1]
}
