// Package apispec embeds the contract so the server publishes exactly the
// file the code was generated from.
package apispec

import _ "embed"

// YAML is api/openapi.yaml as written.
//
//go:embed openapi.yaml
var YAML []byte
