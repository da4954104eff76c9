package azlogs

// Option configures a decoder. Every family's NewDecoder accepts the same
// options; a decoder reads them once, when it is made.
type Option func(*Config)

// Config is the settings the options make. Family packages read it with
// [NewConfig]; users set it through options.
type Config struct {
	// ErrorHandler, when set, receives each record that cannot be decoded,
	// and the decoder goes on with the next record. When nil, the first bad
	// record stops the decoder and Err returns its error.
	ErrorHandler func(*RecordError)
	// Strict makes the decoder reject type drift (a number written as a
	// string, a property bag sent as a JSON string, an unparsable time,
	// a missing comma) instead of correcting it.
	Strict bool
	// MaxRecordSize is the largest record, in bytes, that the decoder
	// accepts; a larger one is an error wrapping ErrRecordTooLarge.
	MaxRecordSize int
	// MaxDepth is the deepest nesting of JSON objects and arrays the
	// decoder accepts; deeper input is an error wrapping ErrTooDeep.
	MaxDepth int
	// MaxMembers is the most object members, counted at every depth, that
	// one record may have; more is an error wrapping ErrRecordTooLarge.
	// It bounds the memory a record of many tiny members takes.
	MaxMembers int
}

// Defaults for the limits.
const (
	// DefaultMaxRecordSize is 16 MiB: Azure's largest records (a busy
	// network security group's minute of flows) are a few MiB.
	DefaultMaxRecordSize = 16 << 20
	DefaultMaxDepth      = 1000
	DefaultMaxMembers    = 100_000
)

// NewConfig applies opts to the default settings and returns the result.
func NewConfig(opts ...Option) Config {
	c := Config{MaxRecordSize: DefaultMaxRecordSize, MaxDepth: DefaultMaxDepth, MaxMembers: DefaultMaxMembers}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	if c.MaxRecordSize <= 0 {
		c.MaxRecordSize = DefaultMaxRecordSize
	}
	if c.MaxDepth <= 0 {
		c.MaxDepth = DefaultMaxDepth
	}
	if c.MaxMembers <= 0 {
		c.MaxMembers = DefaultMaxMembers
	}
	return c
}

// WithErrorHandler makes the decoder report each bad record to h, with its
// position, cause and raw bytes, and continue at the next record instead of
// stopping. The *RecordError and its Raw bytes are valid only during the
// call; copy what you keep.
func WithErrorHandler(h func(*RecordError)) Option {
	return func(c *Config) { c.ErrorHandler = h }
}

// WithStrict makes the decoder reject the drift that it otherwise corrects
// and records (see each family's list of quirks).
func WithStrict() Option {
	return func(c *Config) { c.Strict = true }
}

// WithMaxRecordSize sets the largest record, in bytes, that the decoder
// accepts (default DefaultMaxRecordSize). It bounds the decoder's memory.
func WithMaxRecordSize(n int) Option {
	return func(c *Config) { c.MaxRecordSize = n }
}

// WithMaxDepth sets the deepest nesting of objects and arrays that the
// decoder accepts (default DefaultMaxDepth).
func WithMaxDepth(n int) Option {
	return func(c *Config) { c.MaxDepth = n }
}

// WithMaxMembers sets the most object members one record may have, counted
// at every depth (default DefaultMaxMembers).
func WithMaxMembers(n int) Option {
	return func(c *Config) { c.MaxMembers = n }
}
