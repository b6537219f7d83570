export { connectRoom } from './connect.js';
export {
  RoomConnection,
  statuses,
  type RoomLike,
  type ActionInput,
  type ConnectOptions,
  type Status,
} from './room.js';
export { PlenumError } from './errors.js';
export { participantId } from './ids.js';
