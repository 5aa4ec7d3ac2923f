import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SCHEMA_VERSION } from '../../schema/keys';
import { getCarriedFrom } from '../../series/carriedFields';
import { cloneDoc, syncDocs } from '../../testing/syncDocs';
import { VERSION_ONE_VIA_MEETING, versionOneMeeting } from '../../testing/versionOneMeeting';
import { getMeta, initMeeting } from '../meeting';
import { MIGRATIONS, NewerDocumentError, documentVersion, migrateDocument, pendingMigrations, updateVersion } from './migrations';

const storedCarriedFrom = (doc: Y.Doc, id: string) => doc.getMap<Y.Map<unknown>>('actionItems').get(id)!.get('carriedFrom');

describe('document migrations', () => {
  it('chain one version at a time from 1 up to SCHEMA_VERSION', () => {
    expect(MIGRATIONS.map((m) => [m.from, m.to])).toEqual(
      Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => [i + 1, i + 2]),
    );
  });

  it('create new meetings at the current version, with nothing to migrate', () => {
    const doc = new Y.Doc();
    initMeeting(doc, { title: 'new' });
    expect(getMeta(doc).schemaVersion).toBe(SCHEMA_VERSION);
    expect(pendingMigrations(doc)).toEqual([]);
    expect(migrateDocument(doc)).toMatchObject({ from: SCHEMA_VERSION, to: SCHEMA_VERSION, applied: [] });
  });

  it('leave a document with no meeting alone', () => {
    const doc = new Y.Doc();
    expect(documentVersion(doc)).toBe(0);
    expect(migrateDocument(doc).applied).toEqual([]);
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
  });

  it('1 → 2 renames carriedFrom.from to viaMeeting in one transaction, keeping its value', () => {
    const { doc, actionItemId } = versionOneMeeting();
    expect(getCarriedFrom(doc, actionItemId)?.viaMeeting).toBeUndefined(); // version 2 cannot read the old name
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(migrateDocument(doc)).toMatchObject({ from: 1, to: 2 });
    expect(transactions).toBe(1);
    expect(getMeta(doc).schemaVersion).toBe(2);
    expect(storedCarriedFrom(doc, actionItemId)).toEqual({
      root: { meetingId: 'm0', actionItemId: 'a0' },
      via: { meetingId: 'm1', actionItemId: 'a1' },
      viaMeeting: VERSION_ONE_VIA_MEETING,
    });
    expect(getCarriedFrom(doc, actionItemId)?.viaMeeting).toEqual(VERSION_ONE_VIA_MEETING);
  });

  it('are idempotent: running the migration again changes nothing', () => {
    const { doc } = versionOneMeeting();
    migrateDocument(doc);
    const after = Y.encodeStateAsUpdate(doc);
    for (const migration of MIGRATIONS) doc.transact(() => migration.migrate(doc));
    expect(migrateDocument(doc).applied).toEqual([]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(after);
  });

  it('converge when two copies of one document are migrated apart (two server instances)', () => {
    const { doc: a, actionItemId } = versionOneMeeting();
    const b = cloneDoc(a);
    const c = cloneDoc(a);
    migrateDocument(a);
    migrateDocument(b);
    syncDocs(a, b);
    expect(b.toJSON()).toEqual(a.toJSON());
    expect(getMeta(b).schemaVersion).toBe(2);
    expect(storedCarriedFrom(b, actionItemId)).not.toHaveProperty('from');
    expect(getCarriedFrom(b, actionItemId)?.viaMeeting).toEqual(VERSION_ONE_VIA_MEETING);
    // A copy that never migrated itself (a client holding the old state) reads the merged result.
    syncDocs(c, a);
    expect(getMeta(c).schemaVersion).toBe(2);
    expect(getCarriedFrom(c, actionItemId)?.viaMeeting).toEqual(VERSION_ONE_VIA_MEETING);
  });

  it('refuse a document newer than this code, changing nothing', () => {
    const doc = new Y.Doc();
    initMeeting(doc, { title: 'from the future' });
    doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1);
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => migrateDocument(doc)).toThrow(NewerDocumentError);
    expect(() => migrateDocument(doc)).toThrow(/newer version of Suishin \(document version 3/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

describe('updateVersion', () => {
  it('reads the version a whole-document update carries, without building it', () => {
    const old = versionOneMeeting().doc;
    expect(updateVersion(Y.encodeStateAsUpdate(old))).toBe(1);
    migrateDocument(old);
    expect(updateVersion(Y.encodeStateAsUpdate(old))).toBe(2); // the overwritten 1 is deleted
    const fresh = new Y.Doc();
    initMeeting(fresh, { title: 'new' });
    expect(updateVersion(Y.encodeStateAsUpdate(fresh))).toBe(SCHEMA_VERSION);
    expect(updateVersion(Y.encodeStateAsUpdate(new Y.Doc()))).toBeNull();
  });
});
