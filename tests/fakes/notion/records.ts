/** The records the fake's store keeps; times are epoch milliseconds at full precision. */
import type { PropertySchema } from './properties.ts';
import type { RichTextItem } from './rich-text.ts';

export const BOT_USER_ID = '7775f3a3-893f-43fa-b625-460c61094c78';
export const PERSON_USER_ID = 'a4f789cc-7bc8-4cf0-82b9-a8ba7d985ecf';

export type DatabaseParent = { type: 'page_id'; page_id: string } | { type: 'workspace'; workspace: true };
export type PageParent =
  | { type: 'data_source_id'; data_source_id: string; database_id: string }
  | { type: 'page_id'; page_id: string }
  | { type: 'workspace'; workspace: true };

export interface DatabaseRecord {
  id: string;
  parent: DatabaseParent;
  title: RichTextItem[];
  description: RichTextItem[];
  isInline: boolean;
  createdTime: number;
  lastEditedTime: number;
  dataSourceIds: string[];
  inTrash: boolean;
  icon: unknown;
  cover: unknown;
}

export interface DataSourceRecord {
  id: string;
  databaseId: string;
  title: RichTextItem[];
  properties: PropertySchema[];
  createdTime: number;
  lastEditedTime: number;
  inTrash: boolean;
  icon: unknown;
}

export interface PageRecord {
  id: string;
  parent: PageParent;
  values: Map<string, unknown>;
  createdTime: number;
  lastEditedTime: number;
  createdBy: string;
  lastEditedBy: string;
  inTrash: boolean;
  isLocked: boolean;
  icon: unknown;
  cover: unknown;
}

export interface PageChanges {
  properties?: Record<string, unknown> | undefined;
  inTrash?: boolean | undefined;
  isLocked?: boolean | undefined;
  icon?: unknown;
  cover?: unknown;
}
