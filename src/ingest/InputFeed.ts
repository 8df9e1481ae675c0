import type { ExpandedInput } from './expandZip';
import type { ParseFn, ParseResult } from './types';

/** An input with its parse under way (or, for an input with a known problem, that problem). */
export interface FedInput {
  readonly item: ExpandedInput;
  readonly result: Promise<ParseResult>;
  settled: boolean;
}

/**
 * Pulls inputs from an asynchronous source (expandInputs) and keeps up to `lookahead` of them parsing
 * ahead of the writer, handed out strictly in source order. Pulling is what reads a zip entry, so at
 * most `lookahead` entries are ever unpacked ahead. Once stopped, nothing more is parsed.
 */
export class InputFeed {
  private readonly queue: FedInput[] = [];
  private done = false;
  private failure: { readonly error: unknown } | undefined;
  private filling: Promise<void> | undefined;
  private stopped = false;

  private readonly source: AsyncIterator<ExpandedInput>;
  private readonly parse: ParseFn;
  private readonly lookahead: number;

  constructor(source: AsyncIterator<ExpandedInput>, parse: ParseFn, lookahead: number) {
    this.source = source;
    this.parse = parse;
    this.lookahead = Math.max(1, lookahead);
  }

  /**
   * The next input in order, or undefined after the last.
   * @throws what the source threw (expandInputs never throws).
   */
  async next(): Promise<FedInput | undefined> {
    while (this.queue.length === 0 && !this.done) await this.fill();
    if (this.queue.length === 0 && this.failure !== undefined) throw this.failure.error;
    const head = this.queue.shift();
    void this.fill();
    return head;
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
        else this.queue.push(this.start(next.value));
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
