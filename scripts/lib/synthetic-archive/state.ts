/** What every step of the generator shares. The steps run in a fixed order: same seed, same bytes. */
import type { Random } from './random.ts';

export interface GeneratorState {
  /** The one random source; every draw moves it on, so the order of the steps is part of the output. */
  rnd: Random;
  /** Clean paragraphs of the seed articles (seed-text.ts). */
  paragraphs: readonly string[];
  /** Entry ids in use (ids.ts). */
  taken: Set<string>;
}

/** A random paragraph of seed text. */
export function seedParagraph({ rnd, paragraphs }: GeneratorState): string {
  return paragraphs[rnd.int(0, paragraphs.length - 1)]!;
}
