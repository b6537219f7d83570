import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { fakeQuestion } from '@plenum/elements';
import type { RoomView } from '@plenum/protocol';
import { hostRoom, hostView } from './fake-host.js';
import { $lang, type Lang } from './i18n.js';

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

interface Args {
  lang: Lang;
}

const meta: Meta<Args> = {
  title: 'Console/Moderation',
  component: 'plenum-console-moderation',
  args: { lang: 'en' },
  argTypes: { lang: { control: 'inline-radio', options: ['en', 'de'] } },
};
export default meta;
type Story = StoryObj<Args>;

/** Every button acts on the fake room with the real model: approve, highlight, merge… */
const story = (view: Partial<RoomView>): Story => ({
  render: ({ lang }) => {
    $lang.set(lang);
    return hostView('plenum-console-moderation', hostRoom(view));
  },
});

export const PreModerated = story(townHall);
export const PostModerated = story({ ...townHall, moderation: 'post' });
export const Empty = story({ title: 'Town hall', moderation: 'pre' });
export const German: Story = { ...PreModerated, args: { lang: 'de' } };
