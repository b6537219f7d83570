import type { Status } from '@plenum/client';
import type { SurveyAnswer } from '@plenum/protocol';

/** The DOM events Plenum's elements fire: bubbling, composed, `detail` always an object. */
export interface PlenumEventDetails {
  'plenum-ask': { room: string; text: string; name?: string };
  'plenum-upvote': { room: string; question: string };
  'plenum-vote': { room: string; poll: string; choice: number | number[] | string };
  'plenum-react': { room: string; emoji: string };
  'plenum-status': { room: string; status: Status };
  'plenum-answer': { room: string; quiz: string; question: number; choice: number | number[] };
  'plenum-nickname': { room: string; nickname: string };
  'plenum-submit': { room: string; survey: string; answers: SurveyAnswer[] };
}

export type PlenumEventName = keyof PlenumEventDetails;

export function emit<K extends PlenumEventName>(
  host: HTMLElement,
  name: K,
  detail: PlenumEventDetails[K],
): void {
  host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'plenum-ask': CustomEvent<PlenumEventDetails['plenum-ask']>;
    'plenum-upvote': CustomEvent<PlenumEventDetails['plenum-upvote']>;
    'plenum-vote': CustomEvent<PlenumEventDetails['plenum-vote']>;
    'plenum-react': CustomEvent<PlenumEventDetails['plenum-react']>;
    'plenum-status': CustomEvent<PlenumEventDetails['plenum-status']>;
    'plenum-answer': CustomEvent<PlenumEventDetails['plenum-answer']>;
    'plenum-nickname': CustomEvent<PlenumEventDetails['plenum-nickname']>;
    'plenum-submit': CustomEvent<PlenumEventDetails['plenum-submit']>;
  }
}
