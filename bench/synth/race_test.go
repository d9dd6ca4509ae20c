//go:build race

package synth

// raceDetector: make test runs every package a second time under the race
// detector, where tests that only generate a large list take ten times as long
// and find no race.
const raceDetector = true
