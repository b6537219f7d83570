import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { fakeQuestion } from '@plenum/elements';
import type { RoomView } from '@plenum/protocol';
import { langControl, viewStory, type LangArgs } from './story-helpers.js';

const minutes = (n: number) => Date.now() - n * 60_000;

/** A pre-moderated town hall: questions in every list, two of them near-duplicates. */
const townHall: Partial<RoomView> = {
  title: 'Town hall',
  moderation: 'pre',
  questions: [
    fakeQuestion({ id: 'q1', text: 'Who pays for the new bridge?', status: 'review', createdAt: minutes(2) }),
    fakeQuestion({
      id: 'q2',
      text: 'Who is paying for the bridge?',
      status: 'review',
      createdAt: minutes(1),
    }),
    fakeQuestion({
      id: 'q3',
      text: 'When does the digital passport come?',
      name: 'Ada',
      upvotes: 12,
      highlighted: true,
      createdAt: minutes(20),
    }),
    fakeQuestion({
      id: 'q4',
      text: 'Will the slides be published?',
      upvotes: 4,
      pinned: true,
      label: 'Slides',
    }),
    fakeQuestion({
      id: 'q5',
      text: 'Is the source code open?',
      status: 'answered',
      reply: 'Yes, on the city’s forge.',
    }),
    fakeQuestion({ id: 'q6', text: 'Spam spam spam', status: 'dismissed' }),
  ],
};

const meta: Meta<LangArgs> = {
  title: 'Console/Moderation',
  component: 'plenum-console-moderation',
  ...langControl,
};
export default meta;
type Story = StoryObj<LangArgs>;

/** Every button acts on the fake room with the real model: approve, highlight, merge… */
const story = (view: Partial<RoomView>): Story => viewStory('plenum-console-moderation', view);

export const PreModerated = story(townHall);
export const PostModerated = story({ ...townHall, moderation: 'post' });
export const Empty = story({ title: 'Town hall', moderation: 'pre' });
export const German: Story = { ...PreModerated, args: { lang: 'de' } };
