import { uuidv4 } from 'lib0/random';

/** A new random record id. lib0's uuid works in browsers and Node without DOM or node: types. */
export function newId(): string {
  return uuidv4();
}
