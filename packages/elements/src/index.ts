export { PlenumQuestions } from './questions/questions.js';
export { PlenumPoll } from './poll/poll.js';
export { PlenumReactions } from './reactions/reactions.js';
export { PlenumElement } from './plenum-element.js';
export { FakeRoom, emptyRoom, fakeQuestion, type FakeRoomInit } from './fake-room.js';
export { StoreController } from './store-controller.js';
export { setStrings, type Lang, type Strings } from './i18n.js';
export { setDefaultServer } from './server-url.js';
export type { PlenumEventDetails, PlenumEventName } from './events.js';
