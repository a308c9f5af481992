/**
 * Reading a .docx back in tests: the tables of word/document.xml as rows of cells, each cell the
 * texts of its paragraphs (parsed with fast-xml-parser, order preserved).
 */
import { XMLParser } from 'fast-xml-parser';

type Node = Record<string, unknown>;
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: true, trimValues: false });

const children = (node: Node, name: string): Node[] => (node[name] as Node[] | undefined) ?? [];
function findAll(nodes: Node[], name: string): Node[] {
  const out: Node[] = [];
  for (const n of nodes) {
    const key = Object.keys(n).find((k) => k !== ':@');
    if (!key || key === '#text') continue;
    if (key === name) out.push(n);
    else out.push(...findAll(children(n, key), name));
  }
  return out;
}
function text(nodes: Node[]): string {
  return findAll(nodes, 'w:t')
    .map((t) =>
      children(t, 'w:t')
        .map((x) => String(x['#text'] ?? ''))
        .join(''),
    )
    .join('');
}

/** Tables → rows → cells → the texts of the cell's paragraphs. */
export function docxTables(documentXml: string): string[][][][] {
  const root = parser.parse(documentXml) as Node[];
  return findAll(root, 'w:tbl').map((tbl) =>
    findAll(children(tbl, 'w:tbl'), 'w:tr').map((tr) =>
      findAll(children(tr, 'w:tr'), 'w:tc').map((tc) =>
        findAll(children(tc, 'w:tc'), 'w:p').map((p) => text(children(p, 'w:p'))),
      ),
    ),
  );
}
