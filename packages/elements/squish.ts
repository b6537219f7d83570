/**
 * Drops the indentation inside our own `html` and `css` templates (a few KB gzip): the
 * minifier keeps template text verbatim. TypeScript's parser finds the templates, so strings,
 * comments, regular expressions and escapes around or inside them are never mistaken for one.
 * Lines stay where they are, so source maps hold.
 */
import ts from 'typescript';

const tags = new Set(['html', 'css']);

/** `code` with the text parts of its tagged `html`/`css` templates squished; `${…}` code stays. */
export function squish(code: string, fileName = 'module.ts'): string {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  /** [start, end) of each template text part, between its delimiters. */
  const parts: [number, number][] = [];
  const text = (node: ts.Node, open: number, close: number) => {
    parts.push([node.getStart(source) + open, node.end - close]);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && tags.has(node.tag.text)) {
      const template = node.template;
      if (ts.isNoSubstitutionTemplateLiteral(template)) text(template, 1, 1);
      else {
        text(template.head, 1, 2); // `…${
        for (const span of template.templateSpans) {
          const tail = ts.isTemplateTail(span.literal);
          text(span.literal, 1, tail ? 1 : 2); // }…${ or }…`
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = '';
  let at = 0;
  for (const [start, end] of parts.sort((a, b) => a[0] - b[0])) {
    out += code.slice(at, start) + code.slice(start, end).replace(/\n\s+/g, '\n');
    at = end;
  }
  return out + code.slice(at);
}
