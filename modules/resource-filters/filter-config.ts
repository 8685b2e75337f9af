import { z } from 'zod';
import { validationError } from '../../core/errors.ts';

/**
 * What the app's filter overlay understands (smart-village-app filterTypesHelper): per filter key
 * a control type and its options. Unknown keys and options are rejected, so a typo in the studio
 * is an error instead of a filter that silently does not show. A missing `type` is the key's
 * natural control.
 */
const flag = z.boolean().nullable().optional();
const label = z.string().max(200);

const dropdown = z.strictObject({
  type: z.literal('dropdown').default('dropdown'),
  default: z.union([label, z.number(), z.array(z.union([label, z.number()])).max(50)]).nullable().optional(),
  isMultiselect: flag,
  searchable: flag,
  // Spellings of the studio's defaults; the app reads isMultiselect and searchable.
  isMultiSelect: flag,
  isSearchable: flag,
  where: z.record(z.string().max(100), z.union([label, z.number(), z.boolean(), z.null()])).optional(),
});

const date = z.strictObject({
  type: z.literal('date').default('date'),
  default: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date "YYYY-MM-DD"').nullable().optional(),
  hasPastDates: flag,
  hasFutureDates: flag,
});

const KM = 'a whole number of kilometres from 1 to 1000';
const distance = z
  .union([z.number(), z.string().regex(/^\d+$/).transform(Number)], { error: KM })
  .pipe(z.number().int(KM).min(1, KM).max(1000, KM));

const slider = z
  .strictObject({
    type: z.literal('slider').default('slider'),
    // Radius steps in km; the app shows them on the slider.
    options: z.array(distance).min(1).max(30).optional(),
    default: distance.nullable().optional(),
  })
  .refine((s) => s.default === null || s.default === undefined || !s.options || s.options.includes(s.default), {
    message: 'default must be one of the options',
    path: ['default'],
  });

const checkbox = z.strictObject({
  type: z.literal('checkbox').default('checkbox'),
  default: flag,
});

/** `active: { default: false }` switches the whole filter overlay off for the resource type. */
const active = z.strictObject({
  type: z.literal('checkbox').optional(),
  default: flag,
});

export const FilterConfigSchema = z.strictObject({
  active: active.optional(),
  category: dropdown.optional(),
  dataProvider: dropdown.optional(),
  dateStart: date.optional(),
  dateEnd: date.optional(),
  location: dropdown.optional(),
  onlyCurrentlyOpen: checkbox.optional(),
  radiusSearch: slider.optional(),
  saveable: checkbox.optional(),
  zipStart: dropdown.optional(),
  zipEnd: dropdown.optional(),
});
export type FilterConfig = z.infer<typeof FilterConfigSchema>;

/** EventRecord, NewsItem, PointOfInterest, Tour and GenericItem::<genericType>, as the app asks for them. */
export const DATA_RESOURCE_TYPE = /^(?:EventRecord|NewsItem|PointOfInterest|Tour|GenericItem::[A-Z][A-Za-z0-9]{0,59})$/;

const MAX_CONFIG_CHARS = 10_000;

export function checkedDataResourceType(value: unknown): string {
  if (typeof value !== 'string' || !DATA_RESOURCE_TYPE.test(value)) {
    throw validationError('Invalid input: dataResourceType must be EventRecord, NewsItem, PointOfInterest, Tour or GenericItem::<Type>.');
  }
  return value;
}

export function checkedFilterConfig(value: unknown): FilterConfig {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw validationError('Invalid input: config must be a JSON object.');
  if (JSON.stringify(value).length > MAX_CONFIG_CHARS) throw validationError(`Invalid input: config is too large (at most ${MAX_CONFIG_CHARS} characters).`);
  const parsed = FilterConfigSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `config${i.path.map((p) => `.${String(p)}`).join('')}: ${i.message.replace(/^Invalid input: /, '')}`);
    throw validationError(`Invalid input: ${problems.join('; ')}`);
  }
  return parsed.data;
}
