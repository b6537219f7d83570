import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../define.js';
import { emptyRoom, FakeRoom } from '../fake-room.js';

const totals = { '👍': 42, '👏': 17, '❤️': 9, '😂': 3, '🎉': 12, '🤔': 1 };
const room = () => new FakeRoom({ state: emptyRoom({ reactions: totals }) });

interface Args {
  lang: string;
  theme: string;
  wrapper: string;
  emojis: string;
}

const view = (args: Args, connection: FakeRoom) =>
  html`<div style=${args.wrapper} lang=${args.lang}>
    <plenum-reactions .connection=${connection} theme=${args.theme} emojis=${args.emojis}></plenum-reactions>
  </div>`;

const meta: Meta<Args> = {
  title: 'Widgets/Reactions',
  component: 'plenum-reactions',
  render: (args) => view(args, room()),
  args: { lang: 'en', theme: 'light', wrapper: 'padding-top: 6rem; max-width: 32rem', emojis: '' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'de'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
};
export default meta;
type Story = StoryObj<Args>;

const story = (make: () => FakeRoom, args: Partial<Args> = {}): Story => ({
  args,
  render: (a) => view(a, make()),
});

export const Default = story(room);
export const Empty = story(() => new FakeRoom({ state: emptyRoom() }));
export const Loading = story(() => new FakeRoom());
export const Offline = story(
  () => new FakeRoom({ state: emptyRoom({ reactions: totals }), status: 'offline' }),
);
/** Everyone else reacting: bursts float up (not under prefers-reduced-motion). */
export const Bursts: Story = {
  render: (args) => {
    const connection = room();
    const emojis = ['👍', '👏', '❤️', '🎉'];
    let n = 0;
    const timer = setInterval(() => {
      connection.burst(emojis[n % emojis.length]!, 1 + (n % 3));
      if (++n === 40) clearInterval(timer);
    }, 700);
    return view(args, connection);
  },
};
export const RateLimited: Story = {
  render: (args) => {
    const connection = room();
    // Every other reaction is refused, as when someone taps too fast.
    const react = connection.react.bind(connection);
    let n = 0;
    connection.react = (emoji) => {
      if (n++ % 2) connection.fail('rate_limited');
      return react(emoji);
    };
    return view(args, connection);
  },
};
export const CustomEmojis = story(room, { emojis: '🚀 🙌 💡' });
export const Narrow = story(room, { wrapper: 'padding-top: 6rem; max-width: 280px' });
export const Dark = story(room, { theme: 'dark' });
export const German = story(room, { lang: 'de' });
export const CustomTheme = story(room, {
  wrapper:
    'padding-top: 6rem; max-width: 32rem; --plenum-accent: #7a1fa2; --plenum-radius: 999px; --plenum-border: #7a1fa2',
});
