// Reading rendered figures in tests.

/** The text content of every <text> element of an SVG, and of each line (<tspan>) of multi-line ones. */
export function svgTexts(svg: string): string[] {
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const plain = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1]));
  const lines = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => unescape(m[1]));
  return [...plain, ...lines];
}
