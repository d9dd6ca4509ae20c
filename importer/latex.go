package importer

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// BibTeX fields are LaTeX, but the widget shows and searches plain text, so
// the LaTeX that occurs in bibliographies is spelt out in Unicode: accents,
// special letters and symbols, Greek, dashes, quotes, super- and subscripts,
// font switches and inline math. A command it does not know loses its name
// and keeps its argument's text (\foo{bar} -> "bar"), and is reported once
// per file, so that no command name is ever glued to the words around it.
//
// The conversion is one left-to-right pass: groups and pending arguments
// live on an explicit stack, an accent waits on a list of marks for the
// next letter, and a super- or subscript is rewritten once, when its
// outermost group closes. So it takes time linear in its input whatever the
// nesting ("\~\~\~…e", "\"{\"{…}}" being the hostile cases).

// accentMarks maps accent commands, of text and of math, to the combining
// mark they put on the following letter.
var accentMarks = map[string]rune{
	"`": '\u0300', "'": '\u0301', "^": '\u0302', "~": '\u0303', "=": '\u0304',
	"u": '\u0306', ".": '\u0307', `"`: '\u0308', "r": '\u030a', "H": '\u030b',
	"v": '\u030c', "d": '\u0323', "c": '\u0327', "k": '\u0328', "b": '\u0331',
	"t": '\u0361', "h": '\u0309', // \h: the Vietnamese hook above
	"grave": '\u0300', "acute": '\u0301', "hat": '\u0302', "widehat": '\u0302', "tilde": '\u0303',
	"widetilde": '\u0303', "bar": '\u0304', "overline": '\u0305', "breve": '\u0306', "dot": '\u0307',
	"ddot": '\u0308', "check": '\u030c', "vec": '\u20d7',
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
	// Vietnamese stacks a tone on a circumflex or breve: "Nguy{\~\^e}n".
	add('\u0303', "ÂâÊêÔôĂă", "ẪẫỄễỖỗẴẵ")
	add('\u0301', "ÂâÊêÔôĂă", "ẤấẾếỐốẮắ")
	add('\u0300', "ÂâÊêÔôĂă", "ẦầỀềỒồẰằ")
	return m
}()

// letterCommands are the commands that stand for a letter, symbol or word.
var letterCommands = map[string]string{
	"aa": "å", "AA": "Å", "o": "ø", "O": "Ø", "l": "ł", "L": "Ł", "ss": "ß", "SS": "SS",
	"ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "i": "ı", "j": "ȷ", "dh": "ð",
	"DH": "Ð", "th": "þ", "TH": "Þ", "dj": "đ", "DJ": "Đ", "ng": "ŋ", "NG": "Ŋ",
	"&": "&", "%": "%", "$": "$", "_": "_", "#": "#", "{": "{", "}": "}",
	" ": " ", ",": " ", ";": " ", ":": " ", "!": "", "\\": " ", "-": "", "/": "", "@": "",
	"quad": " ", "qquad": " ", "enspace": " ", "thinspace": " ", "space": " ", "newblock": " ", "par": " ",
	"newline": " ", "linebreak": " ", "break": " ", "allowbreak": "", "hfill": " ",
	"relax": "", "protect": "", "nobreak": "", "xspace": "", "unskip": "", "null": "", "ignorespaces": "",
	"textendash": "–", "textemdash": "—", "ldots": "…", "dots": "…", "cdots": "⋯", "textellipsis": "…",
	"hyphen": "-", "slash": "/", "textfractionsolidus": "⁄",
	"textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”",
	"textquotesingle": "'", "textquotedbl": `"`, "lq": "‘", "rq": "’",
	"guillemotleft": "«", "guillemotright": "»", "guillemetleft": "«", "guillemetright": "»",
	"flqq": "«", "frqq": "»", "glqq": "„", "grqq": "“", "glq": "‚", "grq": "‘",
	"textregistered": "®", "texttrademark": "™", "trademark": "™", "registered": "®",
	"copyright": "©", "textcopyright": "©", "S": "§", "P": "¶", "textsection": "§", "textparagraph": "¶",
	"pounds": "£", "textsterling": "£", "euro": "€", "texteuro": "€", "textyen": "¥", "textcent": "¢",
	"textdollar": "$", "textasciitilde": "~", "textasciicircum": "^", "textbackslash": "\\", "backslash": "\\",
	"textunderscore": "_", "textbar": "|", "textless": "<", "textgreater": ">", "textbraceleft": "{",
	"textbraceright": "}", "textbullet": "•", "textperiodcentered": "·", "textdagger": "†", "dag": "†",
	"textdaggerdbl": "‡", "ddag": "‡", "textdegree": "°", "degree": "°", "textcelsius": "℃",
	"texttimes": "×", "textdiv": "÷", "textpm": "±", "textmu": "µ", "micro": "µ", "textohm": "Ω",
	"textperthousand": "‰", "textonehalf": "½", "textonequarter": "¼", "textthreequarters": "¾",
	"textminus": "−", "textexclamdown": "¡", "textquestiondown": "¿", "checkmark": "✓",
	"textonesuperior": "¹", "texttwosuperior": "²", "textthreesuperior": "³", "textordfeminine": "ª",
	"textordmasculine": "º", "textbrokenbar": "¦", "textcurrency": "¤", "textnumero": "№",
	"textinterrobang": "‽", "textpertenthousand": "‱", "textreferencemark": "※", "textsurd": "√",
	"textlangle": "⟨", "textrangle": "⟩", "textleftarrow": "←", "textrightarrow": "→",
	"textuparrow": "↑", "textdownarrow": "↓", "textasteriskcentered": "∗", "textopenbullet": "◦",
	"textvisiblespace": "␣", "textnospace": "", "textbigcircle": "◯", "textmusicalnote": "♪",
	"quotedblbase": "„", "quotesinglbase": "‚", "guilsinglleft": "‹", "guilsinglright": "›",
	"textasciiacute": "´", "textasciidieresis": "¨", "textasciimacron": "¯", "textasciicaron": "ˇ",
	"textasciibreve": "˘", "textacutedbl": "˝", "textgravedbl": "˵", "texttildelow": "˷",
	"textlnot": "¬", "textsterlingsign": "£", "textwon": "₩", "textnaira": "₦", "textpeso": "₱",
	"textbaht": "฿", "textflorin": "ƒ", "textestimated": "℮", "textmho": "℧", "textrecipe": "℞",
	"textservicemark": "℠", "textcircledP": "℗", "textdblhyphen": "⸗", "textthreequartersemdash": "—",
	"texttwelveudash": "—", "textdiscount": "⁒", "textleaf": "🍃", "textmarried": "⚭", "textdivorced": "⚮",
	// siunitx's units and prefixes: \SI{5}{\micro\metre} is "5 µm".
	"metre": "m", "meter": "m", "second": "s", "gram": "g", "kelvin": "K", "ampere": "A", "mole": "mol",
	"hertz": "Hz", "volt": "V", "watt": "W", "joule": "J", "newton": "N", "pascal": "Pa", "tesla": "T",
	"ohm": "Ω", "electronvolt": "eV", "litre": "l", "liter": "l", "minute": "min", "hour": "h",
	"celsius": "°C", "angstrom": "Å", "percent": "%", "per": "/", "squared": "²", "cubed": "³",
	"femto": "f", "pico": "p", "nano": "n", "milli": "m", "centi": "c", "kilo": "k", "mega": "M",
	"giga": "G", "tera": "T",
	"LaTeX": "LaTeX", "LaTeXe": "LaTeX2e", "TeX": "TeX", "BibTeX": "BibTeX", "XeTeX": "XeTeX",
	"LuaTeX": "LuaTeX", "eTeX": "eTeX", "AmS": "AMS", "BibLaTeX": "BibLaTeX", "MF": "Metafont",
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
	"zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ",
	"mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π", "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ",
	"sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ",
	"psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
	"Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
	"ell": "ℓ", "hbar": "ℏ", "aleph": "ℵ", "Re": "ℜ", "Im": "ℑ", "wp": "℘", "infty": "∞",
	"times": "×", "cdot": "·", "bullet": "•", "ast": "∗", "star": "⋆", "pm": "±", "mp": "∓", "div": "÷",
	"leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "ll": "≪", "gg": "≫",
	"approx": "≈", "simeq": "≃", "cong": "≅", "equiv": "≡", "sim": "∼", "propto": "∝",
	"to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←", "leftrightarrow": "↔",
	"Rightarrow": "⇒", "Leftarrow": "⇐", "Leftrightarrow": "⇔", "implies": "⇒", "iff": "⇔",
	"longrightarrow": "⟶", "longleftarrow": "⟵", "mapsto": "↦", "uparrow": "↑", "downarrow": "↓",
	"langle": "⟨", "rangle": "⟩", "lceil": "⌈", "rceil": "⌉", "lfloor": "⌊", "rfloor": "⌋",
	"lbrace": "{", "rbrace": "}", "vert": "|", "Vert": "‖", "mid": "|", "parallel": "∥", "perp": "⊥",
	"partial": "∂", "nabla": "∇", "sum": "∑", "prod": "∏", "int": "∫", "oint": "∮", "sqrt": "√",
	"in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂", "supset": "⊃", "subseteq": "⊆", "supseteq": "⊇",
	"cap": "∩", "cup": "∪", "setminus": "∖", "emptyset": "∅", "varnothing": "∅",
	"forall": "∀", "exists": "∃", "neg": "¬", "lnot": "¬", "wedge": "∧", "land": "∧", "vee": "∨",
	"lor": "∨", "oplus": "⊕", "otimes": "⊗", "circ": "∘", "prime": "′", "angle": "∠", "triangle": "△",
	"log": "log", "ln": "ln", "exp": "exp", "sin": "sin", "cos": "cos", "tan": "tan", "max": "max",
	"min": "min", "sup": "sup", "inf": "inf", "lim": "lim", "det": "det", "dim": "dim", "arg": "arg",
	"deg": "deg", "Pr": "Pr", "gcd": "gcd", "ker": "ker", "tanh": "tanh", "sinh": "sinh", "cosh": "cosh",
	"left": "", "right": "", "big": "", "Big": "", "bigg": "", "Bigg": "", "bigl": "", "bigr": "",
	"Bigl": "", "Bigr": "", "displaystyle": "", "textstyle": "", "limits": "", "nolimits": "",
	// Font switches change how the rest of the group looks, not what it
	// says.
	"em": "", "it": "", "bf": "", "sc": "", "rm": "", "sf": "", "tt": "", "sl": "", "up": "",
	"normalfont": "", "itshape": "", "bfseries": "", "scshape": "", "upshape": "", "slshape": "",
	"mdseries": "", "rmfamily": "", "sffamily": "", "ttfamily": "", "tiny": "", "scriptsize": "",
	"footnotesize": "", "small": "", "normalsize": "", "large": "", "Large": "", "LARGE": "",
	"huge": "", "Huge": "", "boldmath": "", "unboldmath": "", "centering": "", "selectfont": "",
}

// argCommands drop themselves and keep their argument's text: font changes,
// boxes, case changes, emphasis.
var argCommands = map[string]bool{
	"textit": true, "emph": true, "textbf": true, "textrm": true, "textsf": true,
	"texttt": true, "textsc": true, "textup": true, "textsl": true, "textmd": true,
	"textnormal": true, "mathrm": true, "mathbf": true, "mathit": true, "mathsf": true,
	"mathtt": true, "mathcal": true, "mathbb": true, "mathfrak": true, "mathscr": true,
	"boldsymbol": true, "bm": true, "mathnormal": true, "operatorname": true, "text": true,
	"textnormalfont": true, "ensuremath": true, "mbox": true, "hbox": true, "fbox": true,
	"makebox": true, "NoCaseChange": true, "nocase": true, "MakeUppercase": true,
	"MakeLowercase": true, "uppercase": true, "lowercase": true, "MakeTextUppercase": true,
	"MakeTextLowercase": true, "mkbibemph": true, "mkbibitalic": true, "mkbibbold": true,
	"underline": true, "uline": true, "footnote": true, "textenglish": true, "textgerman": true,
	"textfrench": true, "IeC": true, "mathop": true, "mathbin": true, "mathrel": true,
	"si": true, "num": true, "unit": true,
}

// settingArg commands take a first argument that is not text: a colour
// (\textcolor{red}{text}, \color{red}), a language, an address
// (\href{address}{text}), the TeX of a PDF string (\texorpdfstring).
var settingArg = map[string]bool{
	"textcolor": true, "color": true, "foreignlanguage": true, "href": true, "texorpdfstring": true,
}

// dropCommands point into a paper's text (citations, references), steer
// sorting (\noopsort) or lay out the page; out of a bibliography their
// arguments are noise.
var dropCommands = map[string]bool{
	"cite": true, "citep": true, "citet": true, "citealp": true, "citeauthor": true, "citeyear": true,
	"nocite": true, "parencite": true, "textcite": true, "autocite": true, "footcite": true,
	"noopsort": true, "sortkey": true, "ref": true, "eqref": true, "autoref": true, "cref": true,
	"Cref": true, "label": true, "pageref": true, "hspace": true, "vspace": true, "phantom": true,
	"hphantom": true, "vphantom": true, "index": true, "hyphenation": true,
	// \begin{itshape}…\end{itshape}: an environment's name is no text.
	"begin": true, "end": true,
}

// verbatimArg commands hold an address whose characters ("~", "_", "%")
// are literal.
var verbatimArg = map[string]bool{"url": true, "nolinkurl": true, "path": true, "doi": true}

// quoteCommands put their argument in quotes; nested quotes alternate.
var quoteCommands = map[string]bool{"enquote": true, "mkbibquote": true, "textquote": true, "qq": true}

// wrapCommands put their argument between two characters; a fraction puts
// a slash after its first, and its second follows.
var wrapCommands = map[string][2]string{
	"mkbibparens": {"(", ")"}, "mkbibbrackets": {"[", "]"}, "parentext": {"(", ")"}, "brackettext": {"[", "]"},
	"frac": {"", "/"}, "dfrac": {"", "/"}, "tfrac": {"", "/"}, "nicefrac": {"", "/"},
	"SI": {"", " "}, "qty": {"", " "}, "ang": {"", "°"},
}

// scriptCommands raise or lower their argument.
var scriptCommands = map[string]frameKind{
	"textsuperscript": superArg, "mkbibsuperscript": superArg, "textsubscript": subArg, "mkbibsubscript": subArg,
}

// superscripts and subscripts hold the Unicode forms that exist; a script
// is rewritten only when every character of it has one, because a mix of
// raised and plain letters reads worse than plain text.
var (
	superscripts = scriptMap("0123456789+-=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWαβγδεθιφχ∘′",
		"⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵅᵝᵞᵟᵋᶿᶥᵠᵡ°′")
	subscripts = scriptMap("0123456789+-=()aehijklmnoprstuvxβγρφχ",
		"₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ")
)

func scriptMap(from, to string) map[rune]rune {
	m := map[rune]rune{}
	t := []rune(to)
	for i, r := range []rune(from) {
		m[r] = t[i]
	}
	return m
}

// Latex turns a LaTeX field value into plain Unicode text with single
// spaces.
func Latex(s string) string {
	return (&latexDoc{}).text(s)
}

// latexDoc converts the LaTeX of one file and remembers the commands it did
// not know, with the lines they are on, for a single warning: one per use
// would bury the other warnings of a file that uses a macro in every entry.
type latexDoc struct {
	line    int // of the entry being converted
	unknown map[string][]int
	order   []string
	// keepTilde reads "~" as a character, for sources (arXiv, CSL-JSON)
	// whose text is LaTeX only in its math.
	keepTilde bool
}

// prose converts a BibTeX field: LaTeX, and the HTML that lab lists paste
// into it ("&amp;", "<i>").
func (d *latexDoc) prose(s string) string {
	return words(richText(d.text(s)))
}

// mixed converts text that is plain, or HTML, but for the LaTeX that
// authors write in it: "$\alpha$-stable" and "n^2" in arXiv titles, "{DNA}"
// in a Zotero title imported from BibTeX. There "~" most often means
// "about".
func (d *latexDoc) mixed(s string) string {
	if s = richText(s); strings.ContainsAny(s, `\${^`) {
		return d.text(s)
	}
	return words(s)
}

func (d *latexDoc) text(s string) string {
	c := latexConv{doc: d, src: s}
	c.run()
	return strings.Join(strings.Fields(string(c.out)), " ")
}

func (d *latexDoc) noteUnknown(name string) {
	if d.unknown == nil {
		d.unknown = map[string][]int{}
	}
	lines, seen := d.unknown[name]
	if !seen {
		d.order = append(d.order, name)
	}
	if len(lines) == 0 || lines[len(lines)-1] != d.line {
		d.unknown[name] = append(lines, d.line)
	}
}

// warning lists the unknown commands of the file named name, if any.
func (d *latexDoc) warning(name string) []Warning {
	if len(d.order) == 0 {
		return nil
	}
	const maxLines = 8
	parts := make([]string, len(d.order))
	for i, cmd := range d.order {
		lines := d.unknown[cmd]
		nums := make([]string, 0, maxLines+1)
		for _, l := range lines[:min(len(lines), maxLines)] {
			nums = append(nums, fmt.Sprint(l))
		}
		if len(lines) > maxLines {
			nums = append(nums, fmt.Sprintf("and %d more", len(lines)-maxLines))
		}
		word := "line"
		if len(lines) > 1 {
			word = "lines"
		}
		parts[i] = fmt.Sprintf(`\%s (%s %s)`, cmd, word, strings.Join(nums, ", "))
	}
	return []Warning{{File: name, Msg: "unknown LaTeX commands, kept their text: " + strings.Join(parts, ", ")}}
}

type frameKind uint8

const (
	plainGroup frameKind = iota // "{…}": only scopes what is inside
	accentArg                   // the argument an accent waits on
	superArg                    // ^{…}, \textsuperscript{…}
	subArg                      // _{…}, \textsubscript{…}
	quoteArg                    // \enquote{…}
	wrapArg                     // \mkbibparens{…}
	chemArg                     // \ce{…}
)

// frame is an open group or argument. single frames are arguments written
// without braces ("\'e", "^2"): they close after one item.
type frame struct {
	kind   frameKind
	single bool
	marks  int       // len(latexConv.marks) when it opened
	start  int       // len(out) when it opened, for scripts
	accent string    // the accent command, for an accent on nothing
	wrap   [2]string // what a wrapArg writes around its argument
}

type latexConv struct {
	doc     *latexDoc
	src     string
	pos     int
	out     []byte
	frames  []frame
	marks   []rune // accents waiting for the next letter, outermost first
	scripts int    // open super- and subscript frames
	chems   int    // open chemistry frames
	quotes  int    // open quote frames
	math    bool
}

func (c *latexConv) run() {
	for c.pos < len(c.src) {
		c.step()
	}
	for len(c.frames) > 0 {
		c.close()
	}
}

// step converts the item at c.pos.
func (c *latexConv) step() {
	s := c.src
	ch := s[c.pos]
	switch {
	case ch == '\\':
		c.command()
	case ch == '{':
		c.pos++
		c.open(frame{kind: plainGroup})
	case ch == '}':
		c.pos++
		c.closeGroup()
	case ch == '$':
		c.pos++
		if strings.HasPrefix(s[c.pos:], "$") {
			c.pos++ // display math
		}
		c.math = !c.math
	// "x^2" outside math is a TeX error that BibTeX passes on; it means
	// the same as in math. A "_" outside math is more often a literal
	// underscore ("word2vec_model") than a subscript.
	case ch == '^' || (ch == '_' && (c.math || strings.HasPrefix(s[c.pos+1:], "{"))):
		c.pos++
		kind := superArg
		if ch == '_' {
			kind = subArg
		}
		c.argument(frame{kind: kind})
	case ch == '~' && !c.doc.keepTilde:
		c.pos++
		c.emit(" ")
	case strings.HasPrefix(s[c.pos:], "---"):
		c.pos += 3
		c.emit("—")
	case strings.HasPrefix(s[c.pos:], "--"):
		c.pos += 2
		c.emit("–")
	case strings.HasPrefix(s[c.pos:], "``"):
		c.pos += 2
		c.emit("“")
	case strings.HasPrefix(s[c.pos:], "''"):
		c.pos += 2
		c.emit("”")
	default:
		_, n := utf8.DecodeRuneInString(s[c.pos:])
		c.emit(s[c.pos : c.pos+n])
		c.pos += n
	}
}

// command converts the command whose backslash is at c.pos.
func (c *latexConv) command() {
	s := c.src
	i := c.pos + 1
	if i >= len(s) {
		c.pos = i
		return
	}
	var name string
	if isLetter(s[i]) {
		j := i
		for j < len(s) && isLetter(s[j]) {
			j++
		}
		name = s[i:j]
		if strings.HasPrefix(s[j:], "*") {
			j++ // \enquote*{…}, \hspace*{…}: the starred form says the same
		}
		// TeX ends a command word at the first non-letter and eats the
		// spaces after it: "Stra\ss e" is "Straße". In math, where TeX
		// spaces symbols by itself, the spaces written are kept instead.
		c.pos = j
		if !c.math {
			c.pos = skipSpace(s, j)
		}
	} else {
		_, n := utf8.DecodeRuneInString(s[i:])
		name = s[i : i+n]
		c.pos = i + n
	}

	switch {
	case name == "(" || name == "[":
		c.math = true
	case name == ")" || name == "]":
		c.math = false
	case accentMarks[name] != 0:
		c.pos = skipSpace(s, c.pos)
		c.argument(frame{kind: accentArg, accent: name})
	case hasKey(letterCommands, name):
		c.emit(letterCommands[name])
	case scriptCommands[name] != 0:
		c.argument(frame{kind: scriptCommands[name]})
	case quoteCommands[name]:
		c.argument(frame{kind: quoteArg})
	case name == "ce":
		c.argument(frame{kind: chemArg})
	case wrapCommands[name] != [2]string{}:
		c.argument(frame{kind: wrapArg, wrap: wrapCommands[name]})
	case dropCommands[name]:
		c.skipOptional()
		c.skipGroup()
		c.done()
	case name == "ElsevierGlyph" && strings.HasPrefix(s[c.pos:], "{"):
		// Elsevier's exports name a character by its code point:
		// \ElsevierGlyph{2014} is "—".
		code := c.groupText()
		if n, err := strconv.ParseUint(code, 16, 32); err == nil && utf8.ValidRune(rune(n)) {
			c.emit(string(rune(n)))
		} else {
			c.emit(code)
		}
	case verbatimArg[name]:
		if strings.HasPrefix(s[c.pos:], "{") {
			c.emit(c.groupText())
		}
	case argCommands[name] || settingArg[name]:
		if settingArg[name] {
			c.skipGroup()
			c.pos = skipSpace(s, c.pos)
		}
		c.skipOptional()
	default:
		if !isLetter(name[0]) {
			c.emit(name) // "\>" and the like: keep the character
			return
		}
		c.doc.noteUnknown(name)
		c.skipOptional()
	}
}

func hasKey(m map[string]string, k string) bool {
	_, ok := m[k]
	return ok
}

// argument opens f over the argument at c.pos: a braced group, or the next
// single item.
func (c *latexConv) argument(f frame) {
	if strings.HasPrefix(c.src[c.pos:], "{") {
		c.pos++
	} else {
		f.single = true
	}
	c.open(f)
}

func (c *latexConv) open(f frame) {
	f.marks = len(c.marks)
	f.start = len(c.out)
	switch f.kind {
	case accentArg:
		c.marks = append(c.marks, accentMarks[f.accent])
	case superArg, subArg:
		c.scripts++
	case quoteArg:
		c.out = append(c.out, []string{"“", "‘"}[c.quotes%2]...)
		c.quotes++
	case wrapArg:
		c.out = append(c.out, f.wrap[0]...)
	case chemArg:
		c.chems++
	}
	c.frames = append(c.frames, f)
}

// closeGroup ends the innermost braced group at a "}"; one without a group
// is a stray brace, dropped.
func (c *latexConv) closeGroup() {
	for len(c.frames) > 0 {
		single := c.frames[len(c.frames)-1].single
		c.close()
		if !single {
			c.done()
			return
		}
	}
}

func (c *latexConv) close() {
	f := c.frames[len(c.frames)-1]
	c.frames = c.frames[:len(c.frames)-1]
	switch f.kind {
	case accentArg:
		if len(c.marks) > f.marks {
			// An accent on nothing: a symbol ("\'" is a quote) stays, a
			// letter ("\v{}") would read as a word, so it goes.
			c.marks = c.marks[:f.marks]
			if !isLetter(f.accent[0]) {
				c.out = append(c.out, f.accent...)
			}
		}
	case superArg, subArg:
		c.scripts--
		if c.scripts == 0 {
			table := superscripts
			if f.kind == subArg {
				table = subscripts
			}
			c.rewriteScript(f.start, table)
		}
	case quoteArg:
		c.quotes--
		c.out = append(c.out, []string{"”", "’"}[c.quotes%2]...)
	case wrapArg:
		c.out = append(c.out, f.wrap[1]...)
	case chemArg:
		if c.chems--; c.chems == 0 {
			c.rewriteChem(f.start)
		}
	}
}

// rewriteChem lowers the counts of a formula written since start: mhchem's
// \ce{Fe2O3} is Fe₂O₃, while a leading count (\ce{2H2O}) stays.
func (c *latexConv) rewriteChem(start int) {
	formula := string(c.out[start:])
	out := c.out[:start] // formula holds a copy of what it overwrites
	prev := ' '
	for _, r := range formula {
		if '0' <= r && r <= '9' && (unicode.IsLetter(prev) || prev == ')' || prev == ']' || '₀' <= prev && prev <= '₉') {
			r = subscripts[r]
		}
		out = utf8.AppendRune(out, r)
		prev = r
	}
	c.out = out
}

// rewriteScript turns what was written since start into raised or lowered
// characters. It runs only for the outermost script, so each character is
// rewritten at most once.
func (c *latexConv) rewriteScript(start int, table map[rune]rune) {
	if raised, ok := toScript(c.out[start:], table); ok {
		c.out = append(c.out[:start], raised...)
	}
}

// emit writes text as one item: its first letter takes the accents waiting
// for it, and the arguments waiting for one item close.
func (c *latexConv) emit(text string) {
	if len(c.marks) > 0 && text != "" {
		r, n := utf8.DecodeRuneInString(text)
		// The dotless i and j carry accents in LaTeX; in Unicode the
		// accented letter is built on the plain one.
		switch r {
		case 'ı':
			r = 'i'
		case 'ȷ':
			r = 'j'
		}
		// The innermost accent applies first: "\~\^e" is e, then ^, then ~.
		// Precomposed letters take one mark at a time; once one does not
		// compose, the rest follow as combining marks.
		letter := string(r)
		i := len(c.marks) - 1
		for ; i >= 0; i-- {
			p, ok := composed[letter+string(c.marks[i])]
			if !ok {
				break
			}
			letter = p
		}
		c.out = append(c.out, letter...)
		for ; i >= 0; i-- {
			c.out = utf8.AppendRune(c.out, c.marks[i])
		}
		c.marks = c.marks[:0]
		text = text[n:]
	}
	c.out = append(c.out, text...)
	c.done()
}

// done closes the single-item arguments that the item just converted was.
func (c *latexConv) done() {
	for len(c.frames) > 0 && c.frames[len(c.frames)-1].single {
		c.close()
	}
}

// skipGroup skips the braced group at c.pos, if any.
func (c *latexConv) skipGroup() {
	s := c.src
	if c.pos >= len(s) || s[c.pos] != '{' {
		return
	}
	depth := 0
	for j := c.pos; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				c.pos = j + 1
				return
			}
		}
	}
	c.pos = len(s)
}

// groupText skips the braced group at c.pos and returns its text as
// written.
func (c *latexConv) groupText() string {
	start := c.pos + 1
	c.skipGroup()
	return strings.TrimSuffix(c.src[start:c.pos], "}")
}

// skipOptional skips an optional argument "[…]" at c.pos. Real ones are
// short ("[p.~3]"); looking no further keeps "\cite[\cite[…" linear.
func (c *latexConv) skipOptional() {
	if strings.HasPrefix(c.src[c.pos:], "[") {
		rest := c.src[c.pos:min(len(c.src), c.pos+maxOptional)]
		if j := strings.IndexByte(rest, ']'); j >= 0 {
			c.pos += j + 1
		}
	}
}

const maxOptional = 100

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

func isLetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
