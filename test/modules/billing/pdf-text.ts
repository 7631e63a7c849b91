import { inflateSync } from 'node:zlib';

/** The text drawn in a pdfkit PDF: inflates content streams and decodes their TJ hex strings. */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams = /stream\r?\n([\s\S]*?)endstream/g;
  const lines: string[] = [];
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[(.*?)\] TJ/g)) {
      const hex = [...tj[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => h[1]).join('');
      lines.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
  }
  return lines.join('\n');
}
