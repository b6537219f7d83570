/** Registers the elements once: loading plenum.js twice must be harmless. */
import { PlenumReactions } from './reactions/reactions.js';

const elements = {
  'plenum-reactions': PlenumReactions,
} as const;

for (const [tag, element] of Object.entries(elements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
