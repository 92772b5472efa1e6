/** The browser URL of a Notion page from its id (dashes dropped, as Notion itself links pages). */
export function notionPageUrl(pageId: string): string {
  return `https://www.notion.so/${pageId.replace(/-/g, '')}`;
}
