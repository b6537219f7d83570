/** The links and snippets a host hands out. */
const origin = () => location.origin;
const consoleUrl = () => `${origin()}/console`;
const fragment = (params: Record<string, string>) => new URLSearchParams(params).toString();

/** The event page when the host named one, else the console's plain participant page. */
export const participantLink = (room: string, eventPage?: string): string =>
  eventPage || `${consoleUrl()}#${fragment({ join: room })}`;

export const hostLink = (room: string, hostKey: string): string =>
  `${consoleUrl()}#${fragment({ room, key: hostKey })}`;

/** No key in it: safe to leave open on a venue PC or in an OBS browser source. */
export const presentLink = (room: string, eventPage?: string): string =>
  `${consoleUrl()}#${fragment({ present: room, ...(eventPage && { join: eventPage }) })}`;

export const embedSnippet = (room: string): string =>
  [
    `<script type="module" src="${origin()}/plenum.js"></script>`,
    `<plenum-reactions room="${room}"></plenum-reactions>`,
    `<plenum-poll room="${room}"></plenum-poll>`,
    `<plenum-questions room="${room}"></plenum-questions>`,
  ].join('\n');
