package importer

import (
	"strings"
	"unicode/utf8"
)

// BibTeX fields are LaTeX, but the widget shows and searches plain text, so
// the LaTeX that occurs in bibliographies is spelt out in Unicode: accents,
// special letters, escaped punctuation, dashes, quotes and font commands.
// Anything else loses its backslash and braces and keeps its words, which
// reads better than dropping it (\LaTeX -> "LaTeX").

// accentMarks maps accent commands to the combining mark they put on the
// following letter.
var accentMarks = map[string]rune{
	"`": '\u0300', "'": '\u0301', "^": '\u0302', "~": '\u0303', "=": '\u0304',
	"u": '\u0306', ".": '\u0307', `"`: '\u0308', "r": '\u030a', "H": '\u030b',
	"v": '\u030c', "d": '\u0323', "c": '\u0327', "k": '\u0328', "b": '\u0331',
}

// composed holds the precomposed letters for the accents of Latin scripts:
// search folds them to plain letters, which it cannot do for every
// base-plus-combining-mark pair, and they render better.
var composed = func() map[string]string {
	m := map[string]string{}
	add := func(mark rune, bases, results string) {
		rs := []rune(results)
		for i, b := range []rune(bases) {
			m[string(b)+string(mark)] = string(rs[i])
		}
	}
	add('\u0300', "AEIOUaeiouNn", "ÀÈÌÒÙàèìòùǸǹ")
	add('\u0301', "AEIOUYaeiouyCcNnSsZzLlRrGg", "ÁÉÍÓÚÝáéíóúýĆćŃńŚśŹźĹĺŔŕǴǵ")
	add('\u0302', "AEIOUaeiouCcGgHhJjSsWwYy", "ÂÊÎÔÛâêîôûĈĉĜĝĤĥĴĵŜŝŴŵŶŷ")
	add('\u0303', "ANOanoIiUu", "ÃÑÕãñõĨĩŨũ")
	add('\u0304', "AEIOUaeiou", "ĀĒĪŌŪāēīōū")
	add('\u0306', "AEIOUGaeioug", "ĂĔĬŎŬĞăĕĭŏŭğ")
	add('\u0307', "CEGIZcegz", "ĊĖĠİŻċėġż")
	add('\u0308', "AEIOUaeiouyY", "ÄËÏÖÜäëïöüÿŸ")
	add('\u030a', "AaUu", "ÅåŮů")
	add('\u030b', "OoUu", "ŐőŰű")
	add('\u030c', "CDENRSTZcdenrstz", "ČĎĚŇŘŠŤŽčďěňřšťž")
	add('\u0327', "CcSsTtGgKkLlNnRr", "ÇçŞşŢţĢģĶķĻļŅņŖŗ")
	add('\u0328', "AaEeIiUu", "ĄąĘęĮįŲų")
	return m
}()

// letterCommands are the commands that stand for a letter or symbol.
var letterCommands = map[string]string{
	"aa": "å", "AA": "Å", "o": "ø", "O": "Ø", "l": "ł", "L": "Ł", "ss": "ß",
	"ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "i": "ı", "j": "ȷ", "dh": "ð",
	"DH": "Ð", "th": "þ", "TH": "Þ", "dj": "đ", "DJ": "Đ", "ng": "ŋ", "NG": "Ŋ",
	"&": "&", "%": "%", "$": "$", "_": "_", "#": "#", "{": "{", "}": "}",
	" ": " ", ",": " ", ";": " ", ":": " ", "\\": " ", "-": "", "/": "", "@": "",
	"relax": "", "protect": "", "nobreak": "", "textendash": "–", "textemdash": "—", "ldots": "…", "dots": "…", "textellipsis": "…",
	"textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”",
	"guillemotleft": "«", "guillemotright": "»", "textregistered": "®", "texttrademark": "™",
	"copyright": "©", "textcopyright": "©", "S": "§", "P": "¶", "pounds": "£", "euro": "€",
	"textasciitilde": "~", "textbackslash": "\\", "textunderscore": "_", "textbar": "|",
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
	"zeta": "ζ", "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ",
	"mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ",
	"upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
	"Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
	"Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "ell": "ℓ", "infty": "∞",
	"times": "×", "cdot": "·", "pm": "±", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥",
	"neq": "≠", "approx": "≈", "sim": "∼", "to": "→", "rightarrow": "→", "leftarrow": "←",
	"partial": "∂", "nabla": "∇", "sum": "∑", "prod": "∏", "in": "∈", "circ": "∘",
}

// argCommands drop themselves and keep their argument's text: font changes,
// boxes and links (whose first argument, the address, is not prose).
var argCommands = map[string]bool{
	"textit": true, "emph": true, "textbf": true, "textrm": true, "textsf": true,
	"texttt": true, "textsc": true, "textup": true, "textsl": true, "textmd": true,
	"textnormal": true, "mathrm": true, "mathbf": true, "mathit": true, "mathsf": true,
	"mathtt": true, "mathcal": true, "mathbb": true, "operatorname": true, "text": true,
	"mbox": true, "hbox": true, "url": true, "nolinkurl": true, "NoCaseChange": true,
	"MakeUppercase": true, "MakeLowercase": true, "uppercase": true, "lowercase": true,
}

var dropCommands = map[string]bool{
	"cite": true, "citep": true, "citet": true, "citealp": true, "citeauthor": true, "citeyear": true,
	"noopsort": true, "ref": true, "eqref": true, "autoref": true, "cref": true, "Cref": true, "label": true,
}

// Latex turns a LaTeX field value into plain Unicode text with single
// spaces.
func Latex(s string) string {
	var b strings.Builder
	latexTo(&b, s)
	return strings.Join(strings.Fields(b.String()), " ")
}

func latexTo(b *strings.Builder, s string) {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\':
			i = latexCommand(b, s, i+1)
		case c == '{' || c == '}' || c == '$':
			i++
		case c == '~':
			b.WriteByte(' ')
			i++
		case strings.HasPrefix(s[i:], "---"):
			b.WriteString("—")
			i += 3
		case strings.HasPrefix(s[i:], "--"):
			b.WriteString("–")
			i += 2
		case strings.HasPrefix(s[i:], "``"):
			b.WriteString("“")
			i += 2
		case strings.HasPrefix(s[i:], "''"):
			b.WriteString("”")
			i += 2
		default:
			b.WriteByte(c)
			i++
		}
	}
}

// latexCommand writes the command whose name starts at s[i] (just after the
// backslash) and returns where the text after it resumes.
func latexCommand(b *strings.Builder, s string, i int) int {
	if i >= len(s) {
		return i
	}
	name := s[i : i+1]
	if isLetter(s[i]) {
		j := i
		for j < len(s) && isLetter(s[j]) {
			j++
		}
		name = s[i:j]
	}
	i += len(name)
	if isLetter(name[0]) {
		// TeX ends a command word at the first non-letter and eats the
		// spaces after it: "Stra\ss e" is "Straße".
		i = skipSpace(s, i)
	}

	if mark, ok := accentMarks[name]; ok {
		base, next := accentBase(s, i)
		if base == "" {
			// An accent on nothing: a symbol ("\'" is a quote) stays, a
			// letter ("\v{}") would read as a word, so it goes.
			if !isLetter(name[0]) {
				b.WriteString(name)
			}
			return next
		}
		r, n := utf8.DecodeRuneInString(base)
		if c, ok := composed[string(r)+string(mark)]; ok {
			b.WriteString(c)
		} else {
			b.WriteRune(r)
			b.WriteRune(mark)
		}
		latexTo(b, base[n:])
		return next
	}
	if t, ok := letterCommands[name]; ok {
		if strings.HasPrefix(s[i:], "{}") {
			i += 2 // "\ss{}" terminates the command without a space
		}
		b.WriteString(t)
		return i
	}
	if dropCommands[name] {
		// Citations and cross-references point into a paper's text, and
		// \noopsort only steers sorting; out of a bibliography they are noise.
		if i < len(s) && s[i] == '[' {
			if j := strings.IndexByte(s[i:], ']'); j >= 0 {
				i += j + 1
			}
		}
		_, i = braceGroup(s, i)
		return i
	}
	if name == "href" {
		// \href{address}{text}: the text is what a reader sees.
		_, i = braceGroup(s, i)
		return i
	}
	if argCommands[name] {
		return i
	}
	b.WriteString(name)
	return i
}

// accentBase finds the letter an accent applies to, in any of the spellings
// "\'e", "\'{e}", "\'{\i}", "\' e" or "\'\i", and returns it (already turned
// to Unicode, possibly followed by more text from a group) and the position
// after it.
func accentBase(s string, i int) (string, int) {
	i = skipSpace(s, i)
	if i >= len(s) {
		return "", i
	}
	var raw string
	next := i
	switch s[i] {
	case '{':
		raw, next = braceGroup(s, i)
	case '\\':
		j := i + 1
		for j < len(s) && isLetter(s[j]) {
			j++
		}
		if j == i+1 && j < len(s) {
			j++
		}
		raw, next = s[i:j], j
		if _, ok := accentMarks[s[i+1:j]]; ok {
			_, next = accentBase(s, j) // stacked accents: "\~\^e"
			raw = s[i:next]
		}
	case '}':
		return "", i
	default:
		_, n := utf8.DecodeRuneInString(s[i:])
		raw, next = s[i:i+n], i+n
	}
	var inner strings.Builder
	latexTo(&inner, raw)
	base := inner.String()
	// The dotless i and j carry accents in LaTeX; in Unicode the accented
	// letter is built on the plain one.
	base = strings.NewReplacer("ı", "i", "ȷ", "j").Replace(base)
	return strings.TrimLeft(base, " "), next
}

// braceGroup returns the content of the balanced group opening at s[i] and
// the position after its closing brace (or the end of s).
func braceGroup(s string, i int) (string, int) {
	if i >= len(s) || s[i] != '{' {
		return "", i
	}
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return s[i+1 : j], j + 1
			}
		}
	}
	return s[i+1:], len(s)
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

func isLetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
