import { describe, expect, it } from 'vitest';
import { dehyphenate, pdfPagesToMarkdown } from './pdf-text.ts';

describe('pdf text', () => {
  it('rejoins words hyphenated at line ends but keeps real hyphens', () => {
    expect(dehyphenate('a classi-\nfication of state-of-the-art models\nX-\nRay')).toBe(
      'a classification of state-of-the-art models\nX-\nRay',
    );
  });

  it('joins pages and marks section headings so sections can be found', () => {
    const md = pdfPagesToMarkdown([
      'A Paper Title\nAbstract\nWe do things.\n1 Introduction\nThe intro is long and con-\ntinues here.',
      '3.1 Training Details\n1 We train for three epochs on eight GPUs and report the mean of five runs here.\nReferences\n[1] A. Author.',
    ]);
    expect(md).toContain('## Abstract\n');
    expect(md).toContain('## 1 Introduction\n');
    expect(md).toContain('The intro is long and continues here.');
    expect(md).toContain('### 3.1 Training Details\n');
    expect(md).toContain('\n1 We train for three epochs');
    expect(md).toContain('## References\n');
  });
});
