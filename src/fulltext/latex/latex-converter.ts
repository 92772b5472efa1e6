/**
 * Which LaTeX → markdown converter runs: pandoc when it is on the PATH (the user's previous
 * pipeline), else the built-in unified-latex converter, which is also the fallback when pandoc
 * fails on a file. The choice is made from what is passed in, so it is testable without pandoc.
 */
import type { Logger } from '../../log/logger.ts';
import { latexToMarkdown } from './latex-to-markdown.ts';

export interface LatexConverter {
  readonly name: string;
  convert(tex: string): Promise<string>;
}

export const unifiedLatexConverter: LatexConverter = {
  name: 'unified-latex',
  convert: async (tex) => latexToMarkdown(tex),
};

export interface ConverterChoice {
  /** Path of a pandoc executable, when one was found. */
  pandocPath: string | undefined;
  createPandoc(path: string): LatexConverter;
  logger: Logger;
}

/** Pandoc first, falling back to the built-in converter when it fails; the built-in one alone otherwise. */
export function selectLatexConverter(choice: ConverterChoice): LatexConverter {
  if (choice.pandocPath === undefined) return unifiedLatexConverter;
  const pandoc = choice.createPandoc(choice.pandocPath);
  return {
    name: pandoc.name,
    async convert(tex) {
      try {
        return await pandoc.convert(tex);
      } catch (error) {
        choice.logger.warn(
          { error: error instanceof Error ? error.message : String(error) },
          'pandoc failed; converting with unified-latex',
        );
        return unifiedLatexConverter.convert(tex);
      }
    },
  };
}
