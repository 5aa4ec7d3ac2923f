import { runStoreContract } from '../contracts/meetingStoreContract';
import { memoryStorage, openMemoryStore, type MemoryStorage } from './memoryMeetingStore';

let storage: MemoryStorage = memoryStorage();

runStoreContract('memory', {
  async open() {
    storage = memoryStorage();
    return openMemoryStore(storage);
  },
  async reopen(store) {
    await store.close();
    return openMemoryStore(storage);
  },
  async cleanup() {
    storage = memoryStorage();
  },
});
