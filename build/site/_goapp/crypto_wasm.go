package app

// Paper widget patch: Context.Encrypt and Decrypt, and encrypted persisted
// states, which the widget does not use, fail in app.wasm. go-app's
// crypto.go (AES-GCM with a nonce from crypto/rand) kept AES, GCM,
// crypto/rand's DRBG and its hashes in app.wasm, ~100 KB of code that ran
// their initialisers at every start; it is built for servers only.

import "github.com/maxence-charriere/go-app/v10/pkg/errors"

var errNoCrypto = errors.New("encryption is left out of the paper widget's app.wasm (build/site/goapp.go)")

func encrypt(key string, v []byte) ([]byte, error) { return nil, errNoCrypto }

func decrypt(key string, v []byte) ([]byte, error) { return nil, errNoCrypto }
