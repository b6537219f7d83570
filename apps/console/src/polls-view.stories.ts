import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { fakePoll, samplePolls } from '@plenum/elements/testing';
import type { RoomView } from '@plenum/protocol';
import { langControl, viewStory, type LangArgs } from './story-helpers.js';

const { single, multiple, open, rating } = samplePolls;
const draft = fakePoll({
  id: 'draft',
  title: 'Where should the next town hall be?',
  kind: 'single',
  status: 'draft',
  options: ['City hall', 'Library', 'Online'],
  createdAt: 5,
});

const meta: Meta<LangArgs> = {
  title: 'Console/Polls',
  component: 'plenum-console-polls',
  ...langControl,
};
export default meta;
type Story = StoryObj<LangArgs>;

/** Create, open, end and reorder polls: the fake room counts with the real model. */
const story = (view: Partial<RoomView>): Story => viewStory('plenum-console-polls', view);

export const EveryKind = story({ polls: [multiple, open, rating, single, draft], currentPoll: single.id });
export const NoPolls = story({});
export const German: Story = { ...EveryKind, args: { lang: 'de' } };
