/** What the console's stories share: a language control, and a host view on a fake room. */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { RoomView } from '@plenum/protocol';
import { hostRoom, hostView, type HostViewTag } from './fake-host.js';
import { $lang, langs, type Lang } from './i18n.js';

export interface LangArgs {
  lang: Lang;
}

/** The console's language as a story control (English by default). */
export const langControl = {
  args: { lang: 'en' },
  argTypes: { lang: { control: 'inline-radio', options: [...langs] } },
} satisfies Partial<Meta<LangArgs>>;

/** A story of the view `tag` on a fake host room that looks like `view`; its buttons act on it. */
export const viewStory = (tag: HostViewTag, view: Partial<RoomView>): StoryObj<LangArgs> => ({
  render: ({ lang }) => {
    $lang.set(lang);
    return hostView(tag, hostRoom(view));
  },
});
