import { deleteDB } from 'idb';
import { DB_NAME } from '../src/db/schema';
import { CaseSession } from '../src/engine/CaseSession';
import type { SessionOptions } from '../src/engine/CaseSession';
import { parseLogFile } from '../src/engine/ingest/parseLogFile';
import type { ParseFn } from '../src/engine/ingest/types';

/** How a test opens a session: the worker's options, and the parse (this thread's by default). */
export type TestSessionOptions = SessionOptions & { readonly parse?: ParseFn };

const opened: CaseSession[] = [];

/**
 * Opens a case session on what the database holds (fake-indexeddb; `cairn` unless `dbName`), as
 * the worker does at load: a reload, in a test. Closed by closeSessions.
 */
export async function openSession(options: TestSessionOptions = {}): Promise<CaseSession> {
  const { parse = parseLogFile, ...rest } = options;
  const session = await CaseSession.open(parse, rest);
  opened.push(session);
  return session;
}

/** Deletes the database, then opens a session on it: a case with nothing stored. */
export async function freshSession(options: TestSessionOptions = {}): Promise<CaseSession> {
  await deleteDB(options.dbName ?? DB_NAME);
  return openSession(options);
}

/** Closes every session opened since the last call (for afterEach or afterAll). */
export function closeSessions(): void {
  for (const session of opened.splice(0)) session.close();
}

/** The row of the event with `eventID`, found through the session's own search. */
export async function rowOf(session: CaseSession, eventID: string): Promise<number> {
  const request = { q: `eventID:${eventID}` };
  await session.search.run(request);
  const row = session.search.rows(request, { offset: 0, limit: 1, order: 'asc' })[0]?.row;
  if (row === undefined) throw new Error(`event ${eventID} not found`);
  return row;
}
