package importer

import "testing"

func TestLatex(t *testing.T) {
	cases := []struct{ in, want string }{
		{`{\"o}\"{o}\"o \"{\i}`, "ööö ï"},
		{"\\'{e}\\'e\\'{\\i}{\\'\\i} \\`a\\` a", "ééíí àà"},
		{`\^o\~n\c{c}\c c\v{s}\u{g}\H{o}\k{a}\=a\.z`, "ôñççšğőąāż"},
		{`\aa\AA\o\O\l\L\ss\ae\AE\oe\OE\i`, "åÅøØłŁßæÆœŒı"},
		{`Stra\ss e, Stra\ss{}e, Stra{\ss}e`, "Straße, Straße, Straße"},
		{`1--2, a---b, x~y`, "1–2, a—b, x y"},
		{`\& \% \$ \_ \# \{x\}`, "& % $ _ # {x}"},
		{`\textit{x} \emph{y} \textbf{z} {\em w}`, "x y z emw"},
		{`{{Nested} {B}races}`, "Nested Braces"},
		{`$O(n^2)$ and $\alpha$-stable`, "O(n^2) and α-stable"},
		{"``quoted'' text", "“quoted” text"},
		{`see~\cite[p.~3]{knuth} and \ref{fig}.`, "see and ."},
		{`\href{https://x.org}{the site}`, "the site"},
		{`\LaTeX{} and \unknown{arg}`, "LaTeX and unknownarg"},
		{`\v{}x \'`, "x '"},
		{`\d{o}\b{o}\r{u}\t{oo}`, "o\u0323o\u0331ůtoo"},
		{`\~\^e`, "ê\u0303"},
		{"  many\n\t spaces  ", "many spaces"},
		{`trailing \`, "trailing"},
	}
	for _, c := range cases {
		if got := Latex(c.in); got != c.want {
			t.Errorf("Latex(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
