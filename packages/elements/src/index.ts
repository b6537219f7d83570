export { PlenumReactions } from './reactions/reactions.js';
export { StoreController } from './store-controller.js';
export { setStrings, type Lang, type Strings } from './i18n.js';
export { setDefaultServer } from './server-url.js';
export type { PlenumEventDetails, PlenumEventName } from './events.js';
