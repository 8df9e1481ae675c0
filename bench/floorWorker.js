// Floor worker: for each gzipped log file it is sent, gunzips it with the native DecompressionStream
// (whole buffer written then closed, read back with Response.arrayBuffer: the fastest way measured in
// browser-limits.md), decodes it and JSON.parses it, and answers with counts and per-stage times.

self.onmessage = async (/** @type {MessageEvent<ArrayBuffer>} */ e) => {
  try {
    const t0 = performance.now();
    const ds = new DecompressionStream('gzip');
    const writer = ds.writable.getWriter();
    // Not awaited: the write settles only once the readable side is being read. Errors surface there.
    writer.write(new Uint8Array(e.data)).catch(() => {});
    writer.close().catch(() => {});
    const out = await new Response(ds.readable).arrayBuffer();
    const t1 = performance.now();
    const text = new TextDecoder().decode(out);
    const t2 = performance.now();
    const json = JSON.parse(text);
    const t3 = performance.now();
    self.postMessage({
      events: Array.isArray(json.Records) ? json.Records.length : 0,
      jsonBytes: out.byteLength,
      gunzipMs: t1 - t0,
      decodeMs: t2 - t1,
      parseMs: t3 - t2,
    });
  } catch (err) {
    self.postMessage({ error: String(err) });
  }
};

self.postMessage({ ready: true });
