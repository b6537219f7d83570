/**
 * The elements' public API has one source, their JSDoc: the custom-elements manifest made
 * from it documents every item, and the README's tables say the same.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));
const readme = readFileSync(join(here, '../../README.md'), 'utf8');
/** Relative: the analyzer puts its outdir below the working directory. */
const outdir = '../../node_modules/.cache/plenum/manifest';

interface Item {
  name: string;
  description?: string;
  privacy?: string;
  static?: boolean;
}
interface Element {
  tagName: string;
  attributes?: Item[];
  members?: Item[];
  events?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}

let elements: Element[];

beforeAll(async () => {
  await promisify(execFile)('npx', ['cem', 'analyze', '--outdir', outdir], { cwd: here });
  const manifest = JSON.parse(readFileSync(join(here, outdir, 'custom-elements.json'), 'utf8')) as {
    modules: { declarations?: (Element & { customElement?: boolean })[] }[];
  };
  elements = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName);
}, 30_000);

const names = (items: Item[] | undefined) => (items ?? []).map((item) => item.name).sort();
const code = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
/** The rows of the README table whose header starts with `| header `. */
function table(header: string): string[][] {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`| ${header} `));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

describe('the custom-elements manifest', () => {
  it('has the five elements', () => {
    expect(elements.map((e) => e.tagName).sort()).toEqual([
      'plenum-poll',
      'plenum-questions',
      'plenum-quiz',
      'plenum-reactions',
      'plenum-survey',
    ]);
  });

  it('describes every attribute, property, event, part and custom property', () => {
    const undocumented = elements.flatMap((element) =>
      (['attributes', 'members', 'events', 'cssParts', 'cssProperties'] as const).flatMap((kind) =>
        (element[kind] ?? [])
          .filter(
            (item) => item.privacy !== 'private' && item.privacy !== 'protected' && !item.description?.trim(),
          )
          .map((item) => `${element.tagName} ${kind} ${item.name}`),
      ),
    );
    expect(undocumented).toEqual([]);
  });

  it('is the package’s customElements', () => {
    const pkg = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')) as { customElements: string };
    expect(pkg.customElements).toBe('dist/custom-elements.json');
  });
});

describe('the README agrees with the manifest on', () => {
  it('the attributes of each element', () => {
    for (const element of elements) {
      const documented = table('attribute')
        .filter(([, on]) => on === 'all' || code(on!).includes(element.tagName))
        .map(([attribute]) => code(attribute!)[0]);
      expect(documented.sort(), element.tagName).toEqual(names(element.attributes));
    }
  });

  it('the parts of each element', () => {
    const sentence = /Parts: ([^.]*)\./s.exec(readme)![1]!.replace(/\s+/g, ' ');
    for (const element of elements) {
      const list = new RegExp(`\`${element.tagName}\`: ([^;]*)`).exec(sentence)?.[1] ?? '';
      expect(code(list).sort(), element.tagName).toEqual(names(element.cssParts));
    }
  });

  it('the custom properties, which every element reads', () => {
    const documented = table('property').flatMap(([property]) => code(property!));
    for (const element of elements) {
      expect(documented.sort(), element.tagName).toEqual(names(element.cssProperties));
    }
  });

  it('the events', () => {
    const section = readme.slice(readme.indexOf('### Events'), readme.indexOf('## Run the server'));
    const documented = new Set(code(section).filter((name) => /^plenum-[a-z]+$/.test(name)));
    const fired = new Set(elements.flatMap((element) => names(element.events)));
    expect([...documented].sort()).toEqual([...fired].sort());
  });
});
