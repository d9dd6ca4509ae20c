// Package json stands in for encoding/json in go-app's files, for the
// paper widget's app.wasm (build/site/goapp.go): go-app's
// persisted states, browser storage, notifications and encryption encode
// Go values with encoding/json. The widget uses none of them, and
// encoding/json was 0.23 MB of app.wasm's code, with its type data, kept
// reachable by go-app's state manager and its start-up sweep of expired
// states. Here they fail, naming why.
package json

import "errors"

var errLeftOut = errors.New("encoding/json is left out of the paper widget's app.wasm, and with it go-app's states, storage and notifications (build/site/goapp.go)")

// RawMessage is encoding/json's: JSON kept as it was read.
type RawMessage []byte

// Marshal fails: see the package comment.
func Marshal(any) ([]byte, error) { return nil, errLeftOut }

// Unmarshal fails: see the package comment.
func Unmarshal([]byte, any) error { return errLeftOut }
