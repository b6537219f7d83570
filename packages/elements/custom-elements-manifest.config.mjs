/**
 * The custom-elements manifest (dist/custom-elements.json, the package's `customElements`):
 * the elements' public API from their JSDoc, read by Storybook's autodocs and editors.
 */
/** Lit's own static fields, which the analyzer would list as the element's API. */
const litStatics = new Set(['styles', 'properties', 'shadowRootOptions']);

/**
 * Lit's `state: true` properties are private UI state, yet the analyzer lists every entry
 * of `static properties` as an attribute: this drops them, and Lit's statics, again.
 */
function litState() {
  /** class name → its state properties */
  const states = new Map();
  return {
    name: 'plenum-lit-state',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const names = new Set();
      for (const member of node.members) {
        const init =
          ts.isPropertyDeclaration(member) && member.name.getText() === 'properties' && member.initializer;
        if (!init || !ts.isObjectLiteralExpression(init)) continue;
        for (const property of init.properties) {
          if (ts.isPropertyAssignment(property) && /\bstate:\s*true\b/.test(property.initializer.getText()))
            names.add(property.name.getText());
        }
      }
      states.set(node.name.getText(), names);
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of moduleDoc.declarations ?? []) {
        const names = states.get(declaration.name) ?? new Set();
        declaration.attributes = declaration.attributes?.filter((a) => !names.has(a.fieldName ?? a.name));
        declaration.members = declaration.members?.filter(
          (m) => !names.has(m.name) && !(m.static && litStatics.has(m.name)),
        );
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  // The word cloud is part of plenum-poll (`display="cloud"`), not an element of its own to place.
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/poll/word-cloud.ts'],
  outdir: 'dist',
  // The package's `customElements` names it already; the analyzer would rewrite package.json.
  packagejson: false,
  litelement: true,
  plugins: [litState()],
};
