package widget

import (
	"fmt"
	"strconv"
)

// readableDate spells a list date (YYYY, YYYY-MM or YYYY-MM-DD, as the
// list format has them) the way people write it in m's language: "Dec
// 2024", "3 déc. 2024". Anything else is shown as it is.
func (m *messages) readableDate(d string) string {
	if len(d) < 7 {
		return d
	}
	month, err := strconv.Atoi(d[5:7])
	if err != nil || month < 1 || month > 12 {
		return d
	}
	name, year := m.Months[month-1], d[:4]
	if len(d) < 10 {
		return name + " " + year
	}
	day, err := strconv.Atoi(d[8:10])
	if err != nil {
		return d
	}
	return m.DayMonthYear(day, name, year)
}

func englishDate(day int, month, year string) string {
	return fmt.Sprintf("%s %d, %s", month, day, year)
}

func germanDate(day int, month, year string) string {
	return fmt.Sprintf("%d. %s %s", day, month, year)
}

func frenchDate(day int, month, year string) string {
	if day == 1 {
		return fmt.Sprintf("1er %s %s", month, year)
	}
	return fmt.Sprintf("%d %s %s", day, month, year)
}
