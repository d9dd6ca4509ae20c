package importer

import "testing"

func TestRichText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`<i>E. coli</i> in <b>bold</b>, <sc>Small Caps</sc> and <span class="nocase">iPhone</span>`, "E. coli in bold, Small Caps and iPhone"},
		{`<span style="font-variant:small-caps;">Adl</span>`, "Adl"},
		{`H<sub>2</sub>O, 3<sup>rd</sup>, x<sup>2+y</sup>, x<sup>q</sup>, <sup><i>13</i></sup>C, <sup>13C</sup>`, "H₂O, 3ʳᵈ, x²⁺ʸ, xq, ¹³C, 13C"},
		{`R&amp;D &eacute;t&eacute; &#233; &#x2014; &lt;i&gt; &nbsp;x`, "R&D été é — <i> \u00a0x"},
		{`a <b relation, x<y and a < b`, "a <b relation, x<y and a < b"},
		{`if a <b then> c`, "if a <b then> c"},
		{`<unknown>kept</unknown> line<br/>break`, "<unknown>kept</unknown> line break"},
		{`no markup at all`, "no markup at all"},
	} {
		if got := richText(c.in); got != c.want {
			t.Errorf("richText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
