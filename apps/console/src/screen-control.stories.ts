import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { fakeQuestion } from '@plenum/elements';
import { samplePolls } from '@plenum/elements/testing';
import type { Screen } from '@plenum/protocol';
import { langControl, viewStory, type LangArgs } from './story-helpers.js';

const highlighted = fakeQuestion({ id: 'q1', text: 'Who pays for the new bridge?', highlighted: true });

const meta: Meta<LangArgs> = {
  title: 'Console/Screen control',
  component: 'plenum-console-screen-control',
  ...langControl,
};
export default meta;
type Story = StoryObj<LangArgs>;

/** The host's control of the big screen; its buttons change the fake room's screen. */
const story = (screen: Screen): Story =>
  viewStory('plenum-console-screen-control', {
    questions: [highlighted],
    polls: [samplePolls.single],
    screen,
  });

export const JoinOnScreen = story({ show: 'join' });
export const PollOnScreen = story({ show: 'poll', poll: samplePolls.single.id });
export const HighlightedOnScreen = story({ show: 'question', question: highlighted.id });
