/**
 * A publish item as a Notion page of the Papers database: property values and body blocks,
 * within Notion's limits (see rich-text.ts). Properties the item has no value for are left out,
 * so an update never clears them; Feedback is the user's and is never written.
 */
import type { CreatePageParameters } from '@notionhq/client';
import type { StoredSummary } from '../../core/summary.ts';
import type { PublishItem } from '../../publish/publisher.ts';
import { capItems, groupItems, mathItems, optionNames, type RichTextItem, textItems } from './rich-text.ts';
import { PAPER_PROPS } from './schema.ts';

/** Property values as `pages.create` takes them (update takes the same shapes). */
export type PropertyValues = NonNullable<CreatePageParameters['properties']>;

type TextBlockType = 'paragraph' | 'heading_2' | 'bulleted_list_item';
export type Block = {
  [K in TextBlockType]: { type: K } & { [P in K]: { rich_text: RichTextItem[] } };
}[TextBlockType];

export const MAX_RELATIONS = 100;

const richText = (items: RichTextItem[]) => ({ rich_text: capItems(items) });

/** The first link that looks like code (GitHub, GitLab, Hugging Face), else none. */
export function codeLink(summary: StoredSummary | undefined): string | undefined {
  return summary?.code_and_data_links.find((l) =>
    /^https?:\/\/(github\.com|gitlab\.com|huggingface\.co)\//.test(l),
  );
}

function linkItems(item: PublishItem): RichTextItem[] {
  const links: Array<[string, string]> = [
    ['abs', item.paper.absUrl],
    ['pdf', item.paper.pdfUrl],
  ];
  const code = codeLink(item.summary);
  if (code) links.push(['code', code]);
  return links.flatMap(([label, url], i) => [...(i > 0 ? textItems(' · ') : []), ...textItems(label, url)]);
}

/** Property values for a create or an update; `relatedPageIds` are the related papers that have pages. */
export function paperProperties(item: PublishItem, relatedPageIds: readonly string[]): PropertyValues {
  const { paper, summary, pick } = item;
  // `title` is the title property's id: it works whatever the user renamed the property to.
  const values: PropertyValues = {
    title: { title: capItems(mathItems(paper.title.replace(/\s+/g, ' ').trim())) },
    [PAPER_PROPS.arxivId]: richText(textItems(paper.id)),
    [PAPER_PROPS.authors]: richText(textItems(paper.authors.join(', '))),
    [PAPER_PROPS.published]: { date: { start: paper.published.slice(0, 10) } },
    [PAPER_PROPS.categories]: { multi_select: optionNames(paper.categories) },
    [PAPER_PROPS.links]: richText(linkItems(item)),
    [PAPER_PROPS.related]: { relation: relatedPageIds.slice(0, MAX_RELATIONS).map((id) => ({ id })) },
  };
  if (summary) {
    values[PAPER_PROPS.tags] = { multi_select: optionNames(summary.tags) };
    values[PAPER_PROPS.tldr] = richText(mathItems(summary.one_sentence_summary));
    values[PAPER_PROPS.summaryModel] = richText(textItems(summary.model));
  }
  if (pick) {
    values[PAPER_PROPS.score] = { number: Math.round(pick.score * 10_000) / 10_000 };
    values[PAPER_PROPS.pick] = { select: { name: pick.reason } };
  }
  return values;
}

const block = <K extends TextBlockType>(type: K, items: RichTextItem[]): Block =>
  ({ type, [type]: { rich_text: items } }) as Block;

const heading = (text: string): Block => block('heading_2', textItems(text));

/** Text as paragraphs (split on blank lines) and bullets (lines starting with "- " or "* "). */
export function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const part of text.split(/\n\s*\n/)) {
    const lines = part.split('\n');
    const prose: string[] = [];
    const flush = (): void => {
      const joined = prose.join('\n').trim();
      if (joined) for (const items of groupItems(mathItems(joined))) blocks.push(block('paragraph', items));
      prose.length = 0;
    };
    for (const line of lines) {
      const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
      if (!bullet) {
        prose.push(line);
        continue;
      }
      flush();
      for (const items of groupItems(mathItems(bullet[1] ?? '')))
        blocks.push(block('bulleted_list_item', items));
    }
    flush();
  }
  return blocks;
}

function bullets(values: readonly string[], asLinks = false): Block[] {
  return values
    .filter((v) => v.trim() !== '')
    .flatMap((v) =>
      groupItems(asLinks && /^https?:\/\//.test(v) ? textItems(v, v) : mathItems(v)).map((items) =>
        block('bulleted_list_item', items),
      ),
    );
}

function section(title: string, body: Block[]): Block[] {
  return body.length === 0 ? [] : [heading(title), ...body];
}

/** The page body: the summary's sections, or the abstract when there is no summary yet. */
export function paperBlocks(item: PublishItem): Block[] {
  const { summary, paper } = item;
  if (!summary) return section('Abstract', textBlocks(paper.abstract));
  return [
    ...section('TL;DR', textBlocks(summary.one_sentence_summary)),
    ...section('Problem', textBlocks(summary.problem_background)),
    ...section('Method', textBlocks(summary.method)),
    ...section('Experiments', textBlocks(summary.experiment)),
    ...section('Key contributions', bullets(summary.key_contributions)),
    ...section('Datasets and benchmarks', bullets(summary.datasets_and_benchmarks)),
    ...section('Limitations', bullets(summary.limitations)),
    ...section('Further thoughts', textBlocks(summary.further_thoughts)),
    ...section('Institutions', bullets(summary.institutions)),
    ...section('Code and data', bullets(summary.code_and_data_links, true)),
    ...section('Related papers', bullets(item.related.map((r) => `${r.title} (${r.id}, ${r.relation})`))),
    ...section('Abstract', textBlocks(paper.abstract)),
  ];
}
