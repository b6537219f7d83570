/** Where a room's socket is: the party every Plenum room lives in, named once for both sides. */
export const roomParty = 'main';

/** The path of a room's socket on its server, `/parties/main/:room`. */
export const roomSocketPath = (room: string): string => `/parties/${roomParty}/${room}`;
