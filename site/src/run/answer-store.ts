import type { ResponseStore } from "@zoo/runner/scoring";
import type { Response } from "@zoo/suites";

const DATABASE = "zoo-run";
const ANSWERS = "answers";

/** One saved answer: the model's key (its identity, dtype and device), the request's key, the answer. */
interface SavedAnswer {
  model: string;
  key: string;
  response: Response;
}

/**
 * A model's answers in this browser's IndexedDB, as a ResponseStore: read into memory when a run starts, and each
 * new answer written through as it arrives, so a reload, a closed tab or Stop loses at most the last few.
 */
export interface AnswerStore extends ResponseStore {
  /** Answers the model already had in this browser when the store was opened. */
  readonly loaded: number;
  /** Answers held now, saved or being saved. */
  readonly size: number;
  /** Resolves when every answer put so far is written; rejects if one could not be. */
  flush(): Promise<void>;
  close(): void;
}

function request<T>(asked: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    asked.onsuccess = () => resolve(asked.result);
    asked.onerror = () => reject(asked.error ?? new Error("IndexedDB request failed"));
  });
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  const opening = factory.open(DATABASE, 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore(ANSWERS, { keyPath: ["model", "key"] });
  return request(opening);
}

/** Every answer of a model: its keys run from [model] to [model, anything]. */
const modelRange = (model: string) => IDBKeyRange.bound([model], [model, []]);

export async function openAnswerStore(model: string, factory: IDBFactory = indexedDB): Promise<AnswerStore> {
  const database = await openDatabase(factory);
  const saved = (await request(
    database.transaction(ANSWERS).objectStore(ANSWERS).getAll(modelRange(model)),
  )) as SavedAnswer[];
  const answers = new Map(saved.map((answer) => [answer.key, answer.response]));
  const loaded = answers.size;
  // Writes not yet committed; flush() waits for them.
  const writes = new Set<Promise<void>>();
  let failure: unknown;

  return {
    loaded,
    get size() {
      return answers.size;
    },
    has: (key) => answers.has(key),
    get: (key) => answers.get(key),
    put: (key, response) => {
      answers.set(key, response);
      // Committed at once, not when the thread next has a turn: ONNX Runtime's WebAssembly runs a whole suite
      // without giving it one, and the answers must be on disk as they arrive.
      const transaction = database.transaction(ANSWERS, "readwrite");
      transaction.objectStore(ANSWERS).put({ model, key, response } satisfies SavedAnswer);
      transaction.commit();
      const written = new Promise<void>((resolve) => {
        transaction.oncomplete = () => resolve();
        transaction.onerror = transaction.onabort = () => {
          failure ??= transaction.error ?? new Error("IndexedDB refused to save an answer");
          resolve();
        };
      });
      writes.add(written);
      void written.then(() => writes.delete(written));
    },
    flush: async () => {
      await Promise.all([...writes]);
      if (failure !== undefined) throw failure;
    },
    close: () => database.close(),
  };
}

/** How many answers this browser holds for a model. */
export async function countAnswers(model: string, factory: IDBFactory = indexedDB): Promise<number> {
  const database = await openDatabase(factory);
  try {
    return await request(database.transaction(ANSWERS).objectStore(ANSWERS).count(modelRange(model)));
  } finally {
    database.close();
  }
}
