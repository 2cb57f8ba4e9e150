// The two XML reports are small and flat, so they are written as text; what
// needs care is user text: markup characters are escaped, and characters
// XML 1.0 cannot hold at all (most C0 controls, lone surrogates, U+FFFE and
// U+FFFF) are replaced with U+FFFD so the report stays well-formed.
// Tabs and line breaks become character references: a parser would turn them
// into spaces in an attribute value.
const entities: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;'}

/** Escape text for an XML attribute value or element content. */
export function escapeXml(value: string | number): string {
  return String(value)
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/[&<>"'\t\n\r]/g, (char) => entities[char])
}

/** An element with escaped attributes (undefined ones left out), empty or with escaped text. */
export function element(name: string, attributes: Record<string, string | number | undefined>, children?: string): string {
  const attributeText = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(value as string | number)}"`)
    .join('')
  return children === undefined ? `<${name}${attributeText}/>` : `<${name}${attributeText}>${children}</${name}>`
}

export const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8"?>'
