import type { ReactiveControllerHost } from 'lit';
import type { PlenumError, RoomLike, Status } from '@plenum/client';
import type { MineView, RoomView } from '@plenum/protocol';
import { atom } from 'nanostores';
import { StoreController } from './store-controller.js';

/** What an element shows before it knows its room. */
const noState = atom<RoomView | undefined>(undefined);
const noMine = atom<MineView>({ questions: [], upvoted: [], votes: {} });
const noStatus = atom<Status>('closed');
const noError = atom<PlenumError | undefined>(undefined);

/**
 * The store→element bridge for one room: the element follows the room's state, own items,
 * status and error while it is connected, and re-renders on each change. `render()` reads
 * the values; `set()` switches rooms. The widgets (`PlenumElement`) and the console's views
 * share it, so no element subscribes by hand.
 */
export class RoomController<Room extends RoomLike = RoomLike> {
  #room: Room | undefined;
  readonly #state: StoreController<RoomView | undefined>;
  readonly #mine: StoreController<MineView>;
  readonly #status: StoreController<Status>;
  readonly #error: StoreController<PlenumError | undefined>;

  constructor(host: ReactiveControllerHost) {
    this.#state = new StoreController(host, noState);
    this.#mine = new StoreController(host, noMine);
    this.#status = new StoreController(host, noStatus);
    this.#error = new StoreController(host, noError);
  }

  /** The room followed, if any. */
  get room(): Room | undefined {
    return this.#room;
  }

  get state(): RoomView | undefined {
    return this.#state.value;
  }

  get mine(): MineView {
    return this.#mine.value;
  }

  get status(): Status {
    return this.#status.value;
  }

  get error(): PlenumError | undefined {
    return this.#error.value;
  }

  /** Follows `room` (none: the empty, closed room); returns whether it changed. */
  set(room: Room | undefined): boolean {
    if (room === this.#room) return false;
    this.#room = room;
    this.#state.set(room?.$state ?? noState);
    this.#mine.set(room?.$mine ?? noMine);
    this.#status.set(room?.$status ?? noStatus);
    this.#error.set(room?.$error ?? noError);
    return true;
  }
}
