/** The vendored SigmaHQ pack compiled at build time by scripts/sigmaPackPlugin.ts. */
declare module 'virtual:sigma-pack' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- an ambient module cannot use a top-level import.
  const pack: import('./types').RulePack;
  export default pack;
}
