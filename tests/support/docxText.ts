/** Reading the text of a .docx part's paragraphs back from its XML, as Word would show it (no numbering). */

export function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The paragraphs of a part, as XML, in order. */
export function paragraphsXml(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => match[0]);
}

/** The text of each paragraph of a part, in order. */
export function paragraphTexts(xml: string): string[] {
  return paragraphsXml(xml).map((paragraph) => decodeXml([...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((text) => text[1]).join('')));
}

/** The paragraph whose text is exactly `text`, as XML. */
export function paragraphXml(xml: string, text: string): string {
  const found = paragraphsXml(xml).find((paragraph) => paragraphTexts(paragraph)[0] === text);
  if (!found) throw new Error(`no paragraph reads "${text}"`);
  return found;
}
