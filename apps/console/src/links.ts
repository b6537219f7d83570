/** The links and snippets a host hands out. */
const origin = () => location.origin;
const consoleUrl = () => `${origin()}/console`;
const fragment = (params: Record<string, string>) => new URLSearchParams(params).toString();

/**
 * A room's passcode in a link's fragment (`#passcode=…`, or `&passcode=…` after the page's
 * own fragment): fragments never reach a server or its logs, and the widgets take it out of
 * the address bar once they have read it.
 */
const withPasscode = (url: string, passcode?: string): string =>
  passcode ? `${url}${url.includes('#') ? '&' : '#'}${fragment({ passcode })}` : url;

/** The event page when the host named one, else the console's plain participant page. */
export const participantLink = (room: string, eventPage?: string, passcode?: string): string =>
  withPasscode(eventPage || `${consoleUrl()}#${fragment({ join: room })}`, passcode);

export const hostLink = (room: string, hostKey: string): string =>
  `${consoleUrl()}#${fragment({ room, key: hostKey })}`;

/**
 * No key in it: safe to leave open on a venue PC or in an OBS browser source. A passcoded
 * room's code goes with it: the screen joins with it and shows it in its join QR code.
 */
export const presentLink = (room: string, eventPage?: string, passcode?: string): string =>
  `${consoleUrl()}#${fragment({ present: room, ...(eventPage && { join: eventPage }), ...(passcode && { passcode }) })}`;

export const embedSnippet = (room: string): string =>
  [
    `<script type="module" src="${origin()}/plenum.js"></script>`,
    `<plenum-reactions room="${room}"></plenum-reactions>`,
    `<plenum-poll room="${room}"></plenum-poll>`,
    `<plenum-questions room="${room}"></plenum-questions>`,
    // Where the event has a quiz or a survey (what they show loads only where they are):
    `<plenum-quiz room="${room}"></plenum-quiz>`,
    `<plenum-survey room="${room}"></plenum-survey>`,
  ].join('\n');
