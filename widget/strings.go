package widget

import (
	"fmt"

	"github.com/paperwidget/paperwidget/facet"
)

// messages holds every string the widget shows, so a translation is one
// value of this type and nothing else.
type messages struct {
	Papers      string
	SearchLabel string
	Placeholder string
	SearchHint  string
	Count       func(n, total int) string
	ExpandAll   string
	CollapseAll string
	ShowMore    func(n int) string
	NoMatch     func(q string) string
	// NoMatchFilters is NoMatch when only filters are set.
	NoMatchFilters string
	Clear          string
	NoAbstract     string
	Tags           string
	Link           string
	PermalinkOf    string
	LinkOf         string
	LoadFailed     func(src string, err error) string
	ReadFailed     func(src string, err error) string
	Problems       func(problems, skipped int) string
	ProblemsMore   func(n int) string
	LinkLabels     map[string]string
	SortLabel      string
	Orders         map[facet.Order]string
	YearLabel      string
	TagsLabel      string
	CopyBibtex     string
	Copied         string
	CopyManually   func(key string) string
	CopyHint       func(key string) string
	BibtexOf       string
	UpdateReady    string
	Reload         string
	Install        string
	InstallTitle   string
	EmptyList      string
	// Filters names the button the filters fold behind on narrow
	// screens, with the number of filter values set.
	Filters        func(set int) string
	VenueLabel     string
	AnyVenue       string
	AuthorLabel    string
	SelectedPapers string
	MoreAuthors    func(n int) string
	// FilterTag introduces a row's tag to screen readers: the tag is a
	// button that filters by it.
	FilterTag string
	// Undated heads the papers without a date in date order.
	Undated string
	// Months are the abbreviated month names, and DayMonthYear writes a
	// full date with one (see readableDate).
	Months       [12]string
	DayMonthYear func(day int, month, year string) string
}

var english = messages{
	Papers:         "Papers",
	SearchLabel:    "Search papers",
	Placeholder:    "Title, author, topic…",
	SearchHint:     "Press / to search, ↓ to move through the results.",
	Count:          func(n, total int) string { return fmt.Sprintf("%d of %d papers", n, total) },
	ExpandAll:      "Expand all",
	CollapseAll:    "Collapse all",
	ShowMore:       func(n int) string { return fmt.Sprintf("Show %d more", n) },
	NoMatch:        func(q string) string { return fmt.Sprintf("No papers match “%s”.", q) },
	NoMatchFilters: "No papers match these filters.",
	Clear:          "Clear search",
	NoAbstract:     "No abstract available.",
	Tags:           "Tags",
	Link:           "Permalink",
	PermalinkOf:    " to the paper ",
	LinkOf:         " of ",
	LoadFailed: func(src string, err error) string {
		return fmt.Sprintf("Could not load the paper list %s: %v.", src, err)
	},
	ReadFailed: func(src string, err error) string {
		return fmt.Sprintf("Could not read the paper list %s: %v.", src, err)
	},
	Problems: func(problems, skipped int) string {
		s := fmt.Sprintf("The list has %d %s", problems, plural(problems, "problem", "problems"))
		if skipped > 0 {
			return s + fmt.Sprintf("; %d %s left out, the rest is shown:", skipped, plural(skipped, "paper was", "papers were"))
		}
		return s + "; the papers are shown without the fields named:"
	},
	ProblemsMore: func(n int) string { return fmt.Sprintf("…and %d more.", n) },
	LinkLabels:   map[string]string{"url": "Paper", "pdf": "PDF", "arxiv": "arXiv", "doi": "DOI", "code": "Code"},
	SortLabel:    "Sort by",
	Orders:       map[facet.Order]string{facet.Relevance: "Relevance", facet.Newest: "Newest first", facet.Oldest: "Oldest first", facet.Title: "Title"},
	YearLabel:    "Year:",
	TagsLabel:    "Tags:",
	CopyBibtex:   "Copy BibTeX",
	Copied:       "BibTeX copied",
	CopyManually: func(key string) string {
		return fmt.Sprintf("Copying is blocked here: the BibTeX is selected below, press %s to copy it.", key)
	},
	CopyHint:       func(key string) string { return fmt.Sprintf("Press %s to copy.", key) },
	BibtexOf:       "BibTeX of ",
	UpdateReady:    "A new version is available.",
	Reload:         "Reload",
	Install:        "Install",
	InstallTitle:   "Install the paper list as an app",
	EmptyList:      "This list has no papers.",
	Filters:        func(n int) string { return counted("Filters", n) },
	VenueLabel:     "Venue",
	AnyVenue:       "Any venue",
	AuthorLabel:    "Author",
	SelectedPapers: "Selected papers",
	MoreAuthors:    func(n int) string { return fmt.Sprintf("+%d more", n) },
	FilterTag:      "Show papers tagged ",
	Undated:        "No date",
	Months:         [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
	DayMonthYear:   englishDate,
}

var german = messages{
	Papers:         "Publikationen",
	SearchLabel:    "Publikationen durchsuchen",
	Placeholder:    "Titel, Autor, Thema…",
	SearchHint:     "/ zum Suchen, ↓ zu den Ergebnissen.",
	Count:          func(n, total int) string { return fmt.Sprintf("%d von %d Publikationen", n, total) },
	ExpandAll:      "Alle aufklappen",
	CollapseAll:    "Alle zuklappen",
	ShowMore:       func(n int) string { return fmt.Sprintf("%d weitere anzeigen", n) },
	NoMatch:        func(q string) string { return fmt.Sprintf("Keine Publikation passt zu „%s“.", q) },
	NoMatchFilters: "Keine Publikation passt zu diesen Filtern.",
	Clear:          "Suche löschen",
	NoAbstract:     "Keine Zusammenfassung vorhanden.",
	Tags:           "Schlagwörter",
	Link:           "Permalink",
	PermalinkOf:    " zur Publikation ",
	LinkOf:         " zu ",
	LoadFailed: func(src string, err error) string {
		return fmt.Sprintf("Die Liste %s konnte nicht geladen werden: %v.", src, err)
	},
	ReadFailed: func(src string, err error) string {
		return fmt.Sprintf("Die Liste %s konnte nicht gelesen werden: %v.", src, err)
	},
	Problems: func(problems, skipped int) string {
		s := fmt.Sprintf("Die Liste hat %d %s", problems, plural(problems, "Fehler", "Fehler"))
		if skipped > 0 {
			return s + fmt.Sprintf("; %d %s ausgelassen, der Rest wird angezeigt:", skipped, plural(skipped, "Eintrag wurde", "Einträge wurden"))
		}
		return s + "; die Einträge werden ohne die genannten Felder angezeigt:"
	},
	ProblemsMore: func(n int) string { return fmt.Sprintf("…und %d weitere.", n) },
	LinkLabels:   map[string]string{"url": "Artikel", "pdf": "PDF", "arxiv": "arXiv", "doi": "DOI", "code": "Code"},
	SortLabel:    "Sortieren nach",
	Orders:       map[facet.Order]string{facet.Relevance: "Relevanz", facet.Newest: "Neueste zuerst", facet.Oldest: "Älteste zuerst", facet.Title: "Titel"},
	YearLabel:    "Jahr:",
	TagsLabel:    "Schlagwörter:",
	CopyBibtex:   "BibTeX kopieren",
	Copied:       "BibTeX kopiert",
	CopyManually: func(key string) string {
		return fmt.Sprintf("Kopieren ist hier gesperrt: Das BibTeX ist unten markiert, mit %s kopieren.", key)
	},
	CopyHint:       func(key string) string { return fmt.Sprintf("Zum Kopieren %s drücken.", key) },
	BibtexOf:       "BibTeX von ",
	UpdateReady:    "Eine neue Version ist verfügbar.",
	Reload:         "Neu laden",
	Install:        "Installieren",
	InstallTitle:   "Die Liste als App installieren",
	EmptyList:      "Diese Liste enthält keine Publikationen.",
	Filters:        func(n int) string { return counted("Filter", n) },
	VenueLabel:     "Erschienen in",
	AnyVenue:       "Alle",
	AuthorLabel:    "Autor",
	SelectedPapers: "Ausgewählte Publikationen",
	MoreAuthors:    func(n int) string { return fmt.Sprintf("+%d weitere", n) },
	FilterTag:      "Publikationen mit dem Schlagwort ",
	Undated:        "Ohne Datum",
	Months:         [12]string{"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."},
	DayMonthYear:   germanDate,
}

var french = messages{
	Papers:         "Publications",
	SearchLabel:    "Rechercher des publications",
	Placeholder:    "Titre, auteur, sujet…",
	SearchHint:     "/ pour chercher, ↓ pour parcourir les résultats.",
	Count:          func(n, total int) string { return fmt.Sprintf("%d sur %d publications", n, total) },
	ExpandAll:      "Tout déplier",
	CollapseAll:    "Tout replier",
	ShowMore:       func(n int) string { return fmt.Sprintf("Afficher %d de plus", n) },
	NoMatch:        func(q string) string { return fmt.Sprintf("Aucune publication ne correspond à « %s ».", q) },
	NoMatchFilters: "Aucune publication ne correspond à ces filtres.",
	Clear:          "Effacer la recherche",
	NoAbstract:     "Pas de résumé disponible.",
	Tags:           "Mots-clés",
	Link:           "Permalien",
	PermalinkOf:    " vers la publication ",
	LinkOf:         " de ",
	LoadFailed: func(src string, err error) string {
		return fmt.Sprintf("Impossible de charger la liste %s : %v.", src, err)
	},
	ReadFailed: func(src string, err error) string {
		return fmt.Sprintf("Impossible de lire la liste %s : %v.", src, err)
	},
	Problems: func(problems, skipped int) string {
		s := fmt.Sprintf("La liste a %d %s", problems, plural(problems, "problème", "problèmes"))
		if skipped > 0 {
			return s + fmt.Sprintf(" ; %d %s, le reste est affiché :", skipped, plural(skipped, "entrée a été omise", "entrées ont été omises"))
		}
		return s + " ; les entrées sont affichées sans les champs nommés :"
	},
	ProblemsMore: func(n int) string { return fmt.Sprintf("…et %d de plus.", n) },
	LinkLabels:   map[string]string{"url": "Article", "pdf": "PDF", "arxiv": "arXiv", "doi": "DOI", "code": "Code"},
	SortLabel:    "Trier par",
	Orders:       map[facet.Order]string{facet.Relevance: "Pertinence", facet.Newest: "Plus récentes", facet.Oldest: "Plus anciennes", facet.Title: "Titre"},
	YearLabel:    "Année :",
	TagsLabel:    "Mots-clés :",
	CopyBibtex:   "Copier le BibTeX",
	Copied:       "BibTeX copié",
	CopyManually: func(key string) string {
		return fmt.Sprintf("La copie est bloquée ici : le BibTeX est sélectionné ci-dessous, appuyez sur %s.", key)
	},
	CopyHint:       func(key string) string { return fmt.Sprintf("Appuyez sur %s pour copier.", key) },
	BibtexOf:       "BibTeX de ",
	UpdateReady:    "Une nouvelle version est disponible.",
	Reload:         "Recharger",
	Install:        "Installer",
	InstallTitle:   "Installer la liste comme application",
	EmptyList:      "Cette liste ne contient aucune publication.",
	Filters:        func(n int) string { return counted("Filtres", n) },
	VenueLabel:     "Publié dans",
	AnyVenue:       "Toutes",
	AuthorLabel:    "Auteur",
	SelectedPapers: "Publications choisies",
	MoreAuthors:    func(n int) string { return fmt.Sprintf("+%d de plus", n) },
	FilterTag:      "Publications avec le mot-clé ",
	Undated:        "Sans date",
	Months:         [12]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
	DayMonthYear:   frenchDate,
}

var languages = map[string]*messages{"en": &english, "de": &german, "fr": &french}

// language resolves a ?lang= value ("de", "fr-CH", "EN") to a supported
// language code, English when there is no translation.
func language(tag string) string {
	if len(tag) >= 2 {
		code := string([]byte{lower(tag[0]), lower(tag[1])})
		if _, ok := languages[code]; ok && (len(tag) == 2 || tag[2] == '-' || tag[2] == '_') {
			return code
		}
	}
	return "en"
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// counted is label with n in parentheses, or alone when n is 0.
func counted(label string, n int) string {
	if n == 0 {
		return label
	}
	return fmt.Sprintf("%s (%d)", label, n)
}
