/**
 * Bench seeding only: lib0's uuidv4 (every record id of the model) calls crypto.getRandomValues
 * with a fresh array once per hex digit, about 3 µs each in Node: 100 µs an id, a third of the
 * time of seeding 30,000 meetings. Imported first, before yjs and lib0 bind the function, this
 * fills arrays from a xorshift generator instead. Only the bench process uses it; the server,
 * its own process, keeps the real one.
 */
let state = (0x9e3779b9 ^ Date.now()) >>> 0 || 1;
function fill<T extends ArrayBufferView | null>(array: T): T {
  if (!array) return array;
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  for (let i = 0; i < bytes.length; i += 4) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    for (let k = 0; k < 4 && i + k < bytes.length; k++) bytes[i + k] = (state >>> (8 * k)) & 0xff;
  }
  return array;
}
Object.defineProperty(globalThis.crypto, 'getRandomValues', { value: fill, configurable: true, writable: true });
