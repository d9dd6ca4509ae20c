package fold

// Words spells s as its folded words separated by single spaces: "J. Doé"
// and "j doe" are both "j doe". Names compare so, for highlighting and the
// author filter.
func Words(s string) string {
	var b, folded []byte
	sep := false
	for _, r := range s {
		var word bool
		if folded, word = AppendRune(folded[:0], r); !word {
			sep = true
			continue
		}
		if sep && len(b) > 0 {
			b = append(b, ' ')
		}
		sep = false
		b = append(b, folded...)
	}
	return string(b)
}
