export { connectRoom } from './connect.js';
export {
  RoomConnection,
  type ActionInput,
  type ConnectOptions,
  type PasscodeState,
  type RoomLike,
  type Status,
} from './room.js';
export { HostActions, type QuestionChanges } from './host.js';
export { ActivityHost, answerQuiz, answerSurvey, rank, setNickname, type Sender } from './activities.js';
export { PlenumError } from './errors.js';
export { participantId } from './ids.js';
