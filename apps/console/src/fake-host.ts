/**
 * The console's views on a host-capable fake room (the real model behind it), for stories and
 * tests: each view gets its connection and, on every change, its state, as the host view
 * hands them out.
 */
import { emptyRoom, FakeRoom } from '@plenum/elements';
import type { RoomView } from '@plenum/protocol';
import './elements.js';

/** A room as its host sees it, in English unless told otherwise. */
export const hostRoom = (view: Partial<RoomView> = {}): FakeRoom =>
  new FakeRoom({ host: true, state: emptyRoom({ lang: 'en', ...view }) });

/** The views the host view hands a room and its state. */
export type HostViewTag =
  | 'plenum-console-moderation'
  | 'plenum-console-polls'
  | 'plenum-console-screen-control'
  | 'plenum-console-share';

/** A console view following `room`, not yet in the page. */
export function hostView<K extends HostViewTag>(tag: K, room: FakeRoom): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.connection = room;
  element.state = room.$state.get();
  // Each story or test makes its own room: the listener ends with it.
  room.$state.listen((state) => (element.state = state));
  return element;
}
