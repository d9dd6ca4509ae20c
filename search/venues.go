package search

import "github.com/paperwidget/paperwidget/internal/venue"

// venueShort returns the short forms of venue, or nil.
func (b *Builder) venueShort(name string) []string {
	if name == "" {
		return nil
	}
	if short, ok := b.venues[name]; ok {
		return short
	}
	short := venue.Short(name)
	if b.venues == nil {
		b.venues = map[string][]string{}
	}
	// A list of distinct venues (a year's proceedings each) must not
	// grow the cache without end.
	if len(b.venues) < 4096 {
		b.venues[name] = short
	}
	return short
}

// year returns the year of a date written YYYY, YYYY-MM or YYYY-MM-DD, or
// "".
func year(date string) string {
	if len(date) < 4 {
		return ""
	}
	for _, c := range []byte(date[:4]) {
		if c < '0' || c > '9' {
			return ""
		}
	}
	return date[:4]
}
