package importer

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLatex(t *testing.T) {
	cases := []struct{ in, want string }{
		{`{\"o}\"{o}\"o \"{\i}`, "ööö ï"},
		{"\\'{e}\\'e\\'{\\i}{\\'\\i} \\`a\\` a", "ééíí àà"},
		{`\^o\~n\c{c}\c c\v{s}\u{g}\H{o}\k{a}\=a\.z`, "ôñççšğőąāż"},
		{`\aa\AA\o\O\l\L\ss\ae\AE\oe\OE\i`, "åÅøØłŁßæÆœŒı"},
		{`Stra\ss e, Stra\ss{}e, Stra{\ss}e`, "Straße, Straße, Straße"},
		{`1--2, a---b, x~y`, "1–2, a—b, x y"},
		{`\& \% \$ \_ \# \{x\}`, "& % $ _ # {x}"},
		{`\textit{x} \emph{y} \textbf{z} {\em w}`, "x y z w"},
		{`{{Nested} {B}races}`, "Nested Braces"},
		{`$O(n^2)$ and $\alpha$-stable`, "O(n²) and α-stable"},
		{"``quoted'' text", "“quoted” text"},
		{`see~\cite[p.~3]{knuth} and \ref{fig}.`, "see and ."},
		{`\href{https://x.org}{the site}`, "the site"},
		{`\LaTeX{} and \unknown{arg}`, "LaTeX and arg"},
		{`\v{}x \'`, "x '"},
		{`\d{o}\b{o}\r{u}\t{oo}`, "o\u0323o\u0331ůo\u0361o"},
		{`\~\^e \'{\^A}`, "ễ Ấ"},
		{"  many\n\t spaces  ", "many spaces"},
		{`trailing \`, "trailing"},
		// What real exports write (issue 17).
		{`{\sc Adl}: {\em With\/} {\bf Bold} {\it it} {\rm r}{\sf s}{\tt t}`, "Adl: With Bold it rst"},
		{`\enquote{divide} and \mkbibquote{conquer \enquote{inner}}`, "“divide” and “conquer ‘inner’”"},
		{`3\textsuperscript{rd} and H\textsubscript{2}O, x\textsuperscript{a+b!}`, "3ʳᵈ and H₂O, xa+b!"},
		{`900\textdegree{}C (1\texttimes{}1) InN{$\slash$}GaN n\hyphen type`, "900°C (1×1) InN/GaN n-type"},
		{`$\langle$111$\rangle$ and \(\langle 100 \rangle\)`, "⟨111⟩ and ⟨ 100 ⟩"},
		{`5\({}^{\mbox{th}}\) 2{\textsuperscript{nd}}`, "5ᵗʰ 2ⁿᵈ"},
		{`$x^{2n}_i$, $10^{-3}$, $e^{i\pi}$, $^\circ$C, $T_{\mathrm{c}}$`, "x²ⁿᵢ, 10⁻³, eiπ, °C, Tc"},
		{`$\pm$ $\cdot$ $\times$ $\leq \geq \approx \sim \infty \rightarrow$ \ldots\dots`, "± · × ≤ ≥ ≈ ∼ ∞ → ……"},
		{`\textendash\textemdash \S\P \copyright\textregistered\texttrademark`, "–—§¶©®™"},
		{`$\Gamma\Delta\beta$-cells, \mu{}m`, "ΓΔβ-cells, μm"},
		{`\mbox{box} \text{t} $\mathrm{RNA}$ \textcolor{red}{hot} \url{http://x.org/~a_b}`, "box t RNA hot http://x.org/~a_b"},
		{`\foo{bar} \baz qux \enquote*{E} x\hspace*{1em}y`, "bar qux “E” xy"},
		{`a\'{}b \^{} \v{}c`, "a'b ^ c"},
		{`\"{\i} \'\i \~{\^a}`, "ï íẫ"},
		{`\ce{Fe2O3}, \ce{2H2O}, \ce{Ca(OH)2}, \ce{C12H22O11}, \ce{SO4^{2-}}`, "Fe₂O₃, 2H₂O, Ca(OH)₂, C₁₂H₂₂O₁₁, SO₄²⁻"},
		{`\SI{5}{\micro\metre}, \si{\kilo\gram\per\metre\cubed}, \SI{300}{\kelvin}, \ang{30}`, "5 µm, kg/m³, 300 K, 30°"},
		{`$\frac{1}{2}$, $\frac12$, \nicefrac{a+b}{c}`, "1/2, 1/2, a+b/c"},
		{`a\begin{it}b\end{it}c \ElsevierGlyph{2014} \ElsevierGlyph{zz} \ElsevierGlyph`, "abc — zz"},
		{`\mkbibparens{a} \mkbibbrackets{b} x\mkbibsuperscript{2} 4\textsuperscript{ème} \textonesuperior`, "(a) [b] x² 4ème ¹"},
	}
	for _, c := range cases {
		if got := Latex(c.in); got != c.want {
			t.Errorf("Latex(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLatexUnknownWarning(t *testing.T) {
	doc := &latexDoc{}
	for _, c := range []struct {
		line int
		in   string
	}{{12, `\foo{a} \qux`}, {12, `\foo{b}`}, {40, `\foo{c} \sc d`}, {41, `\alpha`}} {
		doc.line = c.line
		doc.text(c.in)
	}
	ws := doc.warning("pubs.bib")
	want := `pubs.bib: unknown LaTeX commands, kept their text: \foo (lines 12, 40), \qux (line 12)`
	if len(ws) != 1 || ws[0].String() != want {
		t.Errorf("warning = %v, want %s", ws, want)
	}
	if ws := (&latexDoc{}).warning("x"); ws != nil {
		t.Errorf("no unknown command, warning %v", ws)
	}
}

// Hostile nesting once took exponential (stacked accents: each doubled the
// time, 20 took 1.4 s) or quadratic time (nested accents: 10,000 took 1.3 s).
// At these sizes the old converter would run for hours; the test asserts
// the converted text, and runs in milliseconds.
func TestLatexLinear(t *testing.T) {
	const n = 100_000
	cases := []struct {
		name, in string
		check    func(string) bool
	}{
		{"stacked accents", strings.Repeat(`\~`, n) + "e", func(s string) bool {
			return s == "e"+strings.Repeat("\u0303", n)
		}},
		{"nested accents", strings.Repeat(`\"{`, n) + "o" + strings.Repeat("}", n), func(s string) bool {
			return strings.HasPrefix(s, "ö\u0308") && utf8.RuneCountInString(s) == n
		}},
		{"nested groups", strings.Repeat("{", n) + "x" + strings.Repeat("}", n), func(s string) bool { return s == "x" }},
		{"unclosed groups", strings.Repeat(`\textbf{\"{`, n), func(s string) bool { return s == strings.Repeat(`"`, n) }},
		{"nested scripts", "$" + strings.Repeat("^{", n) + "2" + strings.Repeat("}", n) + "$", func(s string) bool { return s == "²" }},
		{"nested formulas", strings.Repeat(`\ce{`, n) + "H2O" + strings.Repeat("}", n), func(s string) bool { return s == "H₂O" }},
		{"many scripts", "$" + strings.Repeat("x^{12}", n) + "$", func(s string) bool { return s == strings.Repeat("x¹²", n) }},
		{"unclosed optional arguments", strings.Repeat(`\cite[`, n), func(s string) bool { return s == strings.Repeat("[", n) }},
		{"unclosed verbatim", strings.Repeat(`\url{`, n), func(s string) bool { return strings.HasPrefix(s, `\url{\url{`) }},
		{"nested quotes", strings.Repeat(`\enquote{`, n) + "q" + strings.Repeat("}", n), func(s string) bool {
			return strings.Count(s, "“")+strings.Count(s, "‘") == n && strings.Contains(s, "q")
		}},
	}
	for _, c := range cases {
		if got := Latex(c.in); !c.check(got) {
			t.Errorf("%s: Latex gave %q…", c.name, got[:min(len(got), 40)])
		}
	}
}

// The file of the report: 30 stacked accents in 100 bytes, which the old
// converter would have taken about a day over.
func TestStackedAccentsFile(t *testing.T) {
	src := "@misc{k, title = {" + strings.Repeat(`\~`, 30) + "e}}\n"
	l, ws, err := Parse("hostile.bib", []byte(src), "")
	if err != nil || len(ws) > 0 || len(l.Papers) != 1 || l.Papers[0].Title != "e"+strings.Repeat("\u0303", 30) {
		t.Errorf("%v %v %+v", err, ws, l.Papers)
	}
}
