import CodepageEncoder from '@point-of-sale/codepage-encoder';

type GetEncoding = typeof CodepageEncoder.getEncoding;
type CodepageDefinition = ReturnType<GetEncoding>;

const original: GetEncoding = CodepageEncoder.getEncoding;

// `getCodepoints` builds a codepage that extends another by writing into
// `this.getEncoding(base).codepoints`; called on this receiver it writes into a private copy.
const unshared: typeof CodepageEncoder = Object.create(CodepageEncoder, { getEncoding: { value: original } });

const definitions = new Map<string, CodepageDefinition>();

function memoised(codepage: Parameters<GetEncoding>[0]): CodepageDefinition {
  let definition = definitions.get(codepage);
  if (!definition) {
    definition = Object.freeze(original.call(unshared, codepage));
    definitions.set(codepage, definition);
  }
  return definition;
}

/**
 * `CodepageEncoder.getEncoding` (which the receipt encoder reaches through `encode` once per text,
 * and through `autoEncode` once per character for codepage `auto`) returns a `structuredClone` of
 * the codepage's definition on every call: ~30 µs each, ~1 ms of a receipt in cp865 and ~40 ms in
 * auto. The definitions never change, so each is made once and then shared. The object is frozen
 * but not its `codepoints`: V8 runs `findIndex`, which `encode` calls per character, some 40 times
 * slower on a frozen array, and neither library writes to what `getEncoding` returns (see `unshared`).
 * We cannot change the package (3.0.2 is the latest); the encoder requires the same instance.
 */
export function memoiseCodepageDefinitions(): void {
  CodepageEncoder.getEncoding = memoised;
}

/** The codepages handed out from the memo so far (a test checks the encoder goes through it). */
export function memoisedCodepages(): string[] {
  return [...definitions.keys()];
}

/** Runs `work` with the library's own `getEncoding` (a test compares the bytes with and without the memo). */
export function withoutCodepageMemo<T>(work: () => T): T {
  const current = CodepageEncoder.getEncoding;
  CodepageEncoder.getEncoding = original;
  try {
    return work();
  } finally {
    CodepageEncoder.getEncoding = current;
  }
}
