// Package uuid stands in for github.com/google/uuid in app.wasm, where go-app
// only calls NewString (a device id and a broadcast channel's id, neither of
// which the widget uses). The module's own pulled crypto/rand (with AES and
// hashes for its DRBG), crypto/md5, crypto/sha1 and database/sql/driver into
// app.wasm (see build/site/goapp.go).
package uuid

import (
	"encoding/binary"
	"encoding/hex"
	"math/rand/v2"
)

// NewString returns a random (version 4) UUID in its canonical form. The
// bytes come from math/rand/v2's global generator, ChaCha8 seeded by the
// runtime from the system's randomness, which the runtime links anyway.
func NewString() string {
	var b [16]byte
	binary.LittleEndian.PutUint64(b[:8], rand.Uint64())
	binary.LittleEndian.PutUint64(b[8:], rand.Uint64())
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
	h := hex.EncodeToString(b[:])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
