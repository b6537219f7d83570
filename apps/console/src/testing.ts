/** What the console's element tests share: its views mounted on a host-capable fake room. */
import { fixture } from '@open-wc/testing';
import type { FakeRoom } from '@plenum/elements';
import { hostView, type HostViewTag } from './fake-host.js';

export { hostRoom } from './fake-host.js';

/** Mounts a console view on `room` (see `hostView`) and waits for its first render. */
export const mountView = <K extends HostViewTag>(tag: K, room: FakeRoom): Promise<HTMLElementTagNameMap[K]> =>
  fixture(hostView(tag, room));
