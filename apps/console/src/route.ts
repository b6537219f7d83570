/**
 * Which screen the console shows, from the URL fragment: fragments never reach the server
 * or its logs, so the host key may travel in one.
 *   #room=ID&key=KEY   the host view of a room
 *   #present=ID        the read-only present view (no key, ever)
 *   #join=ID           a plain participant page for rooms without their own event page
 *   &passcode=CODE     with either: a passcoded room's code (the widgets take it from there)
 *   (anything else)    the rooms of this browser and the create form
 */
import { atom } from 'nanostores';

export type Route =
  | { screen: 'home' }
  | { screen: 'host'; room: string; key?: string; tab?: string }
  | { screen: 'present'; room: string; join?: string; passcode?: string }
  | { screen: 'join'; room: string; passcode?: string };

export function parseRoute(hash: string): Route {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const present = params.get('present');
  const passcode = optional('passcode', params.get('passcode'));
  if (present)
    return { screen: 'present', room: present, ...optional('join', params.get('join')), ...passcode };
  const join = params.get('join');
  if (join) return { screen: 'join', room: join, ...passcode };
  const room = params.get('room');
  if (room)
    return {
      screen: 'host',
      room,
      ...optional('key', params.get('key')),
      ...optional('tab', params.get('tab')),
    };
  return { screen: 'home' };
}

const optional = <K extends string>(key: K, value: string | null) =>
  (value ? { [key]: value } : {}) as Partial<Record<K, string>>;

export const $route = atom<Route>(parseRoute(location.hash));
addEventListener('hashchange', () => $route.set(parseRoute(location.hash)));

/** A message for the next screen, e.g. "The room was erased." after leaving a room. */
export const $flash = atom('');
