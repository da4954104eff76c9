module github.com/azlogs/azlogs

go 1.24

require (
	github.com/google/go-cmp v0.7.0
	github.com/json-iterator/go v1.1.12
	github.com/stretchr/testify v1.12.1
)

require (
	github.com/modern-go/concurrent v0.0.0-20180228061459-e0a39a4cb421 // indirect
	github.com/modern-go/reflect2 v1.0.2 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)
