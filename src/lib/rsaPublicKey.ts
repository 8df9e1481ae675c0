/**
 * CloudTrail's public keys come as DER in PKCS#1 (`RSAPublicKey`) or already as X.509 SPKI, base64
 * encoded, sometimes twice, or as PEM. WebCrypto imports SPKI only, so PKCS#1 is wrapped: an
 * rsaEncryption AlgorithmIdentifier and a BIT STRING around the key.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_PublicKey.html
 * @see https://www.rfc-editor.org/rfc/rfc8017#appendix-A.1.1 (RSAPublicKey)
 * @see https://www.rfc-editor.org/rfc/rfc5280#section-4.1 (SubjectPublicKeyInfo)
 */

/** DER of AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
const RSA_ALGORITHM = Uint8Array.of(
  0x30,
  0x0d,
  0x06,
  0x09,
  0x2a,
  0x86,
  0x48,
  0x86,
  0xf7,
  0x0d,
  0x01,
  0x01,
  0x01,
  0x05,
  0x00,
);

/** Wraps a DER PKCS#1 RSAPublicKey as DER SubjectPublicKeyInfo. */
export function pkcs1ToSpki(pkcs1: Uint8Array): Uint8Array<ArrayBuffer> {
  const bitString = concat(
    Uint8Array.of(0x03),
    derLength(pkcs1.length + 1),
    Uint8Array.of(0),
    pkcs1,
  );
  const body = concat(RSA_ALGORITHM, bitString);
  return concat(Uint8Array.of(0x30), derLength(body.length), body);
}

/**
 * The SPKI DER of a public key given as text: PEM (`BEGIN PUBLIC KEY` or `BEGIN RSA PUBLIC KEY`),
 * base64 of SPKI or of PKCS#1, or base64 of such base64. Undefined when it is none of these.
 */
export function readPublicKey(text: string): Uint8Array<ArrayBuffer> | undefined {
  const body = text.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
  for (let depth = 0, current = body; depth < 2; depth++) {
    const der = fromBase64(current);
    if (der === undefined) return undefined;
    const kind = derKind(der);
    if (kind === 'spki') return der;
    if (kind === 'pkcs1') return pkcs1ToSpki(der);
    current = new TextDecoder().decode(der).replace(/\s+/g, '');
  }
  return undefined;
}

/**
 * Verifies an RSASSA-PKCS1-v1_5 / SHA-256 signature ("SHA256withRSA") given as hex over `message`
 * (UTF-8). False for a bad signature, key or hex; never throws.
 */
export async function verifySha256WithRsa(
  spki: Uint8Array<ArrayBuffer>,
  signatureHex: string,
  message: string,
): Promise<boolean> {
  const signature = fromHex(signatureHex);
  if (signature === undefined) return false;
  try {
    const key = await crypto.subtle.importKey(
      'spki',
      spki,
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    return await crypto.subtle.verify(
      'RSASSA-PKCS1-v1_5',
      key,
      signature,
      new TextEncoder().encode(message),
    );
  } catch {
    return false;
  }
}

/**
 * Why WebCrypto will not import `spki` as an RSASSA-PKCS1-v1_5 / SHA-256 verification key, or
 * undefined when it will. Never throws.
 */
export async function importProblem(spki: Uint8Array<ArrayBuffer>): Promise<string | undefined> {
  try {
    await crypto.subtle.importKey(
      'spki',
      spki,
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    return undefined;
  } catch (error) {
    return error instanceof Error && error.message !== '' ? error.message : String(error);
  }
}

// An SPKI starts SEQUENCE { SEQUENCE { OID rsaEncryption … } … }; a PKCS#1 key SEQUENCE { INTEGER … }.
function derKind(der: Uint8Array): 'spki' | 'pkcs1' | undefined {
  if (der[0] !== 0x30) return undefined;
  const inner = 1 + lengthBytes(der, 1);
  if (der[inner] === 0x30) return 'spki';
  if (der[inner] === 0x02) return 'pkcs1';
  return undefined;
}

function lengthBytes(der: Uint8Array, at: number): number {
  const first = der[at] ?? 0;
  return first < 0x80 ? 1 : 1 + (first & 0x7f);
}

function derLength(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (text === '' || !/^[A-Za-z0-9+/]+=*$/.test(text)) return undefined;
  try {
    const binary = atob(text);
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}
