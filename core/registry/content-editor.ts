import type { Kysely } from 'kysely';
import type { AccountPrincipal } from '../auth/principal.ts';
import type { LocalizedText } from './manifest.ts';

/**
 * How a module's records are edited by staff: the form's fields and how a record is read into
 * them and written back. The studio renders, validates and versions the form generically; the
 * module only maps between form values and its own write path (so imports and edits share it).
 */
export type EditorFieldKind =
  | 'text'
  | 'textarea'
  | 'richtext'
  | 'url'
  | 'datetime'
  | 'date'
  | 'time'
  | 'number'
  /** An amount of money ("3,50"); stored as "3.50". */
  | 'decimal'
  | 'checkbox'
  /** One of `options`. */
  | 'select'
  /** Any of `options`, as checkboxes (weekdays of a rule …). */
  | 'choices'
  | 'categories'
  | 'image'
  /** A table of rows with `columns` (opening hours, prices …); the form offers empty rows to add. */
  | 'rows'
  /**
   * A line on a map (a tour's track): one "latitude, longitude" per line, or a GPX file's text.
   * Its checked value is always the lines; with script the form shows a map to draw on.
   */
  | 'track';

export type EditorField = {
  name: string;
  kind: EditorFieldKind;
  label: LocalizedText;
  hint?: LocalizedText;
  required?: boolean;
  /** For text-like fields; the studio's default applies otherwise. */
  maxLength?: number;
  /** For select and choices. */
  options?: { value: string; label: LocalizedText }[];
  /** For rows: the columns (simple kinds and textarea) and how many empty rows the form offers. */
  columns?: EditorField[];
  extraRows?: number;
  /** For rows: how many rows a form may carry (the studio's default otherwise). */
  maxRows?: number;
  /** For numbers (whole numbers only); for a track, `max` is the most points. */
  min?: number;
  max?: number;
  /** Groups fields under a heading (a fieldset), in the order they come. */
  group?: LocalizedText;
};

/** A rule across fields that the form checks before saving (the module's own checks still apply). */
export type EditorProblem = { field: string; message: LocalizedText };

/** A field's value as a form carries it: text, a list (categories), a switch or rows. An image is its URL. */
export type EditorRow = Record<string, string | boolean>;
export type EditorValue = string | string[] | boolean | EditorRow[];
export type EditorValues = Record<string, EditorValue>;

export type LoadedRecord = {
  values: EditorValues;
  dataProviderId: number | null;
};

/** An image chosen from the tenant's media library, as content stores it. */
export type EditorImage = { url: string; alt: string; copyright: string; width: number | null; height: number | null };

export type SaveContext = {
  /** The record to update, or null to create one (owned by the caller's data provider). */
  id: number | null;
  tenantId: number;
  /** When the record becomes public, if the editor scheduled it (else immediately or as before). */
  publishAt: Date | null;
  /** The library images the form's image fields name, by URL (an image kept unchanged may be missing). */
  images: Map<string, EditorImage>;
  /** Editors with `tree`: the record's parent (null: top level), checked by the module; undefined leaves it where it is. */
  parentId?: number | null;
};

/**
 * Records of one type that hang under each other (generic items and their children, in
 * `parentColumn`): the form lists a record's children, creates new ones under it and lets the
 * editor choose its parent among those the module allows.
 */
export type ContentTree = {
  /** The column naming a record's kind, shown in the children list by the labels of the select field `kindField`. */
  kindColumn: string;
  kindField: string;
  /** Records the given one (null: a new one) may be put under, for this caller, in tree order (level 1 = top); the module's rules (depth, ownership) apply. */
  parentChoices(db: Kysely<any>, caller: AccountPrincipal, id: number | null): Promise<TreeChoice[]>;
};

/** A possible parent: its title, its kind (a value of the tree's `kindField`) and its level in the tree. */
export type TreeChoice = { id: number; title: string; kind: string; level: number };

export type ContentEditor = {
  /** The mainserver's record type name ("NewsItem"); also the key of history and trash entries. */
  recordType: string;
  /** URL segment under /studio/inhalte/ (German, as the UI). */
  slug: string;
  title: LocalizedText;
  singular: LocalizedText;
  /** Table with id, data_provider_id, visible and updated_at columns; its title column for lists and search. */
  table: string;
  titleColumn: string;
  /** The form field that holds the title (for notices and the trash). */
  titleField: string;
  fields: EditorField[];
  /** Checks across fields, reported at the named field. */
  validate?(values: EditorValues): EditorProblem[];
  /** Records with a value here belong to another record and are edited with it: lists show only the others. */
  parentColumn?: string;
  /** With parentColumn: the records form a tree the form shows and changes. */
  tree?: ContentTree;
  load(db: Kysely<any>, id: number): Promise<LoadedRecord | null>;
  /** Writes the record through the module's own validation; runs inside the studio's transaction. Returns the id. */
  save(db: Kysely<any>, caller: AccountPrincipal, values: EditorValues, ctx: SaveContext): Promise<number>;
};
