import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { fakePoll, samplePolls } from '@plenum/elements/testing';
import type { RoomView } from '@plenum/protocol';
import { hostRoom, hostView } from './fake-host.js';
import { $lang, type Lang } from './i18n.js';

const { single, multiple, open, rating } = samplePolls;
const draft = fakePoll({
  id: 'draft',
  title: 'Where should the next town hall be?',
  kind: 'single',
  status: 'draft',
  options: ['City hall', 'Library', 'Online'],
  createdAt: 5,
});

interface Args {
  lang: Lang;
}

const meta: Meta<Args> = {
  title: 'Console/Polls',
  component: 'plenum-console-polls',
  args: { lang: 'en' },
  argTypes: { lang: { control: 'inline-radio', options: ['en', 'de'] } },
};
export default meta;
type Story = StoryObj<Args>;

/** Create, open, end and reorder polls: the fake room counts with the real model. */
const story = (view: Partial<RoomView>): Story => ({
  render: ({ lang }) => {
    $lang.set(lang);
    return hostView('plenum-console-polls', hostRoom(view));
  },
});

// One poll is open at a time: the last one made.
export const EveryKind = story({ polls: [multiple, open, rating, single, draft], currentPoll: single.id });
export const NoPolls = story({});
export const German: Story = { ...EveryKind, args: { lang: 'de' } };
