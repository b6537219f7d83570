import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { RoomView } from '@plenum/protocol';
import { langControl, viewStory, type LangArgs } from './story-helpers.js';

const meta: Meta<LangArgs> = { title: 'Console/Share', component: 'plenum-console-share', ...langControl };
export default meta;
type Story = StoryObj<LangArgs>;

/** The links, the embed snippet and the QR code of a room; the event page saves to the fake room. */
const story = (view: Partial<RoomView>): Story => viewStory('plenum-console-share', view);

export const PlainPage = story({ room: 'town-hall', title: 'Town hall' });
export const OnTheEventPage = story({
  room: 'town-hall',
  title: 'Town hall',
  eventPage: 'https://events.example.org/town-hall',
});
export const German: Story = { ...PlainPage, args: { lang: 'de' } };
