/** Types of poll-welcome.js for the TypeScript peer rooms in bench/partykit/. */
export function pollWelcome(m: { room: string; counts: number[]; online: number }): object;
