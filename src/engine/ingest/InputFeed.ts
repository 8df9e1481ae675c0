import type { ExpandedInput } from './expandZip';
import type { ParseFn, ParseResult } from './types';

/** An input with its parse under way (or, for an input with a known problem, that problem). */
export interface FedInput {
  readonly item: ExpandedInput;
  readonly result: Promise<ParseResult>;
  settled: boolean;
}

/** Opens an input whose parse answered 'zip' into the files inside it (expandArchive). */
export type OpenArchive = (item: ExpandedInput) => AsyncIterable<ExpandedInput>;

/**
 * Pulls inputs from an asynchronous source (expandInputs) and keeps up to `lookahead` of them parsing
 * ahead of the writer, handed out strictly in source order. Pulling is what reads a zip entry, so at
 * most `lookahead` entries are ever unpacked ahead. An input whose parse answers 'zip' is replaced,
 * in place, by the files inside it (`openArchive`). Once stopped, nothing more is parsed.
 */
export class InputFeed {
  private queue: FedInput[] = [];
  private done = false;
  private failure: { readonly error: unknown } | undefined;
  private filling: Promise<void> | undefined;
  private stopped = false;

  private source: AsyncIterator<ExpandedInput | FedInput>;
  private readonly parse: ParseFn;
  private readonly lookahead: number;
  private readonly openArchive: OpenArchive | undefined;

  constructor(
    source: AsyncIterator<ExpandedInput>,
    parse: ParseFn,
    lookahead: number,
    openArchive?: OpenArchive,
  ) {
    this.source = source;
    this.parse = parse;
    this.lookahead = Math.max(1, lookahead);
    this.openArchive = openArchive;
  }

  /**
   * The next input in order, or undefined after the last.
   * @throws what the source threw (expandInputs never throws).
   */
  async next(): Promise<FedInput | undefined> {
    for (;;) {
      while (this.queue.length === 0 && !this.done) await this.fill();
      if (this.queue.length === 0 && this.failure !== undefined) throw this.failure.error;
      const head = this.queue.shift();
      if (head !== undefined && this.openArchive !== undefined && (await isZip(head))) {
        // Its files come before the inputs already pulled after it: let a pull under way land first.
        await this.filling;
        const after = this.queue;
        this.queue = [];
        this.source = follow(this.openArchive(head.item), after, this.source);
        this.done = false;
        continue;
      }
      void this.fill();
      return head;
    }
  }

  /** True when the next input is already pulled and parsed. */
  nextIsReady(): boolean {
    return this.queue[0]?.settled === true;
  }

  /** Parses nothing more; inputs still to come are handed out with a result never to be awaited. */
  stop(): void {
    this.stopped = true;
  }

  private fill(): Promise<void> {
    this.filling ??= this.pull().finally(() => (this.filling = undefined));
    return this.filling;
  }

  private async pull(): Promise<void> {
    try {
      while (!this.done && this.queue.length < (this.stopped ? 1 : this.lookahead)) {
        const next = await this.source.next();
        if (next.done === true) this.done = true;
        else this.queue.push('item' in next.value ? next.value : this.start(next.value));
      }
    } catch (error) {
      this.failure = { error };
      this.done = true;
    }
  }

  private start(item: ExpandedInput): FedInput {
    const { problem } = item;
    const result =
      problem !== undefined
        ? Promise.resolve<ParseResult>({ ...problem, size: item.size })
        : this.stopped
          ? Promise.resolve<ParseResult>({ status: 'failed', size: item.size, reason: 'Not read' })
          : this.parse(item.input);
    const fed: FedInput = { item, result, settled: false };
    const settle = () => (fed.settled = true);
    void result.then(settle, settle);
    return fed;
  }
}

async function isZip(fed: FedInput): Promise<boolean> {
  return fed.item.problem === undefined && (await fed.result).status === 'zip';
}

/** An archive's files, then inputs already pulled (and parsing), then the rest of the source. */
async function* follow(
  archive: AsyncIterable<ExpandedInput>,
  pulled: readonly FedInput[],
  rest: AsyncIterator<ExpandedInput | FedInput>,
): AsyncGenerator<ExpandedInput | FedInput> {
  yield* archive;
  yield* pulled;
  for (let next = await rest.next(); next.done !== true; next = await rest.next()) yield next.value;
}
