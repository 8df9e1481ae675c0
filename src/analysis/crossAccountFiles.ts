import type { CrossAccountFiles } from './coverageMap';

/**
 * Tallies, per log file, the events whose account differs from the account its S3 key names, then
 * sums them by (file account, event account). Accounts compare without case, as queries match.
 * Events with no recipientAccountId claim no other account and are not counted.
 */
export class CrossAccountTally {
  /** fileId → event account code → events. */
  private readonly perFile = new Map<number, Map<number, number>>();

  /** Counts one event of account `code` in file `fileId` (whose key names another account). */
  add(fileId: number, code: number): void {
    let byAccount = this.perFile.get(fileId);
    if (byAccount === undefined) {
      byAccount = new Map<number, number>();
      this.perFile.set(fileId, byAccount);
    }
    byAccount.set(code, (byAccount.get(code) ?? 0) + 1);
  }

  /**
   * The sums, most files then most events first. `fileAccount` gives the account a file's key
   * names; `account` the string of an event account code.
   */
  finish(
    fileAccount: (fileId: number) => string | undefined,
    account: (code: number) => string,
  ): CrossAccountFiles[] {
    const sums = new Map<
      string,
      { fileAccount: string; eventAccount: string; files: number; events: number }
    >();
    for (const [fileId, byAccount] of this.perFile) {
      const owner = fileAccount(fileId);
      if (owner === undefined) continue;
      for (const [code, events] of byAccount) {
        const other = account(code);
        if (other === '' || other.toLowerCase() === owner.toLowerCase()) continue;
        const id = `${owner.toLowerCase()}\u0000${other.toLowerCase()}`;
        const sum = sums.get(id) ?? {
          fileAccount: owner,
          eventAccount: other,
          files: 0,
          events: 0,
        };
        sum.files += 1;
        sum.events += events;
        sums.set(id, sum);
      }
    }
    return [...sums.values()].sort((a, b) =>
      b.files !== a.files ? b.files - a.files : b.events - a.events,
    );
  }
}
