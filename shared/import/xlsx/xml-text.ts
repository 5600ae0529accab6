// The little XML a workbook's parts need: attributes of one tag, and text with its escapes undone the way
// Excel writes them (XML entities, _xHHHH_ for control characters, CDATA sections).

/** The attributes of one start tag, `<c r="A1" t="s">` (the text from `<` to `>`). Names keep any prefix. */
export function tagAttributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const pattern = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(tag)) !== null) out.set(m[1]!, m[3] ?? m[4] ?? '');
  return out;
}

/** One attribute of a start tag, or undefined; faster than tagAttributes when one is wanted. */
export function tagAttribute(tag: string, name: string): string | undefined {
  let at = 0;
  for (;;) {
    at = tag.indexOf(name, at);
    if (at < 0) return undefined;
    const before = tag.charCodeAt(at - 1);
    let i = at + name.length;
    // The name must stand alone: preceded by white space, followed by optional space and "=".
    if (before === 32 || before === 9 || before === 10 || before === 13) {
      while (tag.charCodeAt(i) === 32) i++;
      if (tag.charCodeAt(i) === 61) {
        i++;
        while (tag.charCodeAt(i) === 32) i++;
        const quote = tag[i];
        if (quote === '"' || quote === "'") {
          const close = tag.indexOf(quote, i + 1);
          if (close < 0) return undefined;
          return tag.slice(i + 1, close);
        }
      }
    }
    at += name.length;
  }
}

const entities: Record<string, string> = { quot: '"', apos: "'", gt: '>', lt: '<', amp: '&' };

function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0 && text.indexOf('_x') < 0) return text;
  return text
    .replace(/&(?:(quot|apos|gt|lt|amp)|#x([\da-fA-F]+)|#(\d+));/gi, (whole, name: string | undefined, hex: string | undefined, dec: string | undefined) => {
      if (name) return entities[name.toLowerCase()] ?? whole;
      const code = hex ? parseInt(hex, 16) : parseInt(dec!, 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/_x([\da-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Element text as the person typed it: escapes undone, CDATA kept as is, Windows line ends folded. */
export function unescapeXml(text: string): string {
  let out: string;
  const cdata = text.indexOf('<![CDATA[');
  if (cdata < 0) out = decodeEntities(text);
  else {
    const close = text.indexOf(']]>', cdata);
    out = close < 0 ? decodeEntities(text) : decodeEntities(text.slice(0, cdata)) + text.slice(cdata + 9, close) + unescapeXml(text.slice(close + 3));
  }
  return out.indexOf('\r\n') < 0 ? out : out.replace(/\r\n/g, '\n');
}

/**
 * The text of a rich or plain string (`<si>` in the text table, `<is>` in a cell): a plain `<t>`, or the
 * runs' `<t>`s joined, leaving out phonetic guides. Null when it holds neither.
 */
export function stringItemText(xml: string): string | null {
  const first = xml.search(/\S/);
  if (first >= 0 && /^<(?:\w+:)?t[\s>/]/.test(xml.slice(first, first + 40))) {
    const open = xml.indexOf('>', first);
    if (xml[open - 1] === '/') return '';
    const close = xml.search(/<\/(?:\w+:)?t>/);
    return unescapeXml(close < 0 ? xml.slice(open + 1) : xml.slice(open + 1, close));
  }
  if (!/<(?:\w+:)?r[\s>]/.test(xml)) return null;
  const withoutPhonetic = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let text = '';
  const pattern = /<(?:\w+:)?t\b[^<>]*>([^<]*)<\/(?:\w+:)?t>/g;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(withoutPhonetic)) !== null) text += m[1];
  return unescapeXml(text);
}
