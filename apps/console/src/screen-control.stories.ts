import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { fakeQuestion } from '@plenum/elements';
import { samplePolls } from '@plenum/elements/testing';
import type { Screen } from '@plenum/protocol';
import { hostRoom, hostView } from './fake-host.js';
import { $lang, type Lang } from './i18n.js';

const highlighted = fakeQuestion({ id: 'q1', text: 'Who pays for the new bridge?', highlighted: true });

interface Args {
  lang: Lang;
}

const meta: Meta<Args> = {
  title: 'Console/Screen control',
  component: 'plenum-console-screen-control',
  args: { lang: 'en' },
  argTypes: { lang: { control: 'inline-radio', options: ['en', 'de'] } },
};
export default meta;
type Story = StoryObj<Args>;

/** The host's control of the big screen; its buttons change the fake room's screen. */
const story = (screen: Screen): Story => ({
  render: ({ lang }) => {
    $lang.set(lang);
    const room = hostRoom({ questions: [highlighted], polls: [samplePolls.single], screen });
    return hostView('plenum-console-screen-control', room);
  },
});

export const JoinOnScreen = story({ show: 'join' });
export const PollOnScreen = story({ show: 'poll', poll: samplePolls.single.id });
export const HighlightedOnScreen = story({ show: 'question', question: highlighted.id });
