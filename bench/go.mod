module github.com/azlogs/azlogs/bench

go 1.24

require (
	github.com/azlogs/azlogs v0.0.0-00010101000000-000000000000
	github.com/goccy/go-json v0.12.0
	github.com/json-iterator/go v1.1.12
)

require (
	github.com/modern-go/concurrent v0.0.0-20180228061459-e0a39a4cb421 // indirect
	github.com/modern-go/reflect2 v1.0.2 // indirect
)

// The SDK under test is the one in this repository.
replace github.com/azlogs/azlogs => ../
